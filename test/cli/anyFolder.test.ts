import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { expectShape } from './support.js';

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
    expectShape('run', run.stdout);
    expect(await readdir(path.join(dir, 'store', 'snapshots'))).toContain('2023-06-30');
    const alerts = await runCli(['alerts', 'list', ...args, '--json'], { cwd: dir });
    expect(alerts.code).toBe(0);
    expect(JSON.parse(alerts.stdout).length).toBeGreaterThan(0);
    expectShape('alerts list', alerts.stdout);
    const again = await runCli(
      ['run', '--input', EXPORT, '--format', 'vn-dkkd-csv', '--as-of', '2023-06-30', ...args, '--json'],
      { cwd: dir, env: { DTE_THREADS: '1' } },
    );
    expect(JSON.parse(again.stdout).status).toBe('already_published');
    expectShape('run', again.stdout);
    const list = await runCli(['snapshots', 'list', ...args, '--json'], { cwd: dir });
    expectShape('snapshots list', list.stdout);
    const show = await runCli(['snapshots', 'show', '2023-06-30', ...args, '--json'], { cwd: dir });
    expectShape('snapshots show', show.stdout);
    const get = await runCli(
      ['snapshots', 'get', '2023-06-30', 'provinces.csv', '--out', 'p.csv', ...args, '--json'],
      {
        cwd: dir,
      },
    );
    expectShape('snapshots get', get.stdout);
    const test = await runCli(['alerts', 'test', ...args, '--json'], { cwd: dir });
    expectShape('alerts test', test.stdout);
  });

  it('says so on stderr and exits 1 for an empty store or an unknown date', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dte-empty-'));
    const list = await runCli(['snapshots', 'list', '--store', 'file:store', '--json'], { cwd: dir });
    expect(list).toMatchObject({ code: 1, stdout: '[]\n' });
    expect(list.stderr).toMatch(/no published snapshot in file:/);
    const show = await runCli(['snapshots', 'show', '2020-01-01', '--store', 'file:store'], { cwd: dir });
    expect(show.code).toBe(1);
    expect(show.stderr).toMatch(/no published or held snapshot for 2020-01-01/);
    const alerts = await runCli(['alerts', 'list', '--as-of', '2020-01-01', '--store', 'file:store'], {
      cwd: dir,
    });
    expect(alerts.code).toBe(1);
    expect(alerts.stderr).toMatch(/no published snapshot for 2020-01-01/);
  });
});
