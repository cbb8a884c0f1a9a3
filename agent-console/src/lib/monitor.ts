import type { MonitorGrant } from '@loket/shared';
import { MonitorSession, type MonitorState } from '@loket/shared/media';
import { ConsoleError, errorCodeOf, type ConsoleErrorCode } from './errors';
import { managerCommand } from './manager-commands';

/** One party of a watched call, as the monitor shows it. */
export interface MonitoredParty {
  /** Ticket number for the visitor, name for the officer. */
  label: string;
  stream: MediaStream | null;
}

/**
 * What the monitor shows while watching one call. `lost`: the connection to the call dropped,
 * which says nothing about the call itself; `failed`: watching could not start.
 */
export interface MonitorView {
  phase: 'loading' | 'watching' | 'ended' | 'lost' | 'failed';
  error: ConsoleErrorCode | null;
  visitor: MonitoredParty;
  officer: MonitoredParty;
}

/** The view before the server has answered. */
export const LOADING_VIEW: MonitorView = {
  phase: 'loading',
  error: null,
  visitor: { label: '', stream: null },
  officer: { label: '', stream: null },
};

/** Asks the server for a hidden, receive-only way into the call a ticket is in. */
export function requestMonitor(ticketId: string): Promise<MonitorGrant> {
  return managerCommand('call:monitor', { ticketId });
}

/** A joined session's state as the monitor shows it. */
function phaseOf(state: MonitorState): MonitorView['phase'] {
  return state === 'connecting' ? 'loading' : state;
}

/**
 * Watches the call a ticket is in: asks for the grant, joins the room receive-only and reports
 * each change of what there is to show. Returns the function that stops watching.
 */
export function watchCall(ticketId: string, onChange: (view: MonitorView) => void): () => void {
  let view = LOADING_VIEW;
  let session: MonitorSession | null = null;
  let stopped = false;
  const show = (next: Partial<MonitorView>) => {
    if (stopped) return;
    view = { ...view, ...next };
    onChange(view);
  };

  const start = async () => {
    const grant = await requestMonitor(ticketId);
    if (stopped) return;
    view = {
      ...view,
      visitor: { label: grant.visitor.label, stream: null },
      officer: { label: grant.officer.label, stream: null },
    };
    session = new MonitorSession({ url: grant.url, token: grant.token });
    session.on('stream', (identity, stream) => {
      if (identity === grant.visitor.identity) show({ visitor: { ...view.visitor, stream } });
      if (identity === grant.officer.identity) show({ officer: { ...view.officer, stream } });
    });
    // Before joining is over, join() settles what to show.
    session.on('state', (state) => {
      if (state !== 'watching' && view.phase === 'watching') show({ phase: phaseOf(state) });
    });
    try {
      await session.join();
    } catch (error) {
      throw new ConsoleError(
        'MEDIA_FAILED',
        error instanceof Error ? error.message : String(error),
      );
    }
    // The room may already have gone while connecting.
    show({ phase: phaseOf(session.state) });
  };

  start().catch((error: unknown) => show({ phase: 'failed', error: errorCodeOf(error) }));
  return () => {
    stopped = true;
    session?.leave();
  };
}
