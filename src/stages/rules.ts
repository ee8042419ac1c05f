import { loadRuleBook, type RuleBook } from '../classify/index.js';
import type { PipelineContext } from '../context/context.js';

const cache = new Map<string, RuleBook>();

/** The rule book of the config, loaded once per process (rule files are immutable per version). */
export function ruleBook(ctx: Pick<PipelineContext, 'config' | 'baseDir'>): RuleBook {
  const { vsic2018, vsic2025 } = ctx.config.rules;
  const key = JSON.stringify([vsic2018, vsic2025, ctx.baseDir]);
  let book = cache.get(key);
  if (!book) {
    book = loadRuleBook({ vsic2018, vsic2025 }, ctx.baseDir);
    cache.set(key, book);
  }
  return book;
}
