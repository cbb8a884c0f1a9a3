import { callbackNumberDue, commentsGivenBy, retentionOf } from '../core/retention.js';
import { audit } from '../context/audit.js';
import type { ServiceContext } from '../context/context.js';
import { inTransaction } from '../context/transaction.js';
import { eraseCallbackPhones, listKeptClosedCallbacks } from '../store/repositories/callbacks.js';
import { eraseCallNotes, listKeptCallNotes } from '../store/repositories/calls.js';
import { eraseChatMessagesSentBy } from '../store/repositories/chat.js';
import { eraseEarlierLinks } from '../store/repositories/earlier-visits.js';
import { eraseComplaintTexts, listKeptComplaintTexts } from '../store/repositories/complaints.js';
import { listOffices } from '../store/repositories/offices.js';
import { eraseSurveyComments, listKeptCommentsGivenBy } from '../store/repositories/surveys.js';
import { eraseVisitorNotes, listKeptVisitorNotes } from '../store/repositories/tickets.js';

/** How often personal data past its period is looked for: periods are whole days. */
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

/** What one run of the retention job erased, in all offices. */
export interface RetentionRun {
  callbackNumbers: number;
  comments: number;
  notes: number;
  complaints: number;
  chatMessages: number;
  /** Links from a visit to the earlier visits of the day the visitor said were theirs. */
  earlierLinks: number;
}

/**
 * The retention job: in every office, erases the call-back numbers, the survey comments, the
 * officers' notes to visitors, their notes on calls, the chat messages, the links between one
 * visitor's visits of a day and the words of complaints whose period has passed and writes what it
 * erased (how many, which requests, surveys and visits — never the numbers or the words) to the
 * audit log.
 */
export async function applyRetention(ctx: ServiceContext): Promise<RetentionRun> {
  const erased: RetentionRun = {
    callbackNumbers: 0,
    comments: 0,
    notes: 0,
    complaints: 0,
    chatMessages: 0,
    earlierLinks: 0,
  };
  for (const office of await listOffices(ctx.db)) {
    const { callbackDays, commentDays, summaryDays } = retentionOf(office);
    const run = await inTransaction(ctx, async (trx) => {
      const now = ctx.clock();
      const callbackIds = (await listKeptClosedCallbacks(trx, office.id))
        .filter((callback) => callbackNumberDue(callback, callbackDays, now))
        .map((callback) => callback.id);
      const callbackNumbers = await eraseCallbackPhones(trx, callbackIds, now);
      const surveyIds = await listKeptCommentsGivenBy(
        trx,
        office.id,
        commentsGivenBy(commentDays, now),
      );
      const comments = await eraseSurveyComments(trx, surveyIds, now);
      // A note lives as long as the summary that shows it: the same days from the visit's end.
      const ticketIds = await listKeptVisitorNotes(
        trx,
        office.id,
        commentsGivenBy(summaryDays, now),
      );
      const visitorNotes = await eraseVisitorNotes(trx, ticketIds);
      // The officer's own notes on a call go with them, counted as notes too.
      const callIds = await listKeptCallNotes(trx, office.id, commentsGivenBy(summaryDays, now));
      const callNotes = await eraseCallNotes(trx, callIds);
      const notes = visitorNotes + callNotes;
      // A complaint is a comment too, whichever source it came from; its tracking id and dates
      // stay as the office's account of what it forwarded.
      const complaintIds = await listKeptComplaintTexts(
        trx,
        office.id,
        commentsGivenBy(commentDays, now),
      );
      const complaints = await eraseComplaintTexts(trx, complaintIds, now);
      // A conversation is part of the visit, so it is kept as long as the visit's summary.
      const chatMessages = await eraseChatMessagesSentBy(
        trx,
        office.id,
        commentsGivenBy(summaryDays, now),
      );
      // Which visits a visitor made in one day is part of each visit, and goes with it.
      const earlierLinks = await eraseEarlierLinks(
        trx,
        office.id,
        commentsGivenBy(summaryDays, now),
      );
      if (callbackNumbers + comments + notes + complaints + chatMessages + earlierLinks > 0) {
        await audit(ctx, trx, {
          officeId: office.id,
          by: 'system',
          action: 'retention.applied',
          subjectId: null,
          details: {
            callbackNumbersErased: callbackNumbers,
            callbackIds,
            commentsErased: comments,
            surveyIds,
            notesErased: notes,
            ticketIds,
            callNotesErased: callNotes,
            callIds,
            complaintsErased: complaints,
            complaintIds,
            chatMessagesErased: chatMessages,
            earlierLinksErased: earlierLinks,
          },
        });
      }
      return { callbackNumbers, comments, notes, complaints, chatMessages, earlierLinks };
    });
    erased.callbackNumbers += run.callbackNumbers;
    erased.comments += run.comments;
    erased.notes += run.notes;
    erased.complaints += run.complaints;
    erased.chatMessages += run.chatMessages;
    erased.earlierLinks += run.earlierLinks;
  }
  const total =
    erased.callbackNumbers +
    erased.comments +
    erased.notes +
    erased.complaints +
    erased.chatMessages +
    erased.earlierLinks;
  if (total > 0) {
    ctx.log.info(erased, 'retention: personal data erased');
  }
  return erased;
}

/** The running retention job. */
export interface RetentionJob {
  /** Stops it; resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

/**
 * Applies the offices' retention periods at start and then every `intervalMs`. Every instance
 * may run it: erasing is idempotent, and a number erased twice is counted once.
 */
export function startRetentionJob(
  ctx: ServiceContext,
  intervalMs = RETENTION_INTERVAL_MS,
): RetentionJob {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = applyRetention(ctx)
      .then(() => undefined)
      .catch((err: unknown) => ctx.log.error({ err }, 'retention job failed'))
      .finally(() => (running = null));
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
