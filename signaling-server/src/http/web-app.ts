import { restRoutes } from '@loket/shared';
import path from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { OriginPolicy } from '../auth/origin.js';
import type { ServiceContext } from '../context/context.js';
import { authRoutes, type AuthSettings } from './auth-routes.js';
import { errorHandler, sendError } from './errors.js';
import { healthRoutes } from './health.js';
import { kioskRoutes } from './kiosk-routes.js';
import { adminOfficeRoutes } from './admin-office-routes.js';
import { officeRoutes } from './office-routes.js';
import { reportRoutes } from './report-routes.js';
import { complaintRoutes } from './complaint-routes.js';
import { adminKiosksRoutes } from './admin-kiosks-routes.js';
import { adminPeopleRoutes } from './admin-people-routes.js';
import { visitRoutes } from './visit-routes.js';
import { livekitWebhook } from './livekit-webhook.js';
import { metricsRoute } from './metrics.js';
import type { Metrics } from '../use-cases/metrics.js';
import { displayRoutes } from './display-routes.js';
import { staticApp, staticPage } from './static-apps.js';

/** What the HTTP side serves besides the use cases. */
export interface WebSettings extends AuthSettings {
  kioskDist: string;
  consoleDist: string;
  origins: OriginPolicy;
  trustProxy: boolean | number | string[];
  serveSourceMaps: boolean;
  /** Bearer token Prometheus scrapes `/metrics` with; without it there is no such route. */
  metricsToken?: string | null;
  /** What `/metrics` shows; made only when there is a token. */
  metrics?: Metrics | null;
}

/** The LiveKit server's origins browsers talk to: its WebSocket and its HTTP twin. */
function livekitOrigins(ctx: ServiceContext): string[] {
  const url = ctx.media.livekit?.url;
  if (!url) return [];
  const ws = new URL(url);
  return [ws.origin, new URL(url.replace(/^ws/, 'http')).origin];
}

/**
 * What the browser may use on each app's pages: the kiosk and the console need camera and
 * microphone (and the console shares its screen); every other response allows nothing.
 */
const PERMISSIONS = {
  app: 'camera=(self), microphone=(self), display-capture=(self), fullscreen=(self), autoplay=(self), screen-wake-lock=(self)',
  none: 'camera=(), microphone=(), display-capture=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()',
};
const permissions =
  (policy: string): RequestHandler =>
  (_req, res, next) => {
    res.setHeader('Permissions-Policy', policy);
    next();
  };

/** State-changing API calls must come from an allowed page (or from no page at all). */
function sameOriginWrites(origins: OriginPolicy): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    if (origins.allows(req)) return next();
    sendError(res, 'FORBIDDEN', 'requests from this page are not allowed');
  };
}

/** The Express app: security headers, health, the LiveKit webhook, the API and the two apps. */
export function createWebApp(ctx: ServiceContext, settings: WebSettings): Express {
  const web = express();
  web.disable('x-powered-by');
  web.set('trust proxy', settings.trustProxy);
  // HSTS and upgrade-insecure-requests only mean something to a page served over https; on plain
  // http (a LAN install) they would break every request.
  const secure = settings.secureCookies;
  web.use(
    helmet({
      strictTransportSecurity: secure ? { maxAge: 31_536_000 } : false,
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'default-src': ["'self'"],
          // The server's own socket and, for calls over LiveKit, its server (livekit-client also
          // asks it over HTTP why a connection failed).
          'connect-src': ["'self'", ...livekitOrigins(ctx)],
          'media-src': ["'self'", 'blob:', 'mediastream:'],
          'img-src': ["'self'", 'data:'],
          'style-src': ["'self'", "'unsafe-inline'"],
          'upgrade-insecure-requests': secure ? [] : null,
        },
      },
    }),
  );
  web.use(permissions(PERMISSIONS.none));
  web.use(healthRoutes(ctx));
  web.use(metricsRoute(settings.metrics ?? null, settings.metricsToken ?? null));
  // Raw body, before any JSON parser: the webhook's signature covers the exact bytes.
  web.use(livekitWebhook(ctx));
  web.use('/api', sameOriginWrites(settings.origins));
  // A logo travels as base64, larger than any other body; its route refuses one whose bytes
  // pass LOGO_MAX_BYTES, so the parser's limit only bounds what is read at all.
  web.use(restRoutes.setOfficeLogo.path, express.json({ limit: '1mb' }));
  web.use('/api', express.json({ limit: '16kb' }));
  web.use(authRoutes(ctx, settings));
  web.use(kioskRoutes(ctx));
  web.use(visitRoutes(ctx));
  web.use(reportRoutes(ctx));
  web.use(complaintRoutes(ctx));
  web.use(officeRoutes(ctx));
  web.use(displayRoutes(ctx));
  web.use(adminPeopleRoutes(ctx));
  web.use(adminKiosksRoutes(ctx));
  web.use(adminOfficeRoutes(ctx));
  web.use('/api', (_req, res) => sendError(res, 'NOT_FOUND', 'no such API route'));
  const app = permissions(PERMISSIONS.app);
  web.use('/kiosk', app, staticApp(settings.kioskDist, settings.serveSourceMaps));
  web.use('/console', app, staticApp(settings.consoleDist, settings.serveSourceMaps));
  // The lobby's call-out display is a page of the kiosk's build (it shares its assets).
  web.use('/display', staticPage(path.join(settings.kioskDist, 'display.html')));
  web.get('/', (_req, res) => res.redirect('/console/'));
  web.use(errorHandler(ctx.log));
  return web;
}
