import type { SelfAgentStatus } from '@loket/shared';
import { consoleStore } from '../store';
import type { PendingCommand } from '../store/agent-slice';
import {
  agentUpdated,
  callEnded,
  callStarted,
  commandSettled,
  commandStarted,
  offerAnswered,
  signedOut,
} from '../store/actions';
import { agentCommand, requestAccept, requestDecline, requestStatus } from './agent-commands';
import { errorCodeOf } from './errors';
import { openingLocalMedia } from './local-media';
import { abandonPreparedCall, keepForCall, sendAhead, takePrepared } from './prepared-call';
import { primeRinger } from './ringer';

/** Runs one command with its buttons disabled; a failure ends up as the page's error. */
async function run(command: PendingCommand, work: () => Promise<void>): Promise<void> {
  commandStarted(command);
  try {
    await work();
    commandSettled();
  } catch (error) {
    const code = errorCodeOf(error);
    commandSettled(code);
    if (code === 'UNAUTHENTICATED') signedOut('expired');
  }
}

/** Goes available or takes a break. Going available also unlocks audio for the ringer. */
export function setStatus(status: SelfAgentStatus): Promise<void> {
  if (status === 'available') primeRinger();
  return run('status', async () => agentUpdated(await requestStatus(status)));
}

/**
 * Accepts the offer, taking over what was made ready while it rang; camera and microphone open
 * now unless they already are.
 */
export function acceptOffer(ticketId: string): Promise<void> {
  void openingLocalMedia();
  return run('offer', async () => {
    const ready = takePrepared(ticketId);
    // In a room joined while the offer rang, the officer's camera goes out with the accept.
    const room = ready?.room?.session;
    if (room)
      void openingLocalMedia().then(
        (local) => room.join(local),
        () => undefined,
      );
    try {
      const call = await requestAccept(ticketId);
      const { micMuted, cameraOff } = consoleStore.getState();
      await sendAhead(ready, call.callId, { audio: micMuted, video: cameraOff });
      keepForCall(call.callId, ready);
      callStarted(call);
    } catch (error) {
      ready?.peer?.session.leave();
      ready?.room?.session.leave();
      abandonPreparedCall();
      if (errorCodeOf(error) === 'OFFER_NOT_HELD') offerAnswered(ticketId);
      throw error;
    }
  });
}

/** Declines the offer; the ticket goes back to the queue. */
export function declineOffer(ticketId: string): Promise<void> {
  abandonPreparedCall();
  return run('offer', async () => {
    try {
      agentUpdated(await requestDecline(ticketId));
    } finally {
      offerAnswered(ticketId);
    }
  });
}

/** Ends the call for both parties; a call the server no longer knows is cleared too. */
export function endCall(callId: string): Promise<void> {
  return run('endCall', async () => {
    try {
      await agentCommand('call:end', { callId });
    } catch (error) {
      if (errorCodeOf(error) !== 'NOT_IN_CALL') throw error;
    }
    callEnded({ callId, reason: 'ended_by_agent' });
  });
}
