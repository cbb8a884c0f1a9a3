import type { ServiceContext } from '../context/context.js';
import { pingDatabase } from '../store/database.js';

/** Whether the server can do its work: the store answers. */
export async function isHealthy(ctx: ServiceContext): Promise<boolean> {
  try {
    await pingDatabase(ctx.db);
    return true;
  } catch {
    return false;
  }
}
