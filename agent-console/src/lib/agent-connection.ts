import { AgentView, CallEnded, OfferView, OfferWithdrawn, PreparedRoom } from '@loket/shared';
import {
  agentUpdated,
  bootstrapped,
  callEnded,
  errorShown,
  offerReceived,
  offerWithdrawn,
  signedOut,
} from '../store/actions';
import { requestBootstrap } from './agent-commands';
import { connectAgentSocket, disconnectAgentSocket } from './agent-socket';
import { errorCodeOf } from './errors';
import { parsedListener } from './parsed-listener';
import { abandonPreparedCall, prepareCall, prepareRoom } from './prepared-call';
import { followSocketLifecycle } from './socket-lifecycle';

/** Asks where this agent stands and restores offer and call: after sign-in, reload or a blip. */
async function resume(): Promise<void> {
  try {
    const bootstrap = await requestBootstrap();
    if (bootstrap.offer) prepareCall(bootstrap.offer);
    bootstrapped(bootstrap);
  } catch (error) {
    const code = errorCodeOf(error);
    if (code === 'UNAUTHENTICATED') signedOut('expired');
    else errorShown(code);
  }
}

/** Opens the agent socket and feeds what it hears into the store; returns the cleanup. */
export function startAgentConnection(): () => void {
  const socket = connectAgentSocket();
  followSocketLifecycle(socket, () => void resume());
  socket.on('agent:updated', parsedListener(AgentView, agentUpdated));
  socket.on(
    'offer:new',
    parsedListener(OfferView, (offer) => {
      prepareCall(offer);
      offerReceived(offer);
    }),
  );
  socket.on('offer:room', parsedListener(PreparedRoom, prepareRoom));
  socket.on(
    'offer:withdrawn',
    parsedListener(OfferWithdrawn, (withdrawn) => {
      abandonPreparedCall();
      offerWithdrawn(withdrawn);
    }),
  );
  socket.on('call:ended', parsedListener(CallEnded, callEnded));
  return () => {
    socket.off();
    disconnectAgentSocket();
  };
}
