import { restRoutes, type Report, type ReportRequest } from '@loket/shared';
import { useCallback, useState } from 'react';
import { callRoute } from '../lib/api';
import { errorCodeOf, type ConsoleErrorCode } from '../lib/errors';

/** Where fetching a report stands. */
export type ReportState =
  | { status: 'idle' }
  | { status: 'loading'; request: ReportRequest }
  | { status: 'done'; report: Report }
  | { status: 'failed'; error: ConsoleErrorCode };

/** Asks the server for reports; a newer request wins over one still under way. */
export function useReport(): [ReportState, (request: ReportRequest) => Promise<void>] {
  const [state, setState] = useState<ReportState>({ status: 'idle' });
  const load = useCallback(async (request: ReportRequest) => {
    setState({ status: 'loading', request });
    const settle = (next: ReportState) =>
      setState((current) =>
        current.status === 'loading' && current.request === request ? next : current,
      );
    try {
      settle({ status: 'done', report: await callRoute(restRoutes.report, request) });
    } catch (error) {
      settle({ status: 'failed', error: errorCodeOf(error) });
    }
  }, []);
  return [state, load];
}
