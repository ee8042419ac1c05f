/**
 * One measured inline run, in a process of its own so that its peak RSS is its own:
 * `node dist/scripts/benchRun.js FILE STORE_DIR AS_OF` prints one JSON line of figures.
 */
import path from 'node:path';
import { pino } from 'pino';
import { readEnv } from '../src/config/env.js';
import { configSchema } from '../src/config/schema.js';
import { codeVersion } from '../src/package/codeVersion.js';
import { runInline } from '../src/runners/inline.js';
import { LocalStore } from '../src/store/localStore.js';

const [file, storeDir, asOf] = process.argv.slice(2);
if (!file || !storeDir || !asOf) throw new Error('usage: benchRun FILE STORE_DIR AS_OF');
const config = configSchema.parse({
  partitions: Number(process.env.DTE_BENCH_PARTITIONS ?? 16),
  feeds: [{ id: 'national', format: 'vn-dkkd-csv', source: { type: 'file', path: path.resolve(file) } }],
});
const started = performance.now();
const outcome = await runInline(
  {
    store: new LocalStore(storeDir),
    logger: pino({ level: 'warn' }),
    config,
    baseDir: process.cwd(),
    codeVersion: codeVersion(),
    threads: readEnv().DTE_THREADS,
  },
  { asOf },
);
const wallMs = performance.now() - started;
const rows = outcome.status === 'published' ? outcome.plan.feeds[0]!.rows_read : 0;
process.stdout.write(
  `${JSON.stringify({ status: outcome.status, rows, wallMs, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
