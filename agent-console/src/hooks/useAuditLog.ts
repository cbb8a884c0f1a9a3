import { restRoutes, type AuditLog, type AuditQuery } from '@loket/shared';
import { useCallback, useState } from 'react';
import { callRoute } from '../lib/api';
import { errorCodeOf, type ConsoleErrorCode } from '../lib/errors';

/** Where reading the audit log stands. */
export type AuditLogState =
  | { status: 'idle' }
  | { status: 'loading'; query: AuditQuery }
  | { status: 'done'; log: AuditLog }
  | { status: 'failed'; error: ConsoleErrorCode };

/** Reads the office's audit log; a newer query wins over one still under way. */
export function useAuditLog(): [AuditLogState, (query: AuditQuery) => Promise<void>] {
  const [state, setState] = useState<AuditLogState>({ status: 'idle' });
  const load = useCallback(async (query: AuditQuery) => {
    setState({ status: 'loading', query });
    const settle = (next: AuditLogState) =>
      setState((current) =>
        current.status === 'loading' && current.query === query ? next : current,
      );
    try {
      settle({ status: 'done', log: await callRoute(restRoutes.auditLog, query) });
    } catch (error) {
      settle({ status: 'failed', error: errorCodeOf(error) });
    }
  }, []);
  return [state, load];
}
