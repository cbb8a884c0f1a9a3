import express, { Router } from 'express';
import type { WebhookEvent } from 'livekit-server-sdk';
import type { Logger } from '../log.js';
import type { LiveKit } from '../media/livekit.js';

/**
 * `POST /livekit/webhook`: LiveKit tells Loket about rooms and participants. The signature in the
 * Authorization header is checked over the raw body before anything is read from it; a forged or
 * altered request gets 401 and changes nothing. 404 while calls do not use LiveKit.
 */
export function livekitWebhook(
  livekitOf: () => LiveKit | null,
  onEvent: (event: WebhookEvent) => Promise<void>,
  log: Logger,
): Router {
  const router = Router();
  router.post(
    '/livekit/webhook',
    express.raw({ type: 'application/webhook+json', limit: '64kb' }),
    async (req, res) => {
      const livekit = livekitOf();
      if (!livekit) {
        res.status(404).json({ error: { code: 'NOT_FOUND', message: 'LiveKit is not in use' } });
        return;
      }
      const body: unknown = req.body;
      if (!Buffer.isBuffer(body)) {
        res.status(415).json({ error: { code: 'BAD_REQUEST', message: 'expected a webhook' } });
        return;
      }
      let event: WebhookEvent;
      try {
        event = await livekit.receiveWebhook(body.toString('utf8'), req.get('authorization'));
      } catch (err) {
        log.warn({ err }, 'LiveKit webhook refused');
        res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'bad signature' } });
        return;
      }
      await onEvent(event);
      res.status(200).end();
    },
  );
  return router;
}
