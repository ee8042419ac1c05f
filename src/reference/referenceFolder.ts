import { existsSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../package/packageRoot.js';

/** The public reference folder (`shared/reference`) nearest above the package, or null where there is none. */
export function referenceFolder(from = packageRoot()): string | null {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'reference');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}
