#!/usr/bin/env node
import { describeError, EXIT } from './errors.js';
import { buildProgram } from './program.js';

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  const code = String((error as { code?: unknown }).code ?? '');
  if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help')
    process.exit(EXIT.ok);
  const described = describeError(error);
  // Commander has already printed its own usage message.
  if (!code.startsWith('commander.')) process.stderr.write(`dte: error: ${described.line}\n`);
  process.exit(described.code);
}
