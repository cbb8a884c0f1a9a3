import type { z } from 'zod';
import { QuickReplies } from '../domain/chat.js';
import { RecordVersion } from './admin/version.js';

/**
 * An office's quick replies as managers read and replace them, with the version read: a change
 * from an older one is refused CHANGED_ELSEWHERE.
 */
export const QuickRepliesRecord = QuickReplies.extend({ version: RecordVersion });
/** An office's quick replies as managers read and replace them. */
export type QuickRepliesRecord = z.infer<typeof QuickRepliesRecord>;
