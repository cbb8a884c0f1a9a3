import { managerContract } from '@loket/shared';
import { commandRunner } from './commands';
import { managerSocket } from './manager-socket';

/** Sends a manager's command as its row of the contract says; see {@link commandRunner}. */
export const managerCommand = commandRunner(managerContract.commands, managerSocket);
