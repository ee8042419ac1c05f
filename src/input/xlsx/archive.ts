import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';

/**
 * A workbook's zip archive, opened from a temporary copy of the export: a zip names its members at
 * its end, and a workbook's shared strings often come after its sheets, so the reader needs the
 * members in its own order, which only a file gives.
 */
export class WorkbookArchive {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    private readonly dir: string,
  ) {}

  static async open(input: Readable): Promise<WorkbookArchive> {
    const dir = await mkdtemp(path.join(tmpdir(), 'dte-xlsx-'));
    try {
      const file = path.join(dir, 'workbook.xlsx');
      await pipeline(input, createWriteStream(file));
      const zip = await openZip(file);
      return new WorkbookArchive(zip, await listEntries(zip), dir);
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** A member's inflated bytes; null when the archive has no such member. */
  async read(name: string): Promise<Readable | null> {
    const entry = this.entries.get(name);
    if (!entry) return null;
    return this.zip.openReadStreamPromise(entry);
  }

  async close(): Promise<void> {
    this.zip.close();
    await rm(this.dir, { recursive: true, force: true });
  }
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, zip) => {
      if (error) reject(error);
      else resolve(zip);
    });
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  const entries = new Map<string, yauzl.Entry>();
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}
