/**
 * The peer of `npm run bench`: what an analyst would do with DuckDB instead of the pipeline.
 * `node dist/scripts/duckdbPeer.js EXPORT.csv.gz OUT.csv` reads the same gzipped `vn-dkkd-csv` export,
 * keeps the latest row per enterprise id, counts active DTEs per province with the VSIC 2018 and 2025
 * class lists and writes CSV. It validates nothing and groups by the raw province text, so it is the
 * lower bound of the pipeline's core work, not the same product.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { VSIC2025_FROM } from '../src/classify/catalog.js';
import { loadRuleSet } from '../src/classify/ruleSet.js';
import { vnDkkd } from '../src/reference/vocabulary.js';

const [file, out] = process.argv.slice(2);
if (!file || !out) throw new Error('usage: duckdbPeer EXPORT.csv.gz OUT.csv');

/** A SQL text literal (the inputs are the bench's own paths and the project's reference data). */
function text(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function list(values: readonly string[]): string {
  return `[${values.map(text).join(', ')}]`;
}

function classes(id: string, system: 'vsic2018' | 'vsic2025'): string[] {
  return Object.values(loadRuleSet(id, system).categories).flat();
}

const COLUMNS = [
  'id',
  'name',
  'province',
  'legacy',
  'founded',
  'main',
  'secondary',
  'status',
  'form',
  'capital',
  'updated',
  'address',
];

const sql = `
COPY (
  WITH rows AS (
    SELECT id, province, main, status, strptime(updated, '%d/%m/%Y')::DATE AS updated
    FROM read_csv(${text(file)}, header = true, all_varchar = true, compression = 'gzip',
                  names = ${list(COLUMNS)}, null_padding = true, ignore_errors = true)
  ),
  latest AS (
    SELECT * FROM rows QUALIFY row_number() OVER (PARTITION BY id ORDER BY updated DESC NULLS LAST) = 1
  )
  SELECT province,
         count(*) FILTER (WHERE list_contains(${list(vnDkkd.status_words.active)}, status)
           AND CASE WHEN updated >= DATE '${VSIC2025_FROM}'
                    THEN list_contains(${list(classes('vsic2025-ict-v1', 'vsic2025'))}, left(main, 4))
                    ELSE list_contains(${list(classes('vsic2018-ict-v1', 'vsic2018'))}, left(main, 4)) END
         ) AS active_dte
  FROM latest GROUP BY province ORDER BY province
) TO ${text(out)} (HEADER, DELIMITER ',')`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(sql);
connection.closeSync();
instance.closeSync();
