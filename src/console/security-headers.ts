import { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/** Third-party pages that bring inline scripts and styles of their own: their policy is relaxed for them alone. */
const THIRD_PARTY_PAGES = ['/docs', '/admin/queues'];

const STRICT_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  // Behind TLS in production HSTS keeps browsers on https; on plain http it would break local use.
  upgradeInsecureRequests: null,
};

export function isThirdPartyPage(path: string): boolean {
  return THIRD_PARTY_PAGES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}-`));
}

/**
 * helmet's security headers on every response (no X-Powered-By). The console and the status page get a
 * Content-Security-Policy that allows scripts and styles from this origin only (no inline script);
 * Swagger UI at /docs and the Bull dashboard at /admin/queues may also run their inline code.
 */
export function securityHeaders(app: INestApplication): void {
  const strict = helmet({ contentSecurityPolicy: { useDefaults: false, directives: STRICT_DIRECTIVES } });
  const relaxed = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...STRICT_DIRECTIVES,
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        frameAncestors: ["'self'"],
      },
    },
  });
  app.use((request: Request, response: Response, next: NextFunction) =>
    (isThirdPartyPage(request.path) ? relaxed : strict)(request, response, next),
  );
}
