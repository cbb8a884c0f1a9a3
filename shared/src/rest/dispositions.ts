import { z } from 'zod';
import { DispositionList } from '../domain/dispositions.js';

/** An office's outcomes of a visit, as managers read and replace them. */
export const DispositionsBody = z.object({ dispositions: DispositionList });
/** An office's outcomes of a visit. */
export type DispositionsBody = z.infer<typeof DispositionsBody>;
