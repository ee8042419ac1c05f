export {
  type ClassList,
  classList,
  type IndustryCatalog,
  loadIndustryCatalog,
  VSIC2025_FROM,
} from './catalog.js';
export { classify } from './classify.js';
export {
  type ConversionRow,
  classesOfTables,
  conversionRows,
  conversionSource,
  type Direction,
  derivedClassList,
} from './conversion.js';
export { conversionTable, deriveVsic2025, vsic2025Decisions } from './deriveRules.js';
export { buildRuleBook, loadRuleBook, type RuleBook } from './ruleBook.js';
export { loadRuleSet, type RuleSet, ruleSetSchema } from './ruleSet.js';
