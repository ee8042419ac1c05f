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
const program = buildProgram();
const envNames = new Set(Object.keys(envSchema.shape));

/** A service's command as one string, whatever form the file gives it in. */
const commandOf = (name: string) => [file.services[name]?.command ?? []].flat().join(' ');

/** The dte command path a service runs (`store init`, `health worker`), checked against the program. */
function hasCommand(words: string[]): boolean {
  let command = program;
  for (const word of words) {
    const next = command.commands.find((c) => c.name() === word);
    if (!next) return command !== program && command.commands.length === 0;
    command = next;
  }
  return command.commands.length === 0;
}

describe('docker-compose.yml', () => {
  it('has Redis, SeaweedFS with its bucket made at start, the worker, the scheduler and dte serve', () => {
    expect(Object.keys(file.services).sort()).toEqual([
      'redis',
      'scheduler',
      'seaweedfs',
      'serve',
      'store-init',
      'worker',
    ]);
    expect(file.services.redis?.image).toMatch(/^redis:7\./);
    expect(file.services.seaweedfs?.image).toMatch(/^chrislusf\/seaweedfs:\d/);
    expect(commandOf('seaweedfs')).toMatch(/\bserver\b.*-s3\b/);
    expect(file.services['store-init']?.command).toEqual(['store', 'init']);
    for (const name of ['worker', 'scheduler', 'serve', 'store-init'])
      expect(file.services[name]?.image).toMatch(/^dte-pipeline:\d+\.\d+\.\d+$/);
  });

  it('runs commands the CLI really has, and the S3 endpoint is the SeaweedFS service', () => {
    expect(hasCommand([String(file.services.worker?.command?.[0])])).toBe(true);
    expect(hasCommand([String(file.services.serve?.command?.[0])])).toBe(true);
    expect(hasCommand(['store', 'init'])).toBe(true);
    expect(commandOf('scheduler')).toMatch(/main\.js schedule sync/);
    expect(hasCommand(['schedule', 'sync'])).toBe(true);
    const worker = file.services.worker?.healthcheck?.test ?? [];
    expect(worker.slice(0, 3)).toEqual(['CMD', 'node', 'dist/src/cli/main.js']);
    expect(hasCommand(worker.slice(3))).toBe(true);
    const endpoint = new URL(String(file.services.worker?.environment?.S3_ENDPOINT));
    expect(endpoint.hostname).toBe('seaweedfs');
    expect(commandOf('seaweedfs')).toContain(`-s3.port=${endpoint.port}`);
  });

  it('sets only environment variables the code reads (plus the AWS SDK credential chain)', () => {
    for (const name of ['worker', 'scheduler', 'serve', 'store-init']) {
      const env = Object.keys(file.services[name]?.environment ?? {});
      expect(env.length).toBeGreaterThan(5);
      for (const key of env)
        expect(envNames.has(key) || key.startsWith('AWS_'), `${name}: ${key}`).toBe(true);
    }
    expect(file.services.serve?.environment?.DTE_ADMIN_TOKEN).toBeDefined();
    expect(file.services.worker?.environment?.DTE_STORE).toMatch(/^s3:\/\/dte-snapshots\//);
    // SeaweedFS's S3 admin identity and the clients' credentials are the same pair.
    expect(file.services.seaweedfs?.environment?.AWS_ACCESS_KEY_ID).toBe(
      file.services.worker?.environment?.AWS_ACCESS_KEY_ID,
    );
  });

  it('health-checks every long-running service with a check that can fail, and declares its volumes', () => {
    for (const name of ['redis', 'seaweedfs', 'worker', 'scheduler', 'serve']) {
      const test = file.services[name]?.healthcheck?.test ?? [];
      expect(test.length, name).toBeGreaterThan(1);
      expect(test.join(' '), name).not.toMatch(/process\.exit\(0\)\s*$|^CMD true$|exit 0$/);
    }
    expect(file.services.serve?.healthcheck?.test.join(' ')).toMatch(/readyz/);
    for (const v of ['redis-data', 'seaweedfs-data']) expect(Object.keys(file.volumes)).toContain(v);
  });
});
