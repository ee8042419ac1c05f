import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const CLI = path.resolve('dist/src/cli/main.js');

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs the built `dte` in a child process, from any folder, and never throws on a non-zero exit. */
export async function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {},
): Promise<CliResult> {
  const env = { ...process.env, LOG_LEVEL: 'silent', DTE_CONFIG: '', DTE_STORE: '', ...options.env };
  try {
    const { stdout, stderr } = await run(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
      cwd: options.cwd,
      env,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}
