/**
 * The shared rule "a bare sheet name's used range leaves out Recon's own status cells"
 * (layout/status-cells): the rectangles the Office host asks Excel about cover exactly the sheet
 * minus those cells, and a re-read after a run gives the range the user had before it.
 */
import fc from 'fast-check';
import { isStatusCell, rectsOutside, type StatusCells } from '../../../src/workbook/layout/status-cells';
import { FakeExcel } from '../../fake-excel';
import { officeWorkbook } from './fixtures';

describe('rectsOutside', () => {
  test('property: the parts cover the rectangle minus the status cells, each cell once', () => {
    const segment = fc.record({ column: fc.integer({ min: 1, max: 9 }), firstRow: fc.integer({ min: 0, max: 12 }), length: fc.integer({ min: 0, max: 8 }) });
    fc.assert(
      fc.property(
        fc.record({ top: fc.integer({ min: 1, max: 6 }), left: fc.integer({ min: 1, max: 5 }), rows: fc.integer({ min: 1, max: 9 }), columns: fc.integer({ min: 1, max: 6 }) }),
        fc.array(segment, { maxLength: 4 }),
        (r, segments) => {
          const rect = { top: r.top, left: r.left, bottom: r.top + r.rows - 1, right: r.left + r.columns - 1 };
          const cells: StatusCells[] = segments.map((s) => ({ sheet: 'Bank', column: s.column, firstRow: s.firstRow, lastRow: s.firstRow + s.length }));
          const parts = rectsOutside(rect, cells);
          const wrong: string[] = [];
          for (let row = 0; row <= 16; row++) {
            for (let column = 0; column <= 12; column++) {
              const inRect = row >= rect.top && row <= rect.bottom && column >= rect.left && column <= rect.right;
              const want = inRect && !isStatusCell(cells, row, column) ? 1 : 0;
              const got = parts.filter((p) => row >= p.top && row <= p.bottom && column >= p.left && column <= p.right).length;
              if (got !== want) wrong.push(`R${row}C${column}: covered ${got}×, want ${want}×`);
            }
          }
          expect(wrong).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('reading a bare sheet name after a run', () => {
  test('leaves out Recon’s status cells (both ranges on one sheet), keeps the user’s values around them', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Data', [
      ['日期', '金额', '', '', '日期', '金额'],
      [45658, 10, '', '', 45658, 10],
      [45659, 20, '', '', 45659, 20],
    ]);
    fake.setValues('Data', 'J2', [['我的备注']]);
    const wb = officeWorkbook(fake);
    const before = await wb.readValues('Data');
    expect(before.address).toBe('Data!A1:J3');

    // Status cells as a run leaves them: beside each range, both in the range the user chose.
    const annotation = (rangeAddress: string, statusColumn: number) => ({
      rangeAddress,
      sheet: 'Data',
      firstRow: 1,
      lastRow: 3,
      statusColumn,
      statusHeader: '对账状态',
      labels: ['M1 已匹配', '未匹配'],
      highlights: ['auto' as const, 'unmatched' as const],
    });
    await wb.writeRun({
      sheets: [],
      annotations: [annotation('Data!A1:B3', 3), annotation('Data!E1:F3', 7)],
      runRecord: { version: 1, ranAt: '2025-04-01T00:00:00Z', ledgerRange: 'Data!A1:B3', bankRange: 'Data!E1:F3', sheets: [], statusColumns: [], options: {} },
    });
    expect(fake.valuesOf('Data', 'C1:C3')).toEqual([['对账状态'], ['M1 已匹配'], ['未匹配']]);
    expect(fake.valuesOf('Data', 'G1:G3')).toEqual([['对账状态'], ['M1 已匹配'], ['未匹配']]);

    // The same range (the rule is about the range, as in the memory and .xlsx hosts: status cells
    // inside it read as they are).
    const after = await wb.readValues('Data');
    expect(after.address).toBe(before.address);
    const outsideStatus = (values: unknown[][]) => values.map((row) => row.filter((_, c) => c !== 2 && c !== 6));
    expect(outsideStatus(after.values)).toEqual(outsideStatus(before.values));

    // Without the user's note right of them, the status columns are the range's edge: left out.
    fake.sheet('Data').values.set(1, 9, undefined);
    expect((await wb.readValues('Data')).address).toBe('Data!A1:F3');

    // Only Recon's labels on a sheet: it reads as empty, as a sheet the user never filled.
    fake.addSheet('Labels only');
    await wb.writeRun({
      sheets: [],
      annotations: [{ ...annotation("'Labels only'!A1:A3", 1), sheet: 'Labels only' }],
      runRecord: { version: 1, ranAt: '2025-04-01T00:00:00Z', ledgerRange: "'Labels only'!A1:A3", bankRange: "'Labels only'!A1:A3", sheets: [], statusColumns: [], options: {} },
    });
    expect(fake.valuesOf('Labels only', 'A2:A3')).toEqual([['M1 已匹配'], ['未匹配']]);
    await expect(wb.readValues('Labels only')).resolves.toMatchObject({ values: [], address: "'Labels only'!A1" });
  });
});
