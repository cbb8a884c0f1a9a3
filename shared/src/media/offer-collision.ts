/** Where this side's own negotiation stands when an offer of the other party comes in. */
export interface NegotiationMoment {
  /** This side is creating or setting an offer of its own. */
  makingOffer: boolean;
  signalingState: RTCSignalingState;
  /** The other party's answer to this side's offer is being applied. */
  applyingAnswer: boolean;
}

/**
 * Whether an offer of the other party collides with one of this side's own (glare). An offer that
 * comes in while the other party's answer is still being applied does not: that answer ends this
 * side's offer, and the browser applies the offer right after it. Taking it for a collision would
 * make the impolite side drop it, and the other party would wait for an answer that never comes
 * (the perfect-negotiation pattern of the WebRTC specification keeps the same flag for this).
 */
export function offerCollides({
  makingOffer,
  signalingState,
  applyingAnswer,
}: NegotiationMoment): boolean {
  return makingOffer || (signalingState !== 'stable' && !applyingAnswer);
}
