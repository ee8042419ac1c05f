import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface TestS3 {
  endpoint: string;
  bucket: string;
  close(): Promise<void>;
}

/**
 * A real S3-protocol server (s3rver) on a loopback port, in a child process, with one bucket.
 * s3rver signs list continuation tokens with DES, which Node 20 only offers with the legacy provider.
 */
export async function startS3(bucket = 'dte-test'): Promise<TestS3> {
  const directory = await mkdtemp(path.join(tmpdir(), 'dte-s3-'));
  const child = spawn(
    process.execPath,
    ['--openssl-legacy-provider', path.resolve('test/support/s3rver-main.mjs'), directory, bucket],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`s3rver exited early (${code})`)));
    createInterface({ input: child.stdout! }).once('line', (line) =>
      resolve((JSON.parse(line) as { port: number }).port),
    );
  });
  // The SDK reads credentials from the environment; s3rver accepts its well-known pair.
  process.env.AWS_ACCESS_KEY_ID ??= 'S3RVER';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'S3RVER';
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(directory, { recursive: true, force: true });
    },
  };
}
