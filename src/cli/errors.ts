import { CommanderError } from 'commander';
import { ZodError } from 'zod';
import { describeIssues } from '../config/load.js';
import { AlreadyRunningError, DteError, EarlierDateRunningError, UsageError } from '../domain/errors.js';

/** Exit codes of `spec/operations.md`: 0 success, 1 failure, 2 usage; 3 held, 4 already running, 5 an earlier date running. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  held: 3,
  alreadyRunning: 4,
  earlierDateRunning: 5,
} as const;

/** One line a person can act on: the message, then the context that locates it. */
export function describeError(error: unknown): { line: string; code: number } {
  if (error instanceof CommanderError)
    return { line: error.message.replace(/^error: /, ''), code: EXIT.usage };
  if (error instanceof ZodError) return { line: `invalid input: ${describeIssues(error)}`, code: EXIT.usage };
  if (error instanceof AlreadyRunningError) return { line: error.describe(), code: EXIT.alreadyRunning };
  if (error instanceof EarlierDateRunningError)
    return { line: error.describe(), code: EXIT.earlierDateRunning };
  if (error instanceof DteError) {
    return { line: error.describe(), code: error instanceof UsageError ? EXIT.usage : EXIT.failure };
  }
  return { line: error instanceof Error ? error.message : String(error), code: EXIT.failure };
}
