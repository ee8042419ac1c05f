import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildProgram } from '../src/cli/program.js';
import { withReadmeTables } from '../src/cli/readmeTables.js';
import { packageRoot } from '../src/package/packageRoot.js';

// `npm run readme`: rewrites the README's generated tables (commands, --json shapes, environment).
const file = path.join(packageRoot(), 'README.md');
writeFileSync(file, withReadmeTables(readFileSync(file, 'utf8'), buildProgram()));
process.stdout.write(`${file}: tables regenerated\n`);
