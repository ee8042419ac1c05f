import path from 'node:path';
import { loadRuleBook, type RuleBook } from '../classify/index.js';
import type { PipelineContext } from '../context/context.js';

const cache = new Map<string, RuleBook>();

/** A rule id names a bundled rule file; anything with a slash or `.json` is a path from the config's folder. */
function ruleRef(ref: string, baseDir: string): string {
  return ref.includes('/') || ref.endsWith('.json') ? path.resolve(baseDir, ref) : ref;
}

/** The rule book of the config, loaded once per process (rule files are immutable per version). */
export function ruleBook(ctx: Pick<PipelineContext, 'config' | 'baseDir'>): RuleBook {
  const spec = {
    vsic2018: ruleRef(ctx.config.rules.vsic2018, ctx.baseDir),
    vsic2025: ruleRef(ctx.config.rules.vsic2025, ctx.baseDir),
  };
  const key = JSON.stringify(spec);
  let book = cache.get(key);
  if (!book) {
    book = loadRuleBook(spec);
    cache.set(key, book);
  }
  return book;
}
