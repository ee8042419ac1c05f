import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import type { PipelineContext } from '../../src/context/context.js';
import { runInline } from '../../src/runners/inline.js';
import { inlineDeliveries } from '../../src/runners/inlineDeliveries.js';
import {
  listHeld,
  listPublished,
  readCurrent,
  readLatest,
  readRunManifest,
} from '../../src/snapshot/catalog.js';
import { alertKeys } from '../../src/snapshot/layout.js';
import { afterPublish } from '../../src/stages/afterPublish.js';
import { releaseHeld } from '../../src/stages/release.js';
import { readAll } from '../../src/store/bodies.js';
import { LocalStore } from '../../src/store/localStore.js';
import { tempDir, testContext } from '../support/pipelineContext.js';
import { CANONICAL_HEADER, canonicalRow } from './support.js';

const CLI = path.resolve('dist/src/cli/main.js');
const run = promisify(execFile);

/** A canonical export of rows `from..to-1`, with `bad` rows that fail validation, lines ending as told. */
function exportOf(from: number, to: number, bad = 0, eol = '\n'): string {
  const rows = Array.from({ length: to - from }, (_, i) => canonicalRow(from + i));
  for (let i = 0; i < bad; i++) rows.push(canonicalRow(900 + i).replace(',2020-01-01,', ',not-a-date,'));
  return [CANONICAL_HEADER, ...rows].join(eol) + eol;
}

/** A context whose one feed reads `dir/export-<as_of>.csv`, with the given gates. */
async function gateContext(
  gates: Record<string, number> = {},
): Promise<{ ctx: PipelineContext; dir: string }> {
  const dir = await tempDir('dte-gates-');
  const ctx = await testContext(
    [{ id: 'national', format: 'canonical-csv', file: path.join(dir, 'export-{as_of}.csv') }],
    { baseDir: dir },
  );
  ctx.config = { ...ctx.config, gates: configSchema.parse({ gates }).gates };
  return { ctx, dir };
}

async function historyOf(ctx: PipelineContext, asOf: string): Promise<Array<{ id: string; kind: string }>> {
  const text = await ctx.store.get(alertKeys.history(asOf)).then(readAll, () => Buffer.alloc(0));
  return text
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; kind: string });
}

