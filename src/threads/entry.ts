import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BuildError } from '../domain/errors.js';
import { packageRoot } from '../package/packageRoot.js';

/** The thread entries: `src/stages/threads/<name>.ts`, run compiled from `dist/`. */
export type ThreadEntry = 'classifyThread' | 'ingestThread';

const ENTRY_DIR = 'src/stages/threads';

/** True when this module runs from TypeScript source (tests), not from the build. */
function runningFromSource(): boolean {
  return fileURLToPath(import.meta.url).endsWith('.ts');
}

const checkedRoots = new Set<string>();

/**
 * The compiled entry a thread runs. Threads cannot run TypeScript on Node 20, so code running from
 * source hands its threads the build: a missing or stale build would test other code than the
 * source, so both are errors rather than a silent fallback to one thread.
 */
export function entryFile(entry: ThreadEntry, root = packageRoot()): string {
  const file = path.join(root, 'dist', ENTRY_DIR, `${entry}.js`);
  if (!existsSync(file))
    throw new BuildError(`the worker-thread build is missing: ${file} (run \`npm run build\`)`, { file });
  if (runningFromSource() && !checkedRoots.has(root)) {
    assertBuildFresh(root);
    checkedRoots.add(root);
  }
  return file;
}

/** Every `src/**.ts` has a compiled twin at least as new as itself. */
function assertBuildFresh(root: string): void {
  for (const source of sourceFiles(path.join(root, 'src'))) {
    const built = path.join(root, 'dist', path.relative(root, source)).replace(/\.ts$/, '.js');
    if (!existsSync(built) || statSync(built).mtimeMs < statSync(source).mtimeMs)
      throw new BuildError(
        `the worker-thread build is older than ${path.relative(root, source)} (run \`npm run build\`)`,
        {
          file: built,
        },
      );
  }
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (entry.name.endsWith('.ts')) yield full;
  }
}
