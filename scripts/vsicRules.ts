/**
 * Regenerates what is derived from the official conversion tables
 * (`src/classify/data/vsic-conversion-*.tsv`): both class lists with their names, the rule set
 * `vsic2025-ict-v1` (from `vsic2018-ict-v1` and the decisions), and the README table of VSIC 2025 DTE
 * classes: `npm run build && node dist/scripts/vsicRules.js`. Tests check the committed files match.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  classesOfTables,
  conversionTable,
  derivedClassList,
  deriveVsic2025,
  loadRuleSet,
  vsic2025Decisions,
} from '../src/classify/index.js';
import { packageRoot } from '../src/package/packageRoot.js';

const data = path.join(packageRoot(), 'src/classify/data');
const json = (value: unknown) => `${JSON.stringify(value, null, 1)}\n`;

for (const system of ['vsic2018', 'vsic2025'] as const) {
  writeFileSync(path.join(data, `${system}-classes.json`), json(derivedClassList(system)));
}

const derived = deriveVsic2025(
  loadRuleSet('vsic2018-ict-v1', 'vsic2018'),
  conversionTable(),
  vsic2025Decisions(),
);
const file = path.join(data, 'rules/vsic2025-ict-v1.json');
writeFileSync(file, json(derived));

const names = new Map(classesOfTables('vsic2025').map((c) => [c.code, c.name]));
const lines = [
  '| VSIC 2025 class | name | category | from VSIC 2018 | note |',
  '| --- | --- | --- | --- | --- |',
];
for (const [category, codes] of Object.entries(derived.categories)) {
  for (const code of codes) {
    const p = derived.provenance?.[code];
    lines.push(
      `| ${code} | ${names.get(code) ?? ''} | ${category} | ${p?.from.join(', ') ?? ''} | ${p?.note ?? ''} |`,
    );
  }
}
for (const d of vsic2025Decisions().decisions.filter((x) => !x.include)) {
  const from = conversionTable()
    .rows.filter((r) => r.to === d.code)
    .map((r) => r.from);
  lines.push(
    `| ~~${d.code}~~ | ${names.get(d.code) ?? ''} | (not a DTE class) | ${from.join(', ')} | ${d.reason} |`,
  );
}
const README_START = '<!-- vsic2025-rules:start -->';
const README_END = '<!-- vsic2025-rules:end -->';
const table = `${lines.join('\n')}\n`;
writeFileSync(path.join(packageRoot(), 'docs/vsic2025-rules.md'), table);
// The README carries the same table between its markers, so that reviewers read it where they read the rest.
const readme = path.join(packageRoot(), 'README.md');
const [head, rest] = readFileSync(readme, 'utf8').split(README_START);
const tail = rest?.split(README_END)[1];
if (head === undefined || tail === undefined)
  throw new Error(`README.md lacks ${README_START} … ${README_END}`);
writeFileSync(readme, `${head}${README_START}\n${table}${README_END}${tail}`);
process.stdout.write(`wrote both class lists, ${file}, docs/vsic2025-rules.md and the table in README.md\n`);
