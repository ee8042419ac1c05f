import { createHash } from 'node:crypto';
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { redactPath } from '../logging/redact.js';

/**
 * The page for people is one document with inline `<style>` and inline SVG and no script: its
 * policy allows those styles by hash, images from itself, and nothing else at all.
 */
const PAGE_POLICY = [
  "default-src 'none'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/**
 * The queue dashboard (bull-board) loads its scripts and styles from its own path and sets style
 * attributes inline; its web fonts are not fetched from Google.
 */
const DASHBOARD_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

const DASHBOARD = '/admin/queues';

/**
 * Security headers on every response (`@fastify/helmet`: X-Content-Type-Options, Referrer-Policy,
 * X-Frame-Options and the rest), with a Content-Security-Policy per kind of page, set as the reply is
 * sent because the page's inline styles are allowed by their hashes.
 */
export async function registerSecurity(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('content-security-policy', policyFor(req, reply, payload));
    return payload;
  });
}

/** Policies of recent HTML bodies: the page cache hands out the same body, whose hashes never change. */
const policies = new Map<string, string>();
const POLICIES_KEPT = 32;

function policyFor(req: FastifyRequest, reply: FastifyReply, payload: unknown): string {
  if (req.url === DASHBOARD || req.url.startsWith(`${DASHBOARD}/`) || req.url.startsWith(`${DASHBOARD}?`))
    return DASHBOARD_POLICY.join('; ');
  const html = String(reply.getHeader('content-type') ?? '').startsWith('text/html');
  if (!html || typeof payload !== 'string') return pagePolicy(html, payload);
  let policy = policies.get(payload);
  if (policy === undefined) {
    policy = pagePolicy(html, payload);
    if (policies.size >= POLICIES_KEPT) policies.delete(policies.keys().next().value!);
    policies.set(payload, policy);
  }
  return policy;
}

function pagePolicy(html: boolean, payload: unknown): string {
  const styles = html && typeof payload === 'string' ? inlineStyleHashes(payload) : [];
  const attributes = html && typeof payload === 'string' ? styleAttributeHashes(payload) : [];
  const policy = [...PAGE_POLICY, `style-src ${styles.length > 0 ? styles.join(' ') : "'none'"}`];
  if (attributes.length > 0) policy.push(`style-src-attr 'unsafe-hashes' ${attributes.join(' ')}`);
  return policy.join('; ');
}

/** The CSP source of each inline `<style>` element of a document: `'sha256-…'`. */
export function inlineStyleHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi)) {
    hashes.add(`'sha256-${createHash('sha256').update(match[1]!, 'utf8').digest('base64')}'`);
  }
  return [...hashes].sort();
}

/** The CSP source of each `style="…"` attribute value of a document (the page's legend dots). */
export function styleAttributeHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/\sstyle="([^"]*)"/gi)) {
    hashes.add(`'sha256-${createHash('sha256').update(match[1]!, 'utf8').digest('base64')}'`);
  }
  return [...hashes].sort();
}

/** The default 404, with the path's query values redacted in its log line and answer. */
export function notFound(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const message = `Route ${req.method}:${redactPath(req.url)} not found`;
  req.log.info(message);
  return reply.code(404).send({ message, error: 'Not Found', statusCode: 404 });
}
