import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The folders of the code, lowest first: a folder may import its own layer and those below, never
 * one above, so the domain core cannot come to depend on queues, stores or HTTP.
 */
const LAYERS: string[][] = [
  ['src/domain', 'src/package', 'src/format', 'src/time', 'src/retry'],
  ['src/reference', 'src/config', 'src/logging'],
  [
    'src/input',
    'src/classify',
    'src/indicators',
    'src/trajectory',
    'src/targets',
    'src/csv',
    'src/dictionary',
    'src/excel',
    'src/address',
    'src/parquet',
  ],
  ['src/store'],
  ['src/snapshot', 'src/sources', 'src/sql'],
  ['src/context', 'src/staging', 'src/threads'],
  ['src/alerts', 'src/history'],
  ['src/stages'],
  ['src/queue', 'src/runners'],
  ['jobs'],
  ['src/metrics', 'workers', 'src/server'],
  ['src/cli'],
  ['scripts', 'tools'],
];

const layerOf = new Map(LAYERS.flatMap((folders, layer) => folders.map((f) => [f, layer] as const)));

function folderOf(file: string): string {
  const [top, second] = file.split(path.sep);
  return top === 'src' ? `src/${second}` : (top ?? '');
}

function* tsFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* tsFiles(full);
    else if (entry.name.endsWith('.ts')) yield full;
  }
}

const roots = ['src', 'workers', 'jobs', 'scripts', 'tools'];

describe('the layers of the code', () => {
  it('names every folder of src/ and the top level', () => {
    const folders = new Set(roots.flatMap((root) => [...tsFiles(root)].map(folderOf)));
    expect([...folders].filter((f) => !layerOf.has(f))).toEqual([]);
  });

  it('has no folder importing one above it', () => {
    const upward: string[] = [];
    for (const file of roots.flatMap((root) => [...tsFiles(root)])) {
      const from = folderOf(file);
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
        const to = folderOf(path.normalize(path.join(path.dirname(file), spec!)));
        if ((layerOf.get(to) ?? -1) > (layerOf.get(from) ?? -1)) upward.push(`${file} → ${to}`);
      }
    }
    expect(upward).toEqual([]);
  });
});

describe("the README's layout table", () => {
  it('names every folder of the code once, in the order of the layers', () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.slice(
      readme.indexOf('<!-- layout:start -->'),
      readme.indexOf('<!-- layout:end -->'),
    );
    const listed = [...table.matchAll(/^\| `([^`]+)\/` \|/gm)].map((m) => m[1]!);
    const layered = LAYERS.flat().filter((folder) => {
      try {
        return readdirSync(folder).length > 0;
      } catch {
        return false;
      }
    });
    expect([...listed].sort()).toEqual([...layered].sort());
    const rank = (f: string) => layerOf.get(f) ?? -1;
    expect(listed.map(rank)).toEqual([...listed.map(rank)].sort((a, b) => a - b));
  });
});
