import type { Command } from 'commander';
import { expect } from 'vitest';
import { JSON_SHAPES, shapeKeys } from '../../src/cli/jsonShapes.js';
import { leafCommands } from '../../src/cli/readmeTables.js';

export { JSON_SHAPES, shapeKeys };

export function leafCommandsWithJson(program: Command): string[] {
  return leafCommands(program)
    .filter(({ command }) => command.options.some((o) => o.long === '--json'))
    .map(({ path }) => path);
}

/** A command's `--json` output has exactly the fields of its documented shape (each item, for a list). */
export function expectShape(command: string, stdout: string): void {
  const shape = JSON_SHAPES[command];
  if (!shape) throw new Error(`no documented shape for ${command}`);
  const value = JSON.parse(stdout) as unknown;
  const items = shape.trim().startsWith('[') ? (value as unknown[]) : [value];
  expect(Array.isArray(items), command).toBe(true);
  for (const item of items)
    expect(Object.keys(item as object).sort(), command).toEqual(shapeKeys(shape).sort());
}
