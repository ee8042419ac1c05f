import type { FastifyReply, FastifyRequest } from 'fastify';
import type { QueueRuntime } from '../queue/runtime.js';

/** A queue request still unanswered after this long is answered 503: Redis went away under it. */
const ANSWER_WITHIN_MS = 1800;

const unavailable = { error: 'Redis is unreachable: the queues cannot be read now' };

/**
 * The queue dashboard and its API read Redis: while Redis is down they answer 503 at once, and a
 * request that Redis stops answering mid-way is answered 503 in time, never left hanging.
 */
export function redisGuard(runtime: QueueRuntime) {
  return async (_req: FastifyRequest, reply: FastifyReply) => {
    if (!runtime.redisUp) return reply.code(503).header('retry-after', '5').send(unavailable);
    const timer = setTimeout(() => {
      if (!reply.sent) reply.code(503).header('retry-after', '5').send(unavailable);
    }, ANSWER_WITHIN_MS);
    reply.raw.once('close', () => clearTimeout(timer));
  };
}
