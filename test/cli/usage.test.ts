import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'dte-cli-'));

describe('usage errors and env checks on the command line', () => {
  it('reports a bad --format as an error of --format, exit 2', async () => {
    const dir = await tempDir();
    const result = await runCli(['run', '--input', 'x.csv', '--format', 'vn-dkkd', '--as-of', '2025-01-01'], {
      cwd: dir,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/option '--format <format>' argument 'vn-dkkd' is invalid/);
    expect(result.stderr.split('\n')[0]).not.toMatch(/--input/);
  });

  it('reports a bad --store as an error of --store', async () => {
    const result = await runCli(['snapshots', 'list', '--store', 'foo:/x'], { cwd: await tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /--store: store URL must be file:DIR or s3:\/\/bucket\/prefix, got "foo:\/x"/,
    );
  });

  it('lets a short DTE_ADMIN_TOKEN and PORT=abc break dte serve but not snapshots list', async () => {
    const dir = await tempDir();
    const env = { PORT: 'abc', DTE_ADMIN_TOKEN: 'short' };
    const list = await runCli(['snapshots', 'list', '--store', `file:${dir}/store`], { cwd: dir, env });
    expect(list.stderr).not.toMatch(/PORT|DTE_ADMIN_TOKEN/);
    const serve = await runCli(['serve', '--no-queues'], { cwd: dir, env });
    expect(serve.code).toBe(2);
    expect(serve.stderr).toMatch(/environment variable (PORT|DTE_ADMIN_TOKEN)/);
  });

  it('names a misspelt config key and the one meant, from any folder', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'dte.yaml'), 'partitons: 4\n');
    const result = await runCli(['snapshots', 'list', '--config', path.join(dir, 'dte.yaml')], {
      cwd: os.tmpdir(),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/partitons: unknown key \(did you mean `partitions`\?\)/);
  });
});
