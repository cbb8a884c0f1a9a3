import { z } from 'zod';
import { ApiError } from '../ack.js';

/** Body of every REST error response. */
export const ErrorBody = z.object({ error: ApiError });
/** Body of every REST error response. */
export type ErrorBody = z.infer<typeof ErrorBody>;
