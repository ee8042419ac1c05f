import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const EXPORT = path.resolve('fixtures/demo/national-2023-06-30.csv');

describe('dte from a folder other than the project', () => {
  it('publishes into the store named relative to that folder and evaluates the bundled targets', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dte-anywhere-'));
    const args = ['--store', 'file:store'];
    const run = await runCli(
      ['run', '--input', EXPORT, '--format', 'vn-dkkd-csv', '--as-of', '2023-06-30', ...args, '--json'],
      { cwd: dir, env: { DTE_THREADS: '1' } },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).status).toBe('published');
    expect(await readdir(path.join(dir, 'store', 'snapshots'))).toContain('2023-06-30');
    const alerts = await runCli(['alerts', 'list', ...args, '--json'], { cwd: dir });
    expect(alerts.code).toBe(0);
    expect(JSON.parse(alerts.stdout).length).toBeGreaterThan(0);
  });
});
