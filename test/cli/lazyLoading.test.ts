import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const HOOK = path.resolve('test/support/moduleLog.mjs');
let dir: string;

/** The ES modules a command loaded, as paths relative to the project or `node_modules/<pkg>`. */
async function modulesOf(args: string[]): Promise<{ modules: string[]; code: number }> {
  const log = path.join(dir, `modules-${Math.random().toString(36).slice(2)}.txt`);
  const result = await runCli(args, { cwd: dir, env: { DTE_MODULE_LOG: log }, nodeArgs: ['--import', HOOK] });
  const text = await readFile(log, 'utf8').catch(() => '');
  const root = `file://${process.cwd()}/`;
  return {
    modules: text
      .split('\n')
      .filter((u) => u.startsWith(root))
      .map((u) => u.slice(root.length)),
    code: result.code,
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dte-lazy-'));
});

describe('commands load only what they use', () => {
  it('dte snapshots list loads no alert channel, runner, queue, server or S3 code', async () => {
    const { modules } = await modulesOf(['snapshots', 'list', '--store', `file:${dir}/store`]);
    expect(modules.some((m) => m.startsWith('dist/src/cli/actions/snapshots.js'))).toBe(true);
    const heavy = modules.filter((m) =>
      /^dist\/src\/alerts\/(?!settings\.js)|^dist\/src\/(runners|queue|server|stages)\/|^dist\/(workers|jobs)\/|node_modules\/(bullmq|@aws-sdk|fastify|nodemailer|@resvg)\//.test(
        m,
      ),
    );
    expect(heavy).toEqual([]);
  });

  it('dte alerts test does load the alert channels (so the check above can fail)', async () => {
    const { modules } = await modulesOf(['alerts', 'test', '--store', `file:${dir}/store`]);
    expect(modules.some((m) => m.startsWith('dist/src/alerts/channels/'))).toBe(true);
  });
});
