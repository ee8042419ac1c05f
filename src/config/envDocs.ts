import type { EnvName } from './env.js';

export interface EnvDoc {
  default: string;
  meaning: string;
}

/** What each variable is for: the README's environment table is generated from this. */
export const ENV_DOCS: Record<EnvName, EnvDoc> = {
  REDIS_URL: {
    default: '`redis://127.0.0.1:6379`',
    meaning: 'Redis for the BullMQ queues (`worker`, `enqueue`, `backfill`, `schedule`, `serve`)',
  },
  DTE_QUEUE_PREFIX: {
    default: '`dte`',
    meaning: 'BullMQ key prefix, so several deployments (or test files) share one Redis',
  },
  DTE_STORE: {
    default: 'from config, else `file:./var/store`',
    meaning:
      'object store URL (`file:DIR` or `s3://bucket/prefix`, relative to the working directory), overrides the config',
  },
  DTE_CONFIG: { default: 'none', meaning: 'config file when `--config` is not given' },
  S3_ENDPOINT: {
    default: 'AWS',
    meaning: 'S3-compatible endpoint (SeaweedFS in the compose file: `http://seaweedfs:8333`)',
  },
  S3_REGION: { default: '`us-east-1`', meaning: 'S3 region' },
  S3_FORCE_PATH_STYLE: { default: '`false`', meaning: 'path-style bucket addressing (SeaweedFS, s3rver)' },
  LOG_LEVEL: {
    default: '`info`',
    meaning: 'pino level; logs go to stderr, pretty (pino-pretty) on a terminal, JSON lines otherwise',
  },
  DTE_WEBHOOK_URL: { default: 'none', meaning: 'webhook channel for alerts (overrides the config)' },
  DTE_WEBHOOK_SECRET: { default: 'none', meaning: 'HMAC secret for webhook signatures; never logged' },
  DTE_SMTP_PASSWORD: {
    default: 'none',
    meaning: 'the SMTP password of `alerts.email.smtp.user`; never logged',
  },
  DTE_ZALO_ACCESS_TOKEN: {
    default: 'none',
    meaning: "the Zalo Official Account's access token for ZNS; never logged",
  },
  DTE_ADMIN_TOKEN: {
    default: 'none',
    meaning:
      'bearer token for `/admin/queues`; `dte serve` refuses to mount the dashboard without one (16+ characters)',
  },
  DTE_THREADS: {
    default: 'one per core, at most 4',
    meaning:
      'worker threads a stage may use: ingest validates the batches of a large export in them (both runners), `dte run` classifies partitions in them (local store only); `1` keeps everything in the main thread',
  },
  PORT: { default: '`8080`', meaning: '`dte serve` port when `--port` is not given' },
};

/** Variables the project passes on or reads outside `envSchema`, listed in the same table. */
export const OTHER_ENV_DOCS: Record<string, EnvDoc> = {
  'AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_PROFILE`, …': {
    default: "the AWS SDK's own credential chain",
    meaning: 'S3 credentials',
  },
  DTE_OPERATOR: {
    default: 'the login name',
    meaning:
      'who silenced, acknowledged or released, in `dte alerts silence`/`ack` and `dte snapshots release`',
  },
  'DTE_BENCH_ROWS`, `DTE_BENCH_BIG_ROWS`, `DTE_BENCH_ROUNDS`, `DTE_BENCH_DIST_ROUNDS`, `DTE_BENCH_SERVE_SECONDS`, `DTE_BENCH_ONLY':
    {
      default: '`1000000`, 4× rows, `5`, `2`, `10`, `core,memory,distributed,serving,xlsx`',
      meaning:
        '`npm run bench` only (`-- --quick`: 200,000 rows, one round, 3 s of serving): rows of the core export, rows of the memory run, alternating rounds of the core and distributed measurements, seconds of `GET /` load, which sections to run',
    },
};
