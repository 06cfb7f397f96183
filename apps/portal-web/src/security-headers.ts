import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';

export interface SecurityHeaderOptions {
  production: boolean;
  /** Origins pages may load images and media from (the gateway's files and audio). */
  mediaOrigins: string[];
  /** Origins forms may lead to (the identity provider, through a redirect). */
  formOrigins: string[];
}

/** The Content-Security-Policy of one response, whose inline scripts carry `nonce`. */
export function contentSecurityPolicy(nonce: string, options: SecurityHeaderOptions): string {
  const media = options.mediaOrigins.join(' ');
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Vite injects styles while developing; the production build links its CSS files.
    options.production ? "style-src 'self'" : "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: ${media}`.trim(),
    `media-src 'self' blob: ${media}`.trim(),
    options.production ? "connect-src 'self'" : "connect-src 'self' ws: wss:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${options.formOrigins.join(' ')}`.trim(),
    "frame-ancestors 'none'",
    ...(options.production ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** Security headers on every answer; `res.locals.nonce` is the nonce pages put on their scripts. */
export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  return (_req, res, next) => {
    const nonce = randomBytes(18).toString('base64');
    res.locals.nonce = nonce;
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce, options));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader(
      'Permissions-Policy',
      'camera=(), microphone=(), geolocation=(), payment=(), interest-cohort=()',
    );
    if (options.production)
      res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}
