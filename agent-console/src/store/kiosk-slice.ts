import type { KioskStatus } from '@loket/shared';
import type { SliceCreator } from './types';

/** The office's kiosks as the manager's dashboard watches them. */
export interface KioskSlice {
  /** Null until the first list arrives. */
  kiosks: KioskStatus[] | null;
  /** Takes the whole list (on every connect). */
  kiosksLoaded(kiosks: KioskStatus[]): void;
  /** One kiosk connected, left, reported or was changed; a kiosk not listed yet is added. */
  kioskReported(kiosk: KioskStatus): void;
}

export const initialKiosks = { kiosks: null } satisfies Partial<KioskSlice>;

export const createKioskSlice: SliceCreator<KioskSlice> = (set, get) => ({
  ...initialKiosks,
  kiosksLoaded: (kiosks) => set({ kiosks }),
  kioskReported: (kiosk) => {
    const { kiosks } = get();
    if (!kiosks) return;
    const known = kiosks.some((k) => k.id === kiosk.id);
    set({
      kiosks: known
        ? kiosks.map((k) => (k.id === kiosk.id ? kiosk : k))
        : [...kiosks, kiosk].sort((a, b) => a.name.localeCompare(b.name)),
    });
  },
});
