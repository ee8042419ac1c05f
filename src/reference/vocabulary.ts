import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { FIELDS, type Field } from '../domain/fields.js';
import { STATUSES, type Status } from '../domain/record.js';
import { packageRoot } from '../package/packageRoot.js';

const names = z.array(z.string().min(1)).min(1);

const vocabularySchema = z.strictObject({
  source: z.string(),
  headers: z.strictObject(Object.fromEntries(FIELDS.map((f) => [f, names])) as Record<Field, typeof names>),
  status_words: z.strictObject(
    Object.fromEntries(STATUSES.map((s) => [s, names])) as Record<Status, typeof names>,
  ),
});

export type Vocabulary = z.infer<typeof vocabularySchema>;

/**
 * The words of the `vn-dkkd` export (`src/reference/data/vn-dkkd.json`): headers by canonical field
 * (the first spelling is the one exports write, the others are accepted) and status words by status.
 * The reader, the generator and the tests' export builder all take them from here.
 */
export const vnDkkd: Vocabulary = vocabularySchema.parse(
  JSON.parse(readFileSync(path.join(packageRoot(), 'src/reference/data/vn-dkkd.json'), 'utf8')),
);

/** The header row a `vn-dkkd` export writes, in canonical field order. */
export const VN_DKKD_HEADER: readonly string[] = FIELDS.map((f) => vnDkkd.headers[f][0]!);
