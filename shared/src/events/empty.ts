import { z } from 'zod';

/** The payload of a command that carries nothing; anything else is refused. */
export const Empty = z.object({}).strict();
