import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCommandConfig } from '../../src/cli/loadCommandConfig.js';
import { readEnv } from '../../src/config/env.js';
import { loadConfig } from '../../src/config/load.js';
import { packageRoot } from '../../src/package/packageRoot.js';

async function configFile(text: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dte-config-'));
  const file = path.join(dir, 'dte.yaml');
  await writeFile(file, text);
  return file;
}

const noEnv = {};

describe('strict config', () => {
  it('names an unknown key with its path and the nearest known key', async () => {
    expect(() => loadConfig(undefined, noEnv).config).not.toThrow();
    const file = await configFile('partitons: 4\n');
    expect(() => loadConfig(file, noEnv)).toThrow(/partitons: unknown key \(did you mean `partitions`\?\)/);
    const nested = await configFile('worker:\n  concurency: 2\n');
    expect(() => loadConfig(nested, noEnv)).toThrow(
      /worker\.concurency: unknown key \(did you mean `concurrency`\?\)/,
    );
    const feed = await configFile(
      'feeds:\n  - id: a\n    format: ndjson\n    source: { type: file, path: x }\n    shedule: "0 2 * * *"\n',
    );
    expect(() => loadConfig(feed, noEnv)).toThrow(
      /feeds\.0\.shedule: unknown key \(did you mean `schedule`\?\)/,
    );
  });

  it('checks the alerts block and each source to their leaves when a command loads it', async () => {
    const alerts = await configFile('alerts:\n  langauge: vi\n');
    expect(() => loadCommandConfig({ config: alerts }, 'store')).toThrow(
      /alerts\.langauge: unknown key \(did you mean `language`\?\)/,
    );
    const source = await configFile(
      'feeds:\n  - id: a\n    format: ndjson\n    source: { type: file, pth: x }\n',
    );
    expect(() => loadCommandConfig({ config: source }, 'store')).toThrow(
      /feeds\.0\.source\.pth: unknown key \(did you mean `path`\?\)/,
    );
  });

  it('resolves the store against the config file, defaults against the package', async () => {
    const file = await configFile('store: file:./var/store\n');
    const loaded = loadConfig(file, noEnv);
    expect(loaded.config.store).toBe(`file:${path.join(path.dirname(file), 'var/store')}`);
    expect(loaded.config.targets).toBe(path.join(packageRoot(), 'fixtures/targets.yaml'));
    const own = await configFile('targets: mine.yaml\n');
    expect(loadConfig(own, noEnv).config.targets).toBe(path.join(path.dirname(own), 'mine.yaml'));
    expect(loadConfig(file, { DTE_STORE: 'file:rel' }).config.store).toBe(`file:${path.resolve('rel')}`);
  });

  it('accepts only file: and s3:// stores, naming where the URL came from', async () => {
    expect(() => loadConfig(undefined, noEnv, { store: 'foo:/x' })).toThrow(
      /--store: store URL must be file:DIR or s3/,
    );
    expect(() => loadConfig(undefined, { DTE_STORE: '/plain/path' })).toThrow(/DTE_STORE: store URL must be/);
    const file = await configFile('store: minio://bucket\n');
    expect(() => loadConfig(file, noEnv)).toThrow(/config key store: store URL must be/);
    expect(loadConfig(undefined, noEnv, { store: 's3://dte-snapshots/prod' }).config.store).toBe(
      's3://dte-snapshots/prod',
    );
  });

  it('checks cron expressions at load, naming the feed', async () => {
    const file = await configFile(
      'feeds:\n  - id: national\n    format: ndjson\n    source: { type: file, path: x }\n    schedule: "0 25 * * *"\n',
    );
    expect(() => loadConfig(file, noEnv)).toThrow(
      /feeds\.0\.schedule of feed national: "0 25 \* \* \*" is not a cron/,
    );
  });

  it('checks only the environment variables a command uses, naming the variable', () => {
    const env = { PORT: 'abc', DTE_ADMIN_TOKEN: 'short' };
    expect(readEnv(env, ['DTE_STORE']).PORT).toBe(8080);
    expect(readEnv(env, ['DTE_STORE']).DTE_ADMIN_TOKEN).toBeUndefined();
    expect(() => readEnv(env, ['PORT'])).toThrow(/environment variable PORT/);
    expect(() => readEnv(env, ['DTE_ADMIN_TOKEN'])).toThrow(
      /environment variable DTE_ADMIN_TOKEN: .*16 characters/,
    );
    expect(() => loadConfig(undefined, env)).toThrow(/environment variable/);
  });
});
