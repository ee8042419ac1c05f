import type { z } from 'zod';

interface Def {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  shape?: Record<string, z.ZodType>;
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The object schemas a value at `path` may be checked by (several below a union). */
function objectsAt(schema: z.ZodType, path: readonly PropertyKey[]): Array<Record<string, z.ZodType>> {
  const def = defOf(schema);
  if (def.innerType) return objectsAt(def.innerType, path);
  if (def.type === 'pipe' && def.in) return objectsAt(def.in, path);
  if (def.type === 'union' && def.options) return def.options.flatMap((o) => objectsAt(o, path));
  const [head, ...rest] = path;
  if (def.type === 'object' && def.shape) {
    if (head === undefined) return [def.shape];
    const child = def.shape[String(head)];
    return child ? objectsAt(child, rest) : [];
  }
  if (def.type === 'array' && def.element && head !== undefined) return objectsAt(def.element, rest);
  return [];
}

/** Edit distance, for the one-letter slips and swaps that make a key unknown. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/** The known key nearest to `key` at `path`, when one is close enough to be the one meant. */
export function nearestKey(schema: z.ZodType, path: readonly PropertyKey[], key: string): string | null {
  const known = [...new Set(objectsAt(schema, path).flatMap((shape) => Object.keys(shape)))];
  let best: { key: string; d: number } | null = null;
  for (const candidate of known) {
    const d = distance(key.toLowerCase(), candidate.toLowerCase());
    if (!best || d < best.d) best = { key: candidate, d };
  }
  return best && best.d <= Math.max(2, Math.floor(key.length / 3)) ? best.key : null;
}

/** Formats zod issues as `path.to.field: message`; an unknown key is named with the nearest known one. */
export function describeIssues(
  error: z.ZodError,
  schema?: z.ZodType,
  prefix: readonly PropertyKey[] = [],
): string {
  return error.issues
    .flatMap((issue) => {
      const at = [...prefix, ...issue.path];
      if (issue.code === 'unrecognized_keys' && schema)
        return issue.keys.map((key) => {
          const near = nearestKey(schema, issue.path, key);
          return `${[...at, key].join('.')}: unknown key${near ? ` (did you mean \`${near}\`?)` : ''}`;
        });
      return [`${at.join('.') || '(root)'}: ${issue.message}`];
    })
    .join('; ');
}
