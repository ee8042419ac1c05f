import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { withReadmeTables } from '../../src/cli/readmeTables.js';
import { JSON_SHAPES, leafCommandsWithJson, shapeKeys } from './support.js';

const program = buildProgram();

describe("the README's generated tables", () => {
  it('match the program, the env schema and the JSON shapes (run `npm run readme` after a change)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toBe(withReadmeTables(readme, program));
  });

  it('document one --json shape for every command that has --json, and no other', () => {
    expect(Object.keys(JSON_SHAPES).sort()).toEqual(leafCommandsWithJson(program).sort());
  });

  it('read field names out of a shape', () => {
    expect(shapeKeys('{ a, b?, c: [{ d, e }…], f: x|y }')).toEqual(['a', 'b', 'c', 'f']);
    expect(shapeKeys('[{ as_of, run_id }…] (empty: [] and exit 1)')).toEqual(['as_of', 'run_id']);
  });
});
