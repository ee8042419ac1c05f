import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { DteError, NotFoundError, UsageError } from '../../domain/errors.js';
import { listPublished, readCurrent, readManifest } from '../../snapshot/catalog.js';
import { snapshotKeys } from '../../snapshot/layout.js';
import type { Manifest } from '../../snapshot/manifest.js';
import { HashingCounter } from '../../store/bodies.js';
import type { ObjectStore } from '../../store/objectStore.js';
import { openStore } from '../../store/openStore.js';
import { parseAsOf } from '../../time/asOf.js';
import { loadCommandConfig } from '../loadCommandConfig.js';

interface StoreOptions {
  config?: string;
  store?: string;
}

async function withStore<T>(options: StoreOptions, use: (store: ObjectStore) => Promise<T>): Promise<T> {
  const loaded = loadCommandConfig(options, 'store');
  const store = await openStore(loaded.config.store);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

async function manifestOf(store: ObjectStore, asOf: string): Promise<Manifest> {
  const pointer = await readCurrent(store, parseAsOf(asOf, 'date'));
  const manifest = pointer ? await readManifest(store, pointer) : null;
  if (!manifest) throw new NotFoundError(`no published snapshot for ${asOf} in ${store.url}`, { asOf });
  return manifest;
}

function outputOf(manifest: Manifest, file: string) {
  const output = manifest.outputs.find((o) => o.key === file);
  if (!output) {
    throw new UsageError(
      `no file ${file} in snapshot ${manifest.as_of}; files: ${manifest.outputs.map((o) => o.key).join(', ')}`,
      {
        asOf: manifest.as_of,
      },
    );
  }
  return output;
}

export function registerSnapshotsCommands(program: Command): void {
  const snapshots = program
    .command('snapshots')
    .description('list, inspect and download published snapshots');
  const common = (cmd: Command) =>
    cmd
      .option('--config <file>', 'config file (default $DTE_CONFIG)')
      .option('--store <url>', 'object store URL (default $DTE_STORE or the config)');

  common(snapshots.command('list').description('every published as-of date, oldest first'))
    .option('--json', 'print JSON')
    .action(async (options: StoreOptions & { json?: boolean }) => {
      await withStore(options, async (store) => {
        const rows = [];
        for (const pointer of await listPublished(store)) {
          const manifest = await readManifest(store, pointer);
          if (!manifest) continue;
          rows.push({
            as_of: pointer.as_of,
            run_id: pointer.run_id,
            rule_set_id: manifest.rule_set_id,
            files: manifest.outputs.length,
            created_at: manifest.created_at,
          });
        }
        if (options.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        else
          for (const r of rows)
            process.stdout.write(`${r.as_of}  ${r.run_id}  ${r.rule_set_id}  ${r.files} files\n`);
      });
    });

  common(snapshots.command('show <date>').description("the snapshot's manifest (JSON)")).action(
    async (date: string, options: StoreOptions) => {
      await withStore(options, async (store) => {
        process.stdout.write(`${JSON.stringify(await manifestOf(store, date), null, 2)}\n`);
      });
    },
  );

  common(
    snapshots
      .command('get <date> <file>')
      .description('download one file of a snapshot, checked against its sha256'),
  )
    .option('--out <path>', 'where to write it (default: the file name in the current folder)')
    .action(async (date: string, file: string, options: StoreOptions & { out?: string }) => {
      await withStore(options, async (store) => {
        const manifest = await manifestOf(store, date);
        const output = outputOf(manifest, file);
        const target = options.out ?? path.basename(file);
        await mkdir(path.dirname(path.resolve(target)), { recursive: true });
        const counter = new HashingCounter();
        await pipeline(
          await store.get(snapshotKeys.file(manifest.as_of, manifest.run_id, file)),
          counter,
          createWriteStream(target),
        );
        const sha256 = counter.digest();
        if (sha256 !== output.sha256) {
          throw new DteError(`downloaded ${file} does not match its manifest sha256`, {
            asOf: manifest.as_of,
            file,
            expected: output.sha256,
            got: sha256,
          });
        }
        process.stdout.write(`${target}  ${counter.bytes} bytes  sha256 ${sha256}\n`);
      });
    });

  common(snapshots.command('url <date> <file>').description('a presigned download URL (S3 stores)'))
    .option('--expires <seconds>', 'validity in seconds', '3600')
    .action(async (date: string, file: string, options: StoreOptions & { expires: string }) => {
      const expires = Number.parseInt(options.expires, 10);
      if (!Number.isInteger(expires) || expires < 1 || expires > 604800)
        throw new UsageError('--expires must be 1..604800 seconds');
      await withStore(options, async (store) => {
        const manifest = await manifestOf(store, date);
        outputOf(manifest, file);
        const url = await store.presignGet(snapshotKeys.file(manifest.as_of, manifest.run_id, file), expires);
        if (!url)
          throw new UsageError(`the store ${store.url} has no presigned URLs; use 'dte snapshots get'`);
        process.stdout.write(`${url}\n`);
      });
    });
}
