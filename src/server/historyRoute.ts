import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ofUnit, readHistory } from '../history/index.js';
import type { ObjectStore } from '../store/objectStore.js';

const historyQuery = z
  .object({
    province: z
      .string()
      .regex(/^(\d{2}|VN)$/, 'expected a two-digit code or VN')
      .optional(),
    units: z.enum(['provinces', 'legacy_provinces', 'targets']).default('provinces'),
  })
  .strict();

/**
 * `GET /api/history[?province=C][&units=provinces|legacy_provinces|targets]`: the rows of the
 * published history (`history/*.csv`), one per as-of date and unit, values typed.
 */
export function registerHistoryRoute(app: FastifyInstance, store: ObjectStore): void {
  app.get('/api/history', async (req, reply) => {
    const query = historyQuery.safeParse(req.query);
    if (!query.success)
      return reply.code(400).send({
        error: 'bad request',
        issues: query.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      });
    const rows = ofUnit(await readHistory(store, query.data.units), query.data.province);
    return { units: query.data.units, province: query.data.province ?? null, rows };
  });
}
