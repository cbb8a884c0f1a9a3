import { describe, expect, it } from 'vitest';
import { offerCollides } from './offer-collision.js';

describe('offerCollides', () => {
  it('takes an offer that comes in while the answer to our own offer is being applied for no collision', () => {
    expect(
      offerCollides({
        makingOffer: false,
        signalingState: 'have-local-offer',
        applyingAnswer: true,
      }),
    ).toBe(false);
  });

  it.each([
    ['while our own offer is being made', true, 'stable', false],
    ['while our own offer waits for its answer', false, 'have-local-offer', false],
    ['while an earlier offer of theirs is being answered', false, 'have-remote-offer', false],
  ] as const)(
    'takes an offer that comes in %s for a collision',
    (_, makingOffer, state, applying) => {
      expect(offerCollides({ makingOffer, signalingState: state, applyingAnswer: applying })).toBe(
        true,
      );
    },
  );

  it('takes an offer that comes in when nothing is being negotiated for no collision', () => {
    expect(
      offerCollides({ makingOffer: false, signalingState: 'stable', applyingAnswer: false }),
    ).toBe(false);
  });
});
