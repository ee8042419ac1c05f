/**
 * Writes src/reference/data/communes-2025.tsv and wards-pre2025.tsv from the public ward file:
 * `node dist/scripts/referenceCommunes.js [folder holding wards_legacy_to_2025_vietnamadminunits.csv]`
 * (default: the `shared/reference` folder found above the package).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../src/package/packageRoot.js';
import { buildCommuneFiles, WARD_SOURCE_FILE } from '../src/reference/communeSource.js';
import { referenceFolder } from '../src/reference/referenceFolder.js';

const folder = process.argv[2] ?? referenceFolder();
if (!folder) throw new Error('no shared/reference folder found above the package; name it as an argument');
const files = buildCommuneFiles(readFileSync(path.join(folder, WARD_SOURCE_FILE), 'utf8'));
const data = path.join(packageRoot(), 'src/reference/data');
writeFileSync(path.join(data, 'communes-2025.tsv'), files.communes);
writeFileSync(path.join(data, 'wards-pre2025.tsv'), files.wards);
process.stdout.write(`wrote ${data}/communes-2025.tsv and wards-pre2025.tsv from ${folder}\n`);
