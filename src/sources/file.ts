import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { DteError } from '../domain/errors.js';
import { archiveFile } from './archive.js';
import type { FetchContext, FetchedSource } from './types.js';

/** The newest file matching a glob (by modification time, then name), or the path itself. */
async function pick(pattern: string, ctx: FetchContext): Promise<string> {
  if (!isDynamicPattern(pattern)) return pattern;
  const matches = await glob(pattern, { absolute: true, onlyFiles: true });
  if (matches.length === 0)
    throw new DteError(`no file matches ${pattern}`, { feed: ctx.feedId, file: pattern });
  const dated = await Promise.all(matches.map(async (file) => ({ file, mtime: (await stat(file)).mtimeMs })));
  dated.sort((a, b) => b.mtime - a.mtime || (a.file < b.file ? 1 : -1));
  return dated[0]!.file;
}

export async function fetchFile(source: { path: string }, ctx: FetchContext): Promise<FetchedSource> {
  const file = await pick(source.path, ctx);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new DteError(`export file not found: ${file}`, { feed: ctx.feedId, file });
  const archived = await archiveFile(file, ctx);
  ctx.logger.debug({ feed: ctx.feedId, file, rawKey: archived.rawKey }, 'file archived');
  // The file's name only: the manifest is published, and the folders of the machine that ran it are not its business.
  return { status: 'fetched', ...archived, fileName: path.basename(file), source: path.basename(file) };
}
