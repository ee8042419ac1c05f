import path from 'node:path';
import { evaluateTarget } from '../src/alerts/evaluate.js';
import { formatIndicatorValue } from '../src/indicators/displayValue.js';
import { packageRoot } from '../src/package/packageRoot.js';
import { listPublished } from '../src/snapshot/catalog.js';
import type { ObjectStore } from '../src/store/objectStore.js';
import { loadTargets } from '../src/targets/load.js';

const pad = (v: string, n: number) => (v.length >= n ? v : v + ' '.repeat(n - v.length));

/** The demo's plan targets on the latest snapshot, the national density target first. */
export async function printTargets(store: ObjectStore): Promise<void> {
  const { targets } = loadTargets(path.join(packageRoot(), 'fixtures/targets.yaml'));
  const published = await listPublished(store);
  const asOf = published.at(-1)?.as_of;
  if (!asOf) return;
  const ordered = [...targets].sort(
    (a, b) => Number('nation' in b.territory) - Number('nation' in a.territory),
  );
  process.stdout.write(`\nTargets at ${asOf} (fixtures/targets.yaml)\n`);
  process.stdout.write(`${pad('target', 26)}${pad('territory', 20)}${pad('status', 12)}actual / expected\n`);
  for (const target of ordered) {
    const e = await evaluateTarget(store, published, target, asOf);
    const value = (v: number | null) => formatIndicatorValue(e.metric, v, 'en');
    process.stdout.write(
      `${pad(e.target_id, 26)}${pad(e.territory_name, 20)}${pad(e.status, 12)}${value(e.actual)} / ${value(e.expected)}\n`,
    );
  }
}
