import type { RestRoute, RouteAnswer } from '@loket/shared';
import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { LoketError } from '../context/errors.js';
import { sendError } from './errors.js';

/** What a route's handler gets: the body as the route's schema parsed it, and the exchange. */
export interface RouteCall<R extends RestRoute> {
  body: R['body'] extends z.ZodType ? z.output<R['body']> : undefined;
  req: Request;
  res: Response;
}

/**
 * Says what is wrong with a body: the first problem's field and the schema's message for it,
 * which names what is expected and never repeats what was sent.
 */
function invalidBody(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue?.path.join('.');
  return `the request body is not valid${issue ? ` (${field ? `${field}: ` : ''}${issue.message})` : ''}`;
}

/**
 * Mounts the handler of one route of the shared table on `router`: the body is parsed with the
 * route's schema first (BAD_REQUEST otherwise), the answer must be what the route's response
 * schema takes (204 for a route that answers nothing), and a refusal becomes the shared error body
 * with its status. Anything else goes to the error handler.
 */
export function serveRoute<R extends RestRoute>(
  router: Router,
  route: R,
  handle: (call: RouteCall<R>) => Promise<RouteAnswer<R>>,
  ...before: RequestHandler[]
): void {
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  router[method](route.path, ...before, async (req, res) => {
    let body: unknown;
    if (route.body) {
      const parsed = route.body.safeParse(req.body);
      if (!parsed.success) return sendError(res, 'BAD_REQUEST', invalidBody(parsed.error));
      body = parsed.data;
    }
    try {
      const answer = await handle({ body, req, res } as RouteCall<R>);
      if (route.response) res.json(answer);
      else res.status(204).end();
    } catch (error) {
      if (!(error instanceof LoketError)) throw error;
      sendError(res, error.code, error.message, error.retryAt);
    }
  });
}
