import type { Readable } from 'node:stream';
import type { SaxesTagPlain } from 'saxes';
import { WorkbookArchive } from './archive.js';
import type { SharedStrings } from './sharedStrings.js';
import { parseXml, unescapeOoxml } from './xmlEvents.js';

/** One sheet of a workbook, as `workbook.xml` lists it, with the archive member holding it. */
export interface SheetEntry {
  name: string;
  member: string;
}

/** What `workbook.xml` says: the sheets in order and the date system. */
export interface WorkbookFacts {
  sheets: SheetEntry[];
  date1904: boolean;
}

/** An opened workbook: its facts, its shared strings read, its sheets ready to stream. */
export interface OpenedWorkbook {
  facts: WorkbookFacts;
  archive: WorkbookArchive;
}

/** Reads the workbook's parts in the order a reader needs them: workbook, relationships, shared strings. */
export async function openWorkbook(input: Readable, strings: SharedStrings): Promise<OpenedWorkbook> {
  const archive = await WorkbookArchive.open(input);
  try {
    const book = await archive.read('xl/workbook.xml');
    if (!book) throw new Error('the archive has no xl/workbook.xml');
    const listed = await readWorkbookXml(book);
    const rels = await archive.read('xl/_rels/workbook.xml.rels');
    const targets = rels ? await readRelationships(rels) : new Map<string, string>();
    const sheets = listed.sheets.map(({ name, rid }) => ({ name, member: memberOf(targets.get(rid)) }));
    const shared = await archive.read('xl/sharedStrings.xml');
    if (shared) await readSharedStrings(shared, strings);
    return { facts: { sheets, date1904: listed.date1904 }, archive };
  } catch (error) {
    await archive.close();
    throw error;
  }
}

/** A relationship target (`worksheets/sheet1.xml`, or `/xl/worksheets/sheet1.xml`) as an archive member. */
function memberOf(target: string | undefined): string {
  if (target === undefined) return '';
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const value = tag.attributes[name];
  return typeof value === 'string' ? value : undefined;
}

/** Tags are compared without their namespace prefix (`x:sheet` from some writers). */
function local(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

async function readWorkbookXml(
  stream: Readable,
): Promise<{ sheets: Array<{ name: string; rid: string }>; date1904: boolean }> {
  const sheets: Array<{ name: string; rid: string }> = [];
  let date1904 = false;
  const events = parseXml(stream, {
    open(tag) {
      const name = local(tag.name);
      if (name === 'sheet') sheets.push({ name: attr(tag, 'name') ?? '', rid: attr(tag, 'r:id') ?? '' });
      if (name === 'workbookPr') date1904 = /^(1|true)$/.test(attr(tag, 'date1904') ?? '');
    },
    text() {},
    close() {},
  });
  for await (const _ of events);
  return { sheets, date1904 };
}

async function readRelationships(stream: Readable): Promise<Map<string, string>> {
  const targets = new Map<string, string>();
  const events = parseXml(stream, {
    open(tag) {
      if (local(tag.name) !== 'Relationship') return;
      const id = attr(tag, 'Id');
      const target = attr(tag, 'Target');
      if (id && target) targets.set(id, target);
    },
    text() {},
    close() {},
  });
  for await (const _ of events);
  return targets;
}

/** Each `<si>`'s text: its `<t>` runs joined, the phonetic runs (`<rPh>`) left out. */
async function readSharedStrings(stream: Readable, strings: SharedStrings): Promise<void> {
  let text = '';
  let inText = false;
  let phonetic = false;
  const events = parseXml(stream, {
    open(tag) {
      const name = local(tag.name);
      if (name === 'si') text = '';
      else if (name === 't') inText = !phonetic;
      else if (name === 'rPh') phonetic = true;
    },
    text(value) {
      if (inText) text += value;
    },
    close(tagName) {
      const name = local(tagName);
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic = false;
      else if (name === 'si') strings.add(unescapeOoxml(text));
    },
  });
  for await (const _ of events);
}
