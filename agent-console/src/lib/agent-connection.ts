import { agentContract } from '@loket/shared';
import {
  agentUpdated,
  bootstrapped,
  callEnded,
  connectionChanged,
  consoleReplaced,
  errorShown,
  offerReceived,
  offerWithdrawn,
  servicesChanged,
  signedOut,
} from '../store/actions';
import { agentCommand } from './agent-commands';
import { agentSocket, connectAgentSocket, disconnectAgentSocket } from './agent-socket';
import { listenTo } from './commands';
import { errorCodeOf } from './errors';
import { abandonPreparedCall, prepareCall, prepareRoom } from './prepared-call';
import { followSocketLifecycle } from './socket-lifecycle';

/** Asks where this agent stands and restores offer and call: after sign-in, reload or a blip. */
async function resume(): Promise<void> {
  try {
    const bootstrap = await agentCommand('agent:bootstrap', {});
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
  listenTo(socket, agentContract.events, {
    'agent:updated': agentUpdated,
    'agent:replaced': () => {
      abandonPreparedCall();
      consoleReplaced();
      // Closed from this side too, so that socket.io does not reconnect it by itself and take
      // the console back from the newer one.
      socket.disconnect();
    },
    'offer:new': (offer) => {
      prepareCall(offer);
      offerReceived(offer);
    },
    'offer:room': prepareRoom,
    'offer:withdrawn': (withdrawn) => {
      abandonPreparedCall();
      offerWithdrawn(withdrawn);
    },
    'call:ended': callEnded,
    'office:changed': ({ services }) => servicesChanged(services),
  });
  return () => {
    socket.off();
    disconnectAgentSocket();
  };
}

/**
 * The officer takes the console back on this screen after opening it elsewhere: connecting again
 * makes this one the newest, and the other is told so in turn.
 */
export function takeConsoleBack(): void {
  connectionChanged('connecting');
  agentSocket().connect();
}
