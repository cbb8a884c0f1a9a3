import express, { type Express } from 'express';
import helmet from 'helmet';
import type { ServiceContext } from '../context/context.js';
import { authRoutes, type AuthSettings } from './auth-routes.js';
import { errorHandler, sendError } from './errors.js';
import { healthRoutes } from './health.js';
import { livekitWebhook } from './livekit-webhook.js';
import { staticApp } from './static-apps.js';

/** What the HTTP side serves besides the use cases. */
export interface WebSettings extends AuthSettings {
  kioskDist: string;
  consoleDist: string;
}

/** The LiveKit server's HTTP origin (`ws://h:p` → `http://h:p`), when calls use LiveKit. */
function livekitHttpOrigin(ctx: ServiceContext): string[] {
  const url = ctx.media.livekit?.url;
  return url ? [new URL(url.replace(/^ws/, 'http')).origin] : [];
}

/** The Express app: security headers, health, the LiveKit webhook, the API and the two apps. */
export function createWebApp(ctx: ServiceContext, settings: WebSettings): Express {
  const web = express();
  web.disable('x-powered-by');
  web.set('trust proxy', 'loopback');
  web.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          // livekit-client asks the LiveKit server over HTTP why a connection failed.
          'connect-src': ["'self'", 'ws:', 'wss:', ...livekitHttpOrigin(ctx)],
          'media-src': ["'self'", 'blob:', 'mediastream:'],
          'img-src': ["'self'", 'data:'],
          'style-src': ["'self'", "'unsafe-inline'"],
        },
      },
    }),
  );
  web.use(healthRoutes(ctx));
  // Raw body, before any JSON parser: the webhook's signature covers the exact bytes.
  web.use(livekitWebhook(ctx));
  web.use('/api', express.json({ limit: '16kb' }));
  web.use(authRoutes(ctx, settings));
  web.use('/api', (_req, res) => sendError(res, 'NOT_FOUND', 'no such API route'));
  web.use('/kiosk', staticApp(settings.kioskDist));
  web.use('/console', staticApp(settings.consoleDist));
  web.get('/', (_req, res) => res.redirect('/console/'));
  web.use(errorHandler(ctx.log));
  return web;
}
