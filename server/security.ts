import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/** Paths whose response is an email body shown in the mailbox's frame, with its own policy. */
const EMAIL_PREVIEW_PATH = /^\/dev\/mailbox\/[^/]+\/raw$/;

/** HSTS as production sends it (browsers ignore it over plain http, so localhost is unaffected). */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/**
 * The page policy for one request's nonce. `productionPolicy` is production's (see
 * shipsProductionPolicy); without it, Vite's development server may inject `<style>` tags and
 * open its HMR websocket.
 */
export function contentSecurityPolicy(nonce: string, { productionPolicy }: { productionPolicy: boolean }) {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    productionPolicy ? "style-src 'self'" : "style-src 'self' 'unsafe-inline'",
    productionPolicy ? "connect-src 'self'" : "connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
    "img-src 'self' data:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Security headers on every response: a CSP with a fresh nonce per request (read by
 * entry.server.tsx through the load context), no framing, no MIME sniffing, and HSTS wherever
 * production's policy applies.
 */
/** A recipient's link to a letter (app/routes/letter.$token.tsx) and its PDF. */
const LETTER_LINK_PATH = /^\/letter\//;

export function securityHeaders({ productionPolicy }: { productionPolicy: boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    if (EMAIL_PREVIEW_PATH.test(req.path)) {
      // Emails are written with inline styles and load no scripts; the mailbox page frames them.
      res.setHeader(
        "Content-Security-Policy",
        ["default-src 'none'", "style-src 'unsafe-inline'", "img-src data: https:", "frame-ancestors 'self'", "base-uri 'none'", "form-action 'none'"].join("; "),
      );
    } else {
      res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, { productionPolicy }));
      res.setHeader("X-Frame-Options", "DENY");
    }
    res.setHeader("X-Content-Type-Options", "nosniff");
    // A recipient's letter link is a credential in its address: its pages hand no referrer on.
    res.setHeader("Referrer-Policy", LETTER_LINK_PATH.test(req.path) ? "no-referrer" : "strict-origin-when-cross-origin");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (productionPolicy) res.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether a state-changing request comes from the app's own pages. */
export function isSameOriginRequest(method: string, headers: { secFetchSite?: string; origin?: string }, appOrigin: string) {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (headers.secFetchSite) return headers.secFetchSite === "same-origin";
  return headers.origin === appOrigin;
}

/**
 * Refuses every non-GET request, resource routes included, that does not come from the app's
 * own origin: `Sec-Fetch-Site: same-origin` from browsers that send it, else an `Origin`
 * equal to APP_URL. No header at all is refused too.
 */
export function originCheck({ appUrl }: { appUrl: string }) {
  const appOrigin = new URL(appUrl).origin;
  return (req: Request, res: Response, next: NextFunction) => {
    const allowed = isSameOriginRequest(
      req.method,
      { secFetchSite: req.get("Sec-Fetch-Site"), origin: req.get("Origin") },
      appOrigin,
    );
    if (allowed) return next();
    res
      .status(403)
      .type("text/plain")
      .send("This request did not come from Steppingstone's own pages, so it was refused. Nothing was changed.");
  };
}
