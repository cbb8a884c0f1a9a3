import express, { Router } from 'express';
import type { ServiceContext } from '../context/context.js';
import { LoketError } from '../context/errors.js';
import { receiveMediaWebhook } from '../use-cases/media-events.js';
import { sendError } from './errors.js';

/**
 * `POST /livekit/webhook`: LiveKit tells Loket about rooms and participants. The signature in the
 * Authorization header is checked over the raw body before anything is read from it; a forged or
 * altered request gets 401 and changes nothing. 404 while calls do not use LiveKit.
 */
export function livekitWebhook(ctx: ServiceContext): Router {
  const router = Router();
  router.post(
    '/livekit/webhook',
    express.raw({ type: 'application/webhook+json', limit: '64kb' }),
    async (req, res) => {
      const body: unknown = req.body;
      if (ctx.media.livekit && !Buffer.isBuffer(body)) {
        res.status(415).json({ error: { code: 'BAD_REQUEST', message: 'expected a webhook' } });
        return;
      }
      try {
        const raw = Buffer.isBuffer(body) ? body.toString('utf8') : '';
        await receiveMediaWebhook(ctx, raw, req.get('authorization'));
      } catch (error) {
        if (!(error instanceof LoketError)) throw error;
        return sendError(res, error.code, error.message);
      }
      res.status(200).end();
    },
  );
  return router;
}
