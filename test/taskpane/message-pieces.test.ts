/**
 * Large messages cross the worker boundary in pieces and come back whole: long arrays anywhere in
 * a message (a range's rows, a sheet's values, a column of labels) are cut into slices of at most
 * PIECE_CELLS cells and put back in order; small messages go as they are; structured clone between
 * each piece, as a real worker boundary does.
 */
import v8 from 'node:v8';
import { INCOMPLETE, PIECE_CELLS, PieceReceiver, piecesOf, postInPieces } from '../../src/taskpane/engine/message-pieces';

const clone = <T>(value: T): T => v8.deserialize(v8.serialize(value)) as T;

/** A bank range as the pane reads it: 100,000 rows of 8 cells, numbers, text and blanks. */
function bankRows(rows: number): (string | number | null)[][] {
  return Array.from({ length: rows }, (_, i) => [
    `2025-03-${String((i % 28) + 1).padStart(2, '0')}`,
    `记-${i}`,
    `收明星货款 发票${44584715 + i}`,
    '南京明星建筑工程有限责任公司',
    i % 3 ? 9394.21 + i : null,
    i % 3 ? null : 47307 + i,
    103202286.21 + i,
    '',
  ]);
}

function cellsIn(piece: unknown): number {
  const items = (piece as { items?: unknown[] }).items ?? [];
  return items.reduce((sum: number, item) => sum + (Array.isArray(item) ? item.length : 1), 0);
}

function roundTrip(message: unknown): unknown {
  const receiver = new PieceReceiver();
  let whole: unknown = INCOMPLETE;
  for (const piece of piecesOf(message)) {
    expect(whole).toBe(INCOMPLETE);
    whole = receiver.receive(clone(piece));
  }
  return whole;
}

describe('message pieces', () => {
  test('a small message goes as it is, in one message', () => {
    const request = { id: 3, type: 'detect', source: { cells: [['日期', '金额'], ['2025-03-03', '15,000.00']], firstRow: 4 } };
    expect(piecesOf(request)).toEqual([request]);
    expect(new PieceReceiver().receive(request)).toBe(request);
  });

  test('a reconcile request of 100,000 × 100,000 rows comes back equal, every piece small', () => {
    const request = {
      id: 7,
      type: 'reconcile',
      request: { ledger: { cells: bankRows(100_000), firstRow: 1 }, bank: { cells: bankRows(98_000), firstRow: 6 }, locale: 'zh-CN', existingSheetNames: ['ledger', 'bank'] },
    };
    const pieces = piecesOf(request);
    expect(pieces.length).toBeGreaterThan(2 * Math.floor((100_000 * 9) / PIECE_CELLS));
    for (const piece of pieces.slice(1)) expect(cellsIn(piece)).toBeLessThanOrEqual(PIECE_CELLS + 9);
    // The skeleton carries none of the rows.
    expect(JSON.stringify(pieces[0]).length).toBeLessThan(2000);
    expect(roundTrip(request)).toEqual(request);
  });

  test('long arrays deep inside (a run\'s sheets and labels) are cut and put back where they were', () => {
    const labels = Array.from({ length: 60_000 }, (_, i) => (i % 2 ? 'M12 已匹配' : '未匹配'));
    const outcome = {
      id: 2,
      type: 'done',
      value: {
        outputs: {
          sheets: [
            { key: 'matches', name: '匹配结果', values: bankRows(30_000), columnFormats: ['text', 'amount'] },
            { key: 'summary', name: '对账汇总', values: [['行数', 12]] },
          ],
          annotations: [{ sheet: 'bank', labels, highlights: labels.map((l) => (l === '未匹配' ? 'unmatched' : 'auto')) }],
        },
        summary: { matchRate: 0.97 },
      },
    };
    const back = roundTrip(outcome);
    expect(back).toEqual(outcome);
  });

  test('a File or typed array is never cut; the page pauses between slices and stops for a closed worker', async () => {
    const bytes = new Uint8Array(200_000);
    expect(piecesOf({ id: 1, type: 'done', value: bytes })).toHaveLength(1);
    const posted: unknown[] = [];
    let open = true;
    const sending = postInPieces((piece) => {
      posted.push(piece);
      if (posted.length === 3) open = false;
    }, { id: 9, rows: bankRows(40_000) }, () => open);
    // The head goes at once; the slices wait for the next tasks.
    expect(posted).toHaveLength(1);
    await sending;
    expect(posted).toHaveLength(3);
  });
});
