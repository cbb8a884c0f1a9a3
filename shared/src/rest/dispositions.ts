import { z } from 'zod';
import { DispositionList } from '../domain/dispositions.js';
import { RecordVersion } from './admin/version.js';

/**
 * An office's outcomes of a visit, as managers read and replace them, with the version read:
 * a change from an older one is refused CHANGED_ELSEWHERE.
 */
export const DispositionsBody = z.object({ dispositions: DispositionList, version: RecordVersion });
/** An office's outcomes of a visit. */
export type DispositionsBody = z.infer<typeof DispositionsBody>;
