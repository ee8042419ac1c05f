import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('the README', () => {
  it('carries the generated VSIC 2025 rules table unchanged', () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readFileSync('docs/vsic2025-rules.md', 'utf8');
    const block = readme.split('<!-- vsic2025-rules:start -->\n')[1]?.split('<!-- vsic2025-rules:end -->')[0];
    expect(block).toBe(table);
    // Every DTE class of the derived rule set appears in it.
    const rules = JSON.parse(readFileSync('src/classify/data/rules/vsic2025-ict-v1.json', 'utf8')) as {
      categories: Record<string, string[]>;
    };
    const classes = Object.values(rules.categories).flat();
    expect(classes.length).toBeGreaterThan(10);
    for (const code of classes) expect(table).toContain(`| ${code} |`);
  });
});
