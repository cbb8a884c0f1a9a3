import type { OfferView, OfferWithdrawn } from '@loket/shared';
import { notice } from './notice';
import type { SliceCreator } from './types';

/** The ticket currently offered to this agent, if any. */
export interface OfferSlice {
  offer: OfferView | null;
  offerReceived(offer: OfferView): void;
  /** Removes the offer if it is the one withdrawn, and says why. */
  offerWithdrawn(withdrawn: OfferWithdrawn): void;
  /**
   * The agent answered the offer of `ticketId` (accepted or declined). A next offer that arrived
   * meanwhile stays.
   */
  offerAnswered(ticketId: string): void;
}

export const initialOffer = { offer: null } satisfies Partial<OfferSlice>;

export const createOfferSlice: SliceCreator<OfferSlice> = (set) => ({
  ...initialOffer,
  // A new offer makes older announcements and errors stale.
  offerReceived: (offer) => set({ offer, notice: null, error: null }),
  offerWithdrawn: ({ ticketId, reason }) =>
    set((state) =>
      state.offer?.ticketId === ticketId
        ? {
            offer: null,
            notice: notice(reason === 'expired' ? 'offerExpired' : 'offerCancelled'),
          }
        : {},
    ),
  offerAnswered: (ticketId) =>
    set((state) => (state.offer?.ticketId === ticketId ? { offer: null } : {})),
});
