/**
 * One state format for every host: a workbook reconciled in one host (the add-in on Excel, the
 * command line or standalone page on an .xlsx file, the memory workbook) and opened in another
 * shows the same last run and the same decisions, and a re-run there replaces the run before.
 * Older states are migrated; newer or damaged ones are refused with a message, never misread.
 */
import { buildReport, reconcile } from '../../../src/engine';
import type { CellsSource } from '../../../src/engine/types';
import { buildRunOutputs } from '../../../src/workbook/layout';
import { emptyMemory, encodeState, STATE_MARKER, STATE_SHEET, StateError, type WorkbookMemory } from '../../../src/workbook/layout/recon-state';
import type { CellBlock, RunRecord, Workbook } from '../../../src/workbook/workbook';
import { BANK_SHEET, BANK_VALUES, LEDGER_SHEET, LEDGER_VALUES } from '../memory/sample-sheets';
import { carry, HOSTS, openHost, type HostKind, type SheetData } from './hosts';

const USER_SHEETS: SheetData[] = [
  { name: LEDGER_SHEET, values: LEDGER_VALUES },
  { name: BANK_SHEET, values: BANK_VALUES },
];

const sourceOf = (block: CellBlock): CellsSource => ({ cells: block.values, firstRow: block.top, firstColumn: block.left - 1 });

async function run(wb: Workbook, ranAt: string, memory?: WorkbookMemory): Promise<void> {
  const ledger = await wb.readValues(LEDGER_SHEET);
  const bank = await wb.readValues(BANK_SHEET);
  const result = reconcile(sourceOf(ledger), sourceOf(bank));
  const outputs = buildRunOutputs(result, buildReport(result), {
    locale: 'zh-CN',
    ledger: ledger.address,
    bank: bank.address,
    ranAt,
    existingSheetNames: await wb.sheetNames(),
    previousRun: await wb.lastRun(),
  });
  await wb.writeRun({ ...outputs, memory });
}

/** What people decided, as a reviewer would leave it: one decision, an alias, an audit line, a sign-off. */
function peopleMemory(): WorkbookMemory {
  return {
    ...emptyMemory(),
    settings: { ledger: { range: '日记账!A1:G9', kind: 'cash-journal' }, match: { dateWindowDays: '7', tolerance: '50.00' }, company: '上海某某贸易有限公司' },
    decisions: [
      {
        id: 'D1',
        kind: 'explained',
        ledger: [],
        bank: [{ side: 'bank', row: 10, date: '2025-03-18', amount: '-25.00', counterparty: '', reference: 'B0005', fingerprint: 'abc123#1' }],
        reason: '手续费已在月末计提',
        by: '王会计',
        at: '2025-04-01T08:00:00.000Z',
        source: 'pane',
      },
    ],
    groups: [{ id: 'M1', origin: 'auto', ledger: ['l1#1'], bank: ['b1#1'] }],
    nextMatchNumber: 6,
    audit: [{ at: '2025-04-01T08:00:00.000Z', by: '王会计', action: 'decision', detail: '说明：银行第 10 行', checksum: '1f2e3d' }],
    aliases: [{ ledgerName: '上海华程贸易有限公司', bankName: '张伟', by: '王会计', at: '2025-04-01T08:00:00.000Z' }],
    signOff: { by: '李主管', at: '2025-04-02T09:00:00.000Z' },
    userName: '王会计',
  };
}

describe.each(HOSTS)('a workbook reconciled by the %s host', (writer: HostKind) => {
  it.each(HOSTS)('opens in the %s host with the same run and decisions, and a re-run there replaces it', async (reader: HostKind) => {
    const first = await openHost(writer, USER_SHEETS);
    await run(first.workbook, '2025-04-01T08:00:00.000Z', peopleMemory());
    const record = (await first.workbook.lastRun()) as RunRecord;
    expect(record.sheets).toContain('匹配结果');

    const second = await carry(first, reader);
    expect(await second.workbook.lastRun()).toEqual(record);
    expect(await second.workbook.readMemory()).toEqual(peopleMemory());
    expect(await second.workbook.sheetNames()).toEqual([LEDGER_SHEET, BANK_SHEET, ...record.sheets]);

    // A re-run without new memory keeps what people decided, and replaces the Matches sheet.
    await run(second.workbook, '2025-04-03T10:00:00.000Z');
    expect(await second.workbook.sheetNames()).toEqual([LEDGER_SHEET, BANK_SHEET, ...record.sheets]);
    expect((await second.workbook.lastRun())?.ranAt).toBe('2025-04-03T10:00:00.000Z');
    expect(await second.workbook.readMemory()).toEqual(peopleMemory());
    // The status column is in the same place: Recon's own labels were not read as data.
    expect((await second.workbook.lastRun())?.statusColumns).toEqual(record.statusColumns);

    // And back again to the writer's kind of host.
    const third = await carry(second, writer);
    expect((await third.workbook.lastRun())?.ranAt).toBe('2025-04-03T10:00:00.000Z');
    expect((await third.workbook.readMemory()).decisions[0].reason).toBe('手续费已在月末计提');
  });
});

