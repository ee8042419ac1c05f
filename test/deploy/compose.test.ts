import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { buildProgram } from '../../src/cli/program.js';
import { envSchema } from '../../src/config/env.js';

const service = z.looseObject({
  image: z.string().optional(),
  command: z.union([z.string(), z.array(z.string())]).optional(),
  entrypoint: z.union([z.string(), z.array(z.string())]).optional(),
  environment: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
  healthcheck: z.looseObject({ test: z.array(z.string()) }).optional(),
  volumes: z.array(z.string()).optional(),
});
const compose = z.object({
  name: z.string(),
  services: z.record(z.string(), service),
  volumes: z.record(z.string(), z.unknown().nullable()),
});

// Docker cannot run here, so the file is checked against the code instead: same commands, same env names.
const file = compose.parse(parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }));
const commands = new Set(buildProgram().commands.map((c) => c.name()));
const envNames = new Set(Object.keys(envSchema.shape));

describe('docker-compose.yml', () => {
  it('has Redis, MinIO with its bucket, the worker, the scheduler and dte serve', () => {
    expect(Object.keys(file.services).sort()).toEqual([
      'minio',
      'minio-init',
      'redis',
      'scheduler',
      'serve',
      'worker',
    ]);
    expect(file.services.redis?.image).toMatch(/^redis:7/);
    expect(file.services.minio?.image).toMatch(/^minio\/minio/);
    expect(String(file.services['minio-init']?.command)).toMatch(
      /mc mb --ignore-existing local\/dte-snapshots/,
    );
    for (const name of ['worker', 'scheduler', 'serve'])
      expect(file.services[name]?.image).toBe('dte-pipeline:latest');
  });

  it('runs commands the CLI really has', () => {
    expect(commands.has(String(file.services.worker?.command?.[0]))).toBe(true);
    expect(commands.has(String(file.services.serve?.command?.[0]))).toBe(true);
    expect(String(file.services.scheduler?.command)).toMatch(/main\.js schedule sync/);
    expect(commands.has('schedule')).toBe(true);
  });

  it('sets only environment variables the code reads (plus the AWS SDK credential chain)', () => {
    for (const name of ['worker', 'scheduler', 'serve']) {
      const env = Object.keys(file.services[name]?.environment ?? {});
      expect(env.length).toBeGreaterThan(5);
      for (const key of env)
        expect(envNames.has(key) || key.startsWith('AWS_'), `${name}: ${key}`).toBe(true);
    }
    expect(file.services.serve?.environment?.DTE_ADMIN_TOKEN).toBeDefined();
    expect(file.services.worker?.environment?.DTE_STORE).toMatch(/^s3:\/\/dte-snapshots\//);
  });

  it('health-checks every long-running service and declares its named volumes', () => {
    for (const name of ['redis', 'minio', 'worker', 'scheduler', 'serve'])
      expect(file.services[name]?.healthcheck, name).toBeDefined();
    for (const v of ['redis-data', 'minio-data']) expect(Object.keys(file.volumes)).toContain(v);
  });
});
