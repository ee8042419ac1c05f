import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { configSchema, type FeedConfig } from '../../src/config/schema.js';
import type { PipelineContext } from '../../src/context/context.js';
import { codeVersion } from '../../src/package/codeVersion.js';
import { LocalStore } from '../../src/store/localStore.js';
import type { ObjectStore } from '../../src/store/objectStore.js';

export async function tempDir(prefix = 'dte-test-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** Gates that hold nothing: for tests of a few rows whose rejects are the point. */
export const OPEN_GATES = { max_drop_pct: 100, max_reject_pct: 100 } as const;

/** A pipeline context on a fresh local store, with file feeds read from `dir`. */
export async function testContext(
  feeds: Array<Partial<FeedConfig> & { id: string; file: string; format: FeedConfig['format'] }>,
  options: {
    store?: ObjectStore;
    partitions?: number;
    baseDir?: string;
    /** Publish gates (`gates:`); tests of a few rows with deliberate rejects open them. */
    gates?: { max_drop_pct?: number; max_reject_pct?: number };
  } = {},
): Promise<PipelineContext> {
  const baseDir = options.baseDir ?? (await tempDir());
  const config = configSchema.parse({
    partitions: options.partitions ?? 4,
    targets: path.resolve('fixtures/targets.yaml'),
    feeds: feeds.map(({ file, ...feed }) => ({ ...feed, source: { type: 'file', path: file } })),
    ...(options.gates ? { gates: options.gates } : {}),
  });
  return {
    store: options.store ?? new LocalStore(path.join(await tempDir(), 'store')),
    logger: pino({ level: 'silent' }),
    config,
    baseDir,
    codeVersion: codeVersion(),
  };
}