describe('publish gates (issue 16, item 6)', () => {
  it('holds a CR-only export that reads as 0 rows: files kept and listed, latest unmoved, ops told, no plan alert; a rerun holds it again once; release makes it latest and runs the alerts', async () => {
    const { ctx, dir } = await gateContext();
    await writeFile(path.join(dir, 'export-2026-05-31.csv'), exportOf(0, 20));
    const first = await runInline(ctx, { asOf: '2026-05-31' });
    expect(first.status).toBe('published');
    // The export tool wrote only its header, with CR line endings.
    await writeFile(path.join(dir, 'export-2026-06-30.csv'), `${CANONICAL_HEADER}\r`);
    const held = await runInline(ctx, { asOf: '2026-06-30' });
    expect(held.status).toBe('held');
    if (held.status !== 'held') throw new Error('unreachable');
    expect(held.held.reasons.map((r) => r.gate)).toEqual(['no_accepted_rows', 'active_drop']);
    expect(held.after_publish).toMatchObject({ held: true, evaluations: 0, notifications: 0 });
    expect((await readLatest(ctx.store))?.as_of).toBe('2026-05-31');
    expect(await readCurrent(ctx.store, '2026-06-30')).toBeNull();
    expect((await listPublished(ctx.store)).map((p) => p.as_of)).toEqual(['2026-05-31']);
    const listed = await listHeld(ctx.store);
    expect(listed.map((m) => [m.as_of, m.run_id])).toEqual([['2026-06-30', held.plan.run_id]]);
    expect(listed[0]?.outputs.length).toBeGreaterThan(5);
    const history = await historyOf(ctx, '2026-06-30');
    expect(history.map((n) => n.kind)).toEqual(['snapshot_held']);

    const again = await runInline(ctx, { asOf: '2026-06-30' });
    expect(again.status).toBe('held');
    expect(await historyOf(ctx, '2026-06-30')).toEqual(history);

    const released = await releaseHeld(ctx, {
      as_of: '2026-06-30',
      reason: 'the registry was empty that day',
      by: 'ops',
    });
    expect(released.became_latest).toBe(true);
    const after = await afterPublish(ctx, '2026-06-30', inlineDeliveries, released.run_id);
    expect(after.held).toBe(false);
    expect(after.evaluations).toBeGreaterThan(0);
    expect((await readLatest(ctx.store))?.run_id).toBe(held.plan.run_id);
    const manifest = await readRunManifest(ctx.store, '2026-06-30', held.plan.run_id);
    expect(manifest?.release).toMatchObject({ reason: 'the registry was empty that day', by: 'ops' });
    expect(await listHeld(ctx.store)).toEqual([]);
    expect((await runInline(ctx, { asOf: '2026-06-30' })).status).toBe('already_published');
  });

  it('holds a fall of active enterprises past gates.max_drop_pct, and publishes it under a looser gate', async () => {
    const { ctx, dir } = await gateContext();
    await writeFile(path.join(dir, 'export-2026-05-31.csv'), exportOf(0, 20));
    await runInline(ctx, { asOf: '2026-05-31' });
    // 20 → 15 active: a 25 % fall.
    await writeFile(path.join(dir, 'export-2026-06-30.csv'), exportOf(0, 15));
    const held = await runInline(ctx, { asOf: '2026-06-30' });
    if (held.status !== 'held') throw new Error(`expected held, got ${held.status}`);
    expect(held.held.reasons).toEqual([
      expect.objectContaining({ gate: 'active_drop', value: 25, limit: 20 }),
    ]);
    ctx.config = { ...ctx.config, gates: { max_drop_pct: 30, max_reject_pct: 10 } };
    const published = await runInline(ctx, { asOf: '2026-06-30' });
    expect(published.status).toBe('published');
    expect((await readLatest(ctx.store))?.as_of).toBe('2026-06-30');
  });

  it('holds a reject rate past gates.max_reject_pct (and not at it)', async () => {
    const { ctx, dir } = await gateContext({ max_reject_pct: 10 });
    await writeFile(path.join(dir, 'export-2026-05-31.csv'), exportOf(0, 18, 2));
    expect((await runInline(ctx, { asOf: '2026-05-31' })).status).toBe('published');
    await writeFile(path.join(dir, 'export-2026-06-30.csv'), exportOf(0, 17, 3));
    const held = await runInline(ctx, { asOf: '2026-06-30' });
    if (held.status !== 'held') throw new Error(`expected held, got ${held.status}`);
    expect(held.held.reasons).toEqual([
      expect.objectContaining({ gate: 'reject_rate', value: 15, limit: 10 }),
    ]);
  });

  it('rejects unknown gates keys', () => {
    expect(() => configSchema.parse({ gates: { max_drop: 5 } })).toThrow(/max_drop/);
    expect(configSchema.parse({}).gates).toEqual({ max_drop_pct: 20, max_reject_pct: 10 });
  });

  it('on the CLI: a held run exits 3 and says held in --json, `snapshots list` shows it held, `snapshots release` publishes it', async () => {
    const dir = await tempDir('dte-gates-cli-');
    const store = `file:${path.join(dir, 'store')}`;
    const input = path.join(dir, 'national.csv');
    await writeFile(input, `${CANONICAL_HEADER}\r`);
    const env = { ...process.env, LOG_LEVEL: 'silent', DTE_OPERATOR: 'night-ops' };
    const args = [
      'run',
      '--input',
      input,
      '--format',
      'canonical-csv',
      '--as-of',
      '2026-06-30',
      '--store',
      store,
    ];
    const failed = await run('node', [CLI, ...args, '--json'], { env }).then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed?.code).toBe(3);
    expect(JSON.parse(failed?.stdout ?? '{}')).toMatchObject({ status: 'held' });
    const list = await run('node', [CLI, 'snapshots', 'list', '--store', store, '--json'], { env });
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ as_of: '2026-06-30', status: 'held', held_reasons: ['no_accepted_rows'] }),
    ]);
    const show = await run('node', [CLI, 'snapshots', 'show', '2026-06-30', '--store', store], { env });
    expect(JSON.parse(show.stdout)).toMatchObject({ held: { reasons: [{ gate: 'no_accepted_rows' }] } });
    const release = await run(
      'node',
      [CLI, 'snapshots', 'release', '2026-06-30', '--reason', 'checked by hand', '--store', store, '--json'],
      { env },
    );
    expect(JSON.parse(release.stdout)).toMatchObject({
      as_of: '2026-06-30',
      became_latest: true,
      release: { reason: 'checked by hand', by: 'night-ops' },
    });
    const local = new LocalStore(path.join(dir, 'store'));
    expect((await readLatest(local))?.as_of).toBe('2026-06-30');
  });
});
