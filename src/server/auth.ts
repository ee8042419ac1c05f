import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

const COOKIE = 'dte_admin';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(header: string | undefined): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return decoded(v.join('='));
  }
  return null;
}

/** A cookie value as sent; a malformed escape is a wrong token (401), not a server error. */
function decoded(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/**
 * The dashboard is for ops only: `Authorization: Bearer <DTE_ADMIN_TOKEN>`, or `?token=` once in a
 * browser, which sets an HttpOnly cookie so that the dashboard's own requests carry it.
 */
export function adminGuard(token: string) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const query = (req.query as Record<string, unknown> | undefined)?.token;
    const given = bearer ?? cookieToken(req.headers.cookie) ?? (typeof query === 'string' ? query : null);
    if (!given || !same(given, token)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ error: 'the queue dashboard needs DTE_ADMIN_TOKEN' });
    }
    if (typeof query === 'string')
      reply.header(
        'set-cookie',
        `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/admin/queues`,
      );
  };
}