const OLD_RECORD: RunRecord = {
  version: 1,
  ranAt: '2025-03-01T08:00:00.000Z',
  ledgerRange: '日记账!A1:G9',
  bankRange: "'Bank export'!A1:G12",
  sheets: ['匹配结果'],
  statusColumns: [{ sheet: LEDGER_SHEET, column: 8, firstRow: 1, lastRow: 9 }],
  highlightAreas: [],
  options: { locale: 'zh-CN' },
};

/** The add-in's format 1: a marker, version 1, one part holding { record, office }. */
const ADDIN_V1 = [[STATE_MARKER, '1', '1'], [JSON.stringify({ record: OLD_RECORD, office: { rules: [], tables: ['ReconMatches'] } }), '1', '']];
/** The file host's format 1: the bare RunRecord's JSON in A1. */
const FILE_V1 = [[JSON.stringify(OLD_RECORD)]];

function withState(rows: string[][]): SheetData[] {
  return [...USER_SHEETS, { name: STATE_SHEET, values: rows, hidden: true }];
}

describe.each(HOSTS)('older and foreign states in the %s host', (kind: HostKind) => {
  it.each([
    ['the add-in\'s format 1', ADDIN_V1],
    ['the file host\'s format 1', FILE_V1],
  ])('migrates %s: the run is read, no decisions yet', async (_name, rows) => {
    const host = await openHost(kind, withState(rows));
    expect(await host.workbook.lastRun()).toEqual(OLD_RECORD);
    expect(await host.workbook.readMemory()).toEqual(emptyMemory());
  });

  it('refuses a state written by a newer Recon, and writing leaves the workbook as it was', async () => {
    const newer = encodeState({ version: 2, run: OLD_RECORD, memory: emptyMemory(), host: {} });
    newer[0][1] = '3';
    const host = await openHost(kind, withState(newer));
    await expect(host.workbook.lastRun()).rejects.toThrow(/newer Recon \(state format 3; this Recon reads up to 2\)/);
    await expect(host.workbook.readMemory()).rejects.toBeInstanceOf(StateError);
    const before = await host.sheets();
    await expect(run(host.workbook, '2025-04-01T08:00:00.000Z')).rejects.toThrow(/newer Recon/);
    expect(await host.sheets()).toEqual(before);
  });

  it.each([
    ['a missing part', (rows: string[][]) => [[rows[0][0], rows[0][1], '2'], rows[1]]],
    ['a cut-off part', (rows: string[][]) => [rows[0], [rows[1][0].slice(0, 40), '1', '']]],
    ['another marker', (rows: string[][]) => [['my notes', '2', '1'], ...rows.slice(1)]],
  ])('refuses a damaged state (%s) with a message, and Clear results removes it', async (_name, damage) => {
    const good = encodeState({ version: 2, run: OLD_RECORD, memory: peopleMemory(), host: {} });
    expect(good).toHaveLength(2);
    const rows = damage(good);
    const host = await openHost(kind, withState(rows));
    await expect(host.workbook.lastRun()).rejects.toThrow(/cannot be read: .*Nothing was changed; "Clear results" removes it/);
    await host.workbook.clearRun();
    expect(await host.workbook.lastRun()).toBeNull();
    expect((await host.sheets()).map((s) => s.name)).toEqual([LEDGER_SHEET, BANK_SHEET]);
  });
});

describe.each(HOSTS)('saveMemory in the %s host', (kind: HostKind) => {
  it('stores a sign-off without touching the run, and a later run keeps it', async () => {
    const host = await openHost(kind, USER_SHEETS);
    await run(host.workbook, '2025-04-01T08:00:00.000Z');
    const record = await host.workbook.lastRun();
    const signed = { ...emptyMemory(), signOff: { by: '李主管', at: '2025-04-02T09:00:00.000Z' } };
    await host.workbook.saveMemory(signed);
    expect(await host.workbook.lastRun()).toEqual(record);
    const reopened = await carry(host, kind);
    expect(await reopened.workbook.readMemory()).toEqual(signed);
    await run(reopened.workbook, '2025-04-03T10:00:00.000Z');
    expect(await reopened.workbook.readMemory()).toEqual(signed);
  });

  it('stores settings in a workbook that has had no run', async () => {
    const host = await openHost(kind, USER_SHEETS);
    const memory = { ...emptyMemory(), settings: { company: 'ACME' } };
    await host.workbook.saveMemory(memory);
    expect(await host.workbook.lastRun()).toBeNull();
    expect(await (await carry(host, kind)).workbook.readMemory()).toEqual(memory);
    expect(await host.workbook.sheetNames()).toEqual([LEDGER_SHEET, BANK_SHEET]);
  });
});
