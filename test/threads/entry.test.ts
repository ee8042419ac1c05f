import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BuildError } from '../../src/domain/errors.js';
import { entryFile } from '../../src/threads/entry.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function packageWith(files: Record<string, number>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'dte-entry-'));
  dirs.push(root);
  for (const [file, secondsAgo] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), '');
    const when = new Date(Date.now() - secondsAgo * 1000);
    await utimes(path.join(root, file), when, when);
  }
  return root;
}

describe('the build a worker thread runs', () => {
  it('is refused when it is missing', async () => {
    const root = await packageWith({ 'src/stages/threads/classifyThread.ts': 10 });
    expect(() => entryFile('classifyThread', root)).toThrow(BuildError);
    expect(() => entryFile('classifyThread', root)).toThrow(/missing.*npm run build/);
  });

  it('is refused when a source file is newer than its compiled twin', async () => {
    const root = await packageWith({
      'src/stages/threads/classifyThread.ts': 100,
      'dist/src/stages/threads/classifyThread.js': 50,
      'src/staging/stagedRecord.ts': 10,
      'dist/src/staging/stagedRecord.js': 60,
    });
    expect(() => entryFile('classifyThread', root)).toThrow(/older than src\/staging\/stagedRecord\.ts/);
  });

  it('is used when every source has an up-to-date twin', async () => {
    const root = await packageWith({
      'src/stages/threads/classifyThread.ts': 100,
      'dist/src/stages/threads/classifyThread.js': 50,
    });
    expect(entryFile('classifyThread', root)).toBe(
      path.join(root, 'dist/src/stages/threads/classifyThread.js'),
    );
  });
});
