import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { backlogOf, entryOf } from '../../src/excel/zipBacklog.js';

// zipBacklog reads two exceljs internals outside its types; an upgrade that moves them would let a
// sheet's XML pile up in memory again without any error, so this test pins them.
describe('the zip backlog of an exceljs sheet', () => {
  it('finds the sheet entry stream and reads how much of its XML waits for the zip', async () => {
    const out = new PassThrough();
    out.resume();
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    const ws = wb.addWorksheet('t');
    for (let i = 0; i < 2000; i++) ws.addRow([`row ${i}`, i, 'x'.repeat(200)]).commit();
    const entry = entryOf(ws);
    expect(entry, 'exceljs sheet stream → zip entry (ws.stream.pipes[0])').not.toBeNull();
    if (!entry) return;
    expect(backlogOf(entry), 'bytes written to the entry and not yet compressed').toBeGreaterThan(100_000);
    ws.commit();
    await wb.commit();
  });
});
