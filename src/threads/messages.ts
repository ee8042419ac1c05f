import { z } from 'zod';

/** Pool → thread: one payload, validated again in the thread as a queued job would be. */
export const threadRequest = z.object({ id: z.number().int(), payload: z.unknown() });

/** Thread → pool: the handler's result, or its error as data (errors lose their class in a clone). */
export const threadReply = z.discriminatedUnion('ok', [
  z.object({ id: z.number().int(), ok: z.literal(true), result: z.unknown() }),
  z.object({
    id: z.number().int(),
    ok: z.literal(false),
    error: z.object({
      name: z.string(),
      message: z.string(),
      stack: z.string().optional(),
      context: z.record(z.string(), z.unknown()),
    }),
  }),
]);
