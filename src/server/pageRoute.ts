import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Evaluation } from '../alerts/evaluate.js';
import type { TargetHistory } from '../alerts/history.js';
import type { SnapshotPointer } from '../snapshot/manifest.js';
import type { ObjectStore } from '../store/objectStore.js';
import { type Lang, type PageData, renderMessagePage, renderPage } from './page.js';
import type { PageSection } from './sections.js';
import { runKey, type SnapshotCache } from './snapshotCache.js';

export interface PageDeps {
  store: ObjectStore;
  cache: SnapshotCache;
  evaluations: (asOf: string) => Promise<Evaluation[]>;
  histories: ((asOf: string) => Promise<TargetHistory[]>) | undefined;
  sections: readonly PageSection[];
}

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected yyyy-MM-dd')
  .refine((d) => isValid(parseISO(d)) && parseISO(d).toISOString().startsWith(d), 'not a calendar date');
const pageQuery = z.object({ lang: z.enum(['vi', 'en']).default('vi'), as_of: z.string().optional() });

const html = (reply: FastifyReply, code: number, body: string) =>
  reply.code(code).type('text/html; charset=utf-8').send(body);

/** DTEs per province code at every published date up to `asOf`, from the cached runs. */
async function trends(deps: PageDeps, published: readonly SnapshotPointer[], asOf: string) {
  const out = new Map<string, Array<{ as_of: string; value: number }>>();
  for (const p of published.filter((x) => x.as_of <= asOf)) {
    const run = await deps.cache.snapshot(p);
    for (const row of run ? [...run.provinces.provinces, run.provinces.national] : []) {
      const list = out.get(row.code) ?? [];
      list.push({ as_of: p.as_of, value: row.dte_active });
      out.set(row.code, list);
    }
  }
  return out;
}

async function pageData(
  deps: PageDeps,
  pointer: SnapshotPointer,
  published: SnapshotPointer[],
  sections: readonly string[],
) {
  const run = await deps.cache.snapshot(pointer);
  if (!run) return null;
  const asOf = pointer.as_of;
  const before = published.filter((p) => p.as_of < asOf).at(-1);
  const { histories } = deps;
  const data: PageData = {
    as_of: asOf,
    dates: published.map((p) => p.as_of),
    manifest: run.manifest,
    provinces: run.provinces,
    previous: before ? ((await deps.cache.snapshot(before))?.provinces ?? null) : null,
    evaluations: await deps.cache.derive('evaluations', asOf, published, () => deps.evaluations(asOf)),
    histories: histories ? await deps.cache.derive('histories', asOf, published, () => histories(asOf)) : [],
    trends: await trends(deps, published, asOf),
    sections,
  };
  return data;
}

/**
 * The page's HTML, rendered once per published set, date, language and extra sections: everything
 * else on it comes from published runs, which never change.
 */
async function pageHtml(
  deps: PageDeps,
  pointer: SnapshotPointer,
  published: SnapshotPointer[],
  lang: Lang,
): Promise<string | null> {
  const input = { store: deps.store, as_of: pointer.as_of, published, lang };
  const sections = await Promise.all(deps.sections.map((render) => render(input)));
  const key = [lang, runKey(pointer), published.map(runKey).join(','), ...sections].join('\n');
  return deps.cache.rendered(key, async () => {
    const data = await pageData(deps, pointer, published, sections);
    return data ? renderPage(data, lang) : null;
  });
}

/** `GET /?as_of=D&lang=L`: the page of the snapshot of D (default: the latest). */
export function pageRoute(deps: PageDeps) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const query = pageQuery.safeParse(req.query);
    if (!query.success)
      return reply.code(400).send({ error: 'bad request', issues: query.error.issues.map((i) => i.message) });
    const lang = query.data.lang;
    const asked = query.data.as_of;
    if (asked !== undefined && !isoDay.safeParse(asked).success)
      return html(
        reply,
        400,
        renderMessagePage(
          'bad_date',
          asked,
          (await deps.cache.published()).map((p) => p.as_of),
          lang,
        ),
      );
    const resolved = asked
      ? await deps.cache.resolve(asked)
      : await deps.cache.published().then((published) => ({ pointer: published.at(-1) ?? null, published }));
    const dates = resolved.published.map((p) => p.as_of);
    if (!resolved.pointer)
      return html(
        reply,
        asked ? 404 : 200,
        renderMessagePage(asked ? 'not_found' : 'none', asked ?? null, dates, lang),
      );
    const body = await pageHtml(deps, resolved.pointer, resolved.published, lang);
    if (body === null)
      return html(reply, 404, renderMessagePage('not_found', resolved.pointer.as_of, dates, lang));
    return html(reply, 200, body);
  };
}
