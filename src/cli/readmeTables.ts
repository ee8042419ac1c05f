import type { Command, Option } from 'commander';
import { ENV_NAMES } from '../config/env.js';
import { ENV_DOCS, type EnvDoc, OTHER_ENV_DOCS } from '../config/envDocs.js';
import { JSON_SHAPES } from './jsonShapes.js';
import { COMMAND_ENV, type CommandKind } from './loadCommandConfig.js';

/** Every command that runs something (`dte snapshots list`, not `dte snapshots`), in program order. */
export function leafCommands(program: Command): Array<{ path: string; command: Command }> {
  const out: Array<{ path: string; command: Command }> = [];
  const walk = (parent: Command, prefix: string) => {
    for (const c of parent.commands) {
      const path = prefix ? `${prefix} ${c.name()}` : c.name();
      if (c.commands.length > 0) walk(c, path);
      else out.push({ path, command: c });
    }
  };
  walk(program, '');
  return out;
}

/** The commands of each kind, as the env table names them. */
const COMMANDS_OF: Record<CommandKind, string> = {
  store: 'snapshots, alerts list/sent/silence/ack',
  run: 'run',
  queues: 'enqueue, backfill, schedule',
  worker: 'worker',
  serve: 'serve',
  channels: 'alerts test',
};

const cell = (text: string) => text.replace(/\|/g, '\\|');

function flagOf(option: Option): string {
  const flag = option.flags.replace(/^-\w, /, '');
  return option.required && option.mandatory ? flag : `[${flag}]`;
}

function usageOf(path: string, command: Command): string {
  const args = command.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`));
  return ['dte', path, ...args, ...command.options.map(flagOf)].join(' ');
}

/** The README's command table, from the program itself. */
export function commandTable(program: Command): string {
  const rows = leafCommands(program).map(
    ({ path, command }) => `| \`${cell(usageOf(path, command))}\` | ${cell(command.description())} |`,
  );
  return ['| command | what it does |', '| --- | --- |', ...rows].join('\n');
}

/** The README's `--json` table: every command that has `--json`, with its one shape. */
export function jsonTable(program: Command): string {
  const rows = leafCommands(program)
    .filter(({ command }) => command.options.some((o) => o.long === '--json'))
    .map(({ path }) => `| \`dte ${path} --json\` | \`${cell(JSON_SHAPES[path] ?? 'UNDOCUMENTED')}\` |`);
  return ['| command | shape on stdout |', '| --- | --- |', ...rows].join('\n');
}

/** The README's environment table, with the commands that check each variable. */
export function envTable(): string {
  const checkedBy = (name: string) =>
    Object.entries(COMMAND_ENV)
      .filter(([, names]) => (names as readonly string[]).includes(name))
      .map(([kind]) => COMMANDS_OF[kind as CommandKind])
      .join(', ');
  const row = (name: string, doc: EnvDoc, by: string) =>
    `| \`${name}\` | ${doc.default} | ${doc.meaning} | ${by || '-'} |`;
  return [
    '| variable | default | meaning | checked by |',
    '| --- | --- | --- | --- |',
    ...ENV_NAMES.map((name) => row(name, ENV_DOCS[name], checkedBy(name))),
    ...Object.entries(OTHER_ENV_DOCS).map(([name, doc]) => row(name, doc, '')),
  ].join('\n');
}

/** The README with each generated block (between `<!-- NAME:start -->` and `<!-- NAME:end -->`) rewritten. */
export function withReadmeTables(readme: string, program: Command): string {
  const blocks: Record<string, string> = {
    'cli-commands': commandTable(program),
    'cli-json': jsonTable(program),
    env: envTable(),
  };
  let out = readme;
  for (const [name, table] of Object.entries(blocks)) {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README has no ${start} … ${end} block`);
    out = `${out.slice(0, from + start.length)}\n${table}\n${out.slice(to)}`;
  }
  return out;
}
