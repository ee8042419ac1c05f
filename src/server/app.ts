import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Evaluation } from '../alerts/evaluate.js';
import type { TargetHistory } from '../alerts/history.js';
import { redactDeep, redactPath } from '../logging/redact.js';
import { fleetMetrics, METRICS_CONTENT_TYPE } from '../metrics/exposition.js';
import type { QueueRuntime } from '../queue/runtime.js';
import { readCurrent, readLatest, readManifest } from '../snapshot/catalog.js';
import { contentDisposition, downloadName, snapshotKeys } from '../snapshot/layout.js';
import { contentType } from '../stages/aggregate.js';
import type { ObjectStore } from '../store/objectStore.js';
import { adminGuard } from './auth.js';
import { registerHistoryRoute } from './historyRoute.js';
import { pageRoute } from './pageRoute.js';
import { redisGuard } from './redisGuard.js';
import { type PageSection, pageSections } from './sections.js';
import { notFound, registerSecurity } from './security.js';
import { SnapshotCache } from './snapshotCache.js';

export interface ServerDeps {
  store: ObjectStore;
  runtime: QueueRuntime | null;
  adminToken: string | undefined;
  logger: Logger;
  evaluations: (asOf: string) => Promise<Evaluation[]>;
  /** Each target at every published date (the page's charts); without it charts are not drawn. */
  histories?: (asOf: string) => Promise<TargetHistory[]>;
  /** Extra sections of the page; default `pageSections`. */
  sections?: readonly PageSection[];
}

const asOfParam = z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected yyyy-MM-dd') });
const fileParams = asOfParam.extend({ '*': z.string().min(1).max(300) });
const targetsQuery = z.object({
  as_of: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

function bad(reply: FastifyReply, error: z.ZodError): FastifyReply {
  return reply
    .code(400)
    .send({ error: 'bad request', issues: error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
}

/** A snapshot's published manifest, or null: a date without one does not exist for readers. */
async function published(store: ObjectStore, asOf: string) {
  const pointer = await readCurrent(store, asOf);
  const manifest = pointer ? await readManifest(store, pointer) : null;
  return pointer && manifest ? { pointer, manifest } : null;
}

/** `dte serve`: health, metrics, the queue dashboard, the snapshot API and the page for people. */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  if (deps.runtime && (!deps.adminToken || deps.adminToken.length < 16)) {
    throw new Error(
      'DTE_ADMIN_TOKEN (16+ characters) is required to serve the queue dashboard at /admin/queues',
    );
  }
  // Request lines never carry the admin token (under any spelling of `?token=`) or credentials into the logs.
  const serializers = {
    req: (req: { method?: string; url?: string }) => ({ method: req.method, url: redactPath(req.url) }),
    err: (error: unknown) => redactDeep(error),
  };
  const app = Fastify({
    loggerInstance: deps.logger.child({ component: 'http' }, { serializers }) as FastifyBaseLogger,
  });
  await registerSecurity(app);
  app.setNotFoundHandler(notFound);

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_req, reply) => {
    const checks: Record<string, string> = {};
    try {
      await deps.store.head(snapshotKeys.latest);
      checks.store = 'ok';
    } catch (error) {
      checks.store = `error: ${(error as Error).message}`;
    }
    if (deps.runtime) {
      try {
        await Promise.race([
          deps.runtime.connection.ping(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('no answer in 2 s')), 2000)),
        ]);
        checks.redis = 'ok';
      } catch (error) {
        checks.redis = `error: ${(error as Error).message}`;
      }
    }
    const ok = Object.values(checks).every((v) => v === 'ok');
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not ready', checks });
  });

  app.get('/metrics', async (_req, reply) => {
    return reply.type(METRICS_CONTENT_TYPE).send(await fleetMetrics(deps.runtime ?? null));
  });

  if (deps.runtime) {
    const adapter = new FastifyAdapter();
    adapter.setBasePath('/admin/queues');
    createBullBoard({
      queues: Object.values(deps.runtime.queues).map((q) => new BullMQAdapter(q)),
      serverAdapter: adapter,
    });
    await app.register(
      async (scope) => {
        scope.addHook('onRequest', adminGuard(deps.adminToken ?? ''));
        scope.addHook('onRequest', redisGuard(deps.runtime!));
        await scope.register(adapter.registerPlugin());
      },
      { prefix: '/admin/queues' },
    );
  }

  // Published runs never change: the page and the snapshot list read them once (see snapshotCache.ts).
  const cache = new SnapshotCache(deps.store);

  app.get('/api/snapshots', async () => {
    const list = [];
    for (const p of await cache.published()) {
      const m = await cache.manifest(p);
      if (m)
        list.push({
          as_of: p.as_of,
          run_id: p.run_id,
          rule_set_id: m.rule_set_id,
          files: m.outputs.length,
          inputs: m.inputs.map((i) => ({ feed_id: i.feed_id, rows_read: i.rows_read, rejected: i.rejected })),
        });
    }
    return list;
  });

  app.get('/api/snapshots/:asOf', async (req, reply) => {
    const params = asOfParam.safeParse(req.params);
    if (!params.success) return bad(reply, params.error);
    const found = await published(deps.store, params.data.asOf);
    return found
      ? found.manifest
      : reply.code(404).send({ error: `no published snapshot for ${params.data.asOf}` });
  });

  app.get('/api/snapshots/:asOf/files/*', async (req: FastifyRequest, reply) => {
    const params = fileParams.safeParse(req.params);
    if (!params.success) return bad(reply, params.error);
    const name = params.data['*'];
    if (name.includes('..') || name.includes('\\') || name.startsWith('/') || name.includes('\0'))
      return reply.code(400).send({ error: 'bad file name' });
    const found = await published(deps.store, params.data.asOf);
    // Only files the manifest lists: nothing else of the store is reachable from here.
    const output = found?.manifest.outputs.find((o) => o.key === name);
    if (!found || !output)
      return reply.code(404).send({ error: `no file ${name} in snapshot ${params.data.asOf}` });
    const key = `${found.pointer.prefix}${output.key}`;
    const filename = downloadName(params.data.asOf, output.key);
    const presigned = await deps.store.presignGet(key, 300, {
      contentDisposition: contentDisposition(filename),
    });
    if (presigned) return reply.redirect(presigned, 302);
    return reply
      .type(contentType(output.key))
      .header('content-length', output.bytes)
      .header('content-disposition', contentDisposition(filename))
      .send(await deps.store.get(key));
  });

  app.get('/api/targets', async (req, reply) => {
    const query = targetsQuery.safeParse(req.query);
    if (!query.success) return bad(reply, query.error);
    const asOf = query.data.as_of ?? (await readLatest(deps.store))?.as_of;
    if (!asOf) return [];
    return deps.evaluations(asOf);
  });

  registerHistoryRoute(app, deps.store);

  app.get(
    '/',
    pageRoute({
      store: deps.store,
      cache,
      evaluations: deps.evaluations,
      histories: deps.histories,
      sections: deps.sections ?? pageSections,
    }),
  );

  return app;
}
