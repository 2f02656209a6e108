/**
 * The Aliases sheet as people edit it in Excel (rows typed, dates Excel made of a typed date, a
 * sheet re-run in another language), and what a run makes of it against Recon's last copy.
 */
import type { DecisionReport } from '../../../src/engine/decisions/decision';
import { aliasProblemText, buildAliasesSheet, readAliasesSheet } from '../../../src/workbook/layout/aliases-sheet';
import { updateAliases } from '../../../src/workbook/layout/alias-memory';
import type { Alias } from '../../../src/workbook/layout/recon-state';

const HENGFENG: Alias = { ledgerName: '上海恒丰贸易有限公司', bankName: '张伟', by: '王会计', at: '2025-04-01T08:00:00.000Z', note: 'D1 M1（接受）时学到' };
const ACME: Alias = { ledgerName: 'Acme Industrial Supply LLC', bankName: 'ACME IND SUP', by: 'Jane', at: '2025-04-02T08:00:00.000Z' };

describe('the Aliases sheet', () => {
  it('is written as a note, a header and one row per pair, all text, in the run\'s language', () => {
    const sheet = buildAliasesSheet([HENGFENG, ACME], 'zh-TW', '戶名別名');
    expect(sheet.values.slice(1)).toEqual([
      ['帳簿戶名', '銀行戶名', '新增人', '新增時間', '備註'],
      ['上海恒丰贸易有限公司', '张伟', '王会计', '2025-04-01T08:00:00.000Z', 'D1 M1（接受）时学到'],
      ['Acme Industrial Supply LLC', 'ACME IND SUP', 'Jane', '2025-04-02T08:00:00.000Z', ''],
    ]);
    expect(sheet.columnFormats).toEqual(['text', 'text', 'text', 'text', 'text']);
    expect(sheet.freezeRows).toBe(2);
  });

  it('reads back what it wrote, in any language, and what a person typed under it', () => {
    const values = buildAliasesSheet([HENGFENG], 'en', 'Aliases').values;
    // Typed in Excel: a pair with a date Excel turned into a serial, a blank row, a pair with no who/when.
    values.push(['广州联合电子有限公司', '李娜', '赵出纳', 45748, '法人代付'], [null, '', null], ['  Acme Industrial Supply LLC ', 'ACME IND SUP']);
    const read = readAliasesSheet(values, 'Aliases', '王会计', '2025-04-05T10:00:00.000Z');
    expect(read).toEqual({
      found: true,
      problems: [],
      aliases: [
        HENGFENG,
        { ledgerName: '广州联合电子有限公司', bankName: '李娜', by: '赵出纳', at: '2025-04-01', note: '法人代付' },
        { ledgerName: 'Acme Industrial Supply LLC', bankName: 'ACME IND SUP', by: '王会计', at: '2025-04-05T10:00:00.000Z' },
      ],
    });
  });

  it('reports a row missing a name by row and column, keeps it, and never guesses the name', () => {
    const values = buildAliasesSheet([], 'zh-CN', '户名别名').values;
    values.push(['上海恒丰贸易有限公司', null, null, null, '银行名待查']);
    const read = readAliasesSheet(values, '户名别名', '王会计', '2025-04-05T10:00:00.000Z');
    expect(read.aliases).toEqual([{ ledgerName: '上海恒丰贸易有限公司', bankName: '', by: '王会计', at: '2025-04-05T10:00:00.000Z', note: '银行名待查' }]);
    expect(read.problems.map((p) => aliasProblemText(p, 'zh-CN'))).toEqual(['户名别名 第 3 行：B 列（银行户名）为空，应填写户名；此行未使用']);
    expect(read.problems.map((p) => aliasProblemText(p, 'en'))).toEqual(['户名别名 row 3: column B (银行户名) is empty, expected a name; the row is not used']);
  });

  it('names rows and columns as the sheet does when its used range does not start at A1', () => {
    // The note row deleted and the columns moved one right by hand: the used range starts at B2.
    const values = buildAliasesSheet([], 'en', 'Aliases').values.slice(1);
    values.push(['Acme Industrial Supply LLC', '']);
    const read = readAliasesSheet(values, 'Aliases', 'x', 'y', { top: 2, left: 2 });
    expect(read.problems.map((p) => aliasProblemText(p, 'en'))).toEqual(['Aliases row 3: column C (Bank name) is empty, expected a name; the row is not used']);
  });

  it('says so when its header is gone, and is then not read', () => {
    const read = readAliasesSheet([['my own notes'], ['张伟', '恒丰']], 'Aliases', 'x', 'y');
    expect(read.found).toBe(false);
    expect(read.problems.map((p) => aliasProblemText(p, 'en'))).toEqual([
      'No header found in Aliases (expected columns "Ledger name" and "Bank name"); the aliases saved by the last run are used',
    ]);
  });
});

const accepted = (id: string, ledger: string, bank: string): DecisionReport => ({
  decision: {
    id, kind: 'accept', matchId: 'M4', reason: '', by: '李会计', at: '2025-04-02T08:00:00.000Z', source: 'sheet',
    ledger: [{ side: 'ledger', row: 2, date: '2025-03-03', amount: '50000.00', counterparty: ledger, reference: '', fingerprint: 'a#1' }],
    bank: [{ side: 'bank', row: 4, date: '2025-03-04', amount: '50000.00', counterparty: bank, reference: '', fingerprint: 'b#1' }],
  },
  outcome: 'applied',
  missing: [],
});

describe('the aliases after a run', () => {
  it('takes the sheet as the user\'s word: a changed row is one pair deleted and one added, in the Audit log', () => {
    const changed = { ...ACME, bankName: 'ACME INDUSTRIAL SUP' };
    const update = updateAliases({ stored: [HENGFENG, ACME], sheet: [HENGFENG, changed], learnedFrom: [], decisions: [], locale: 'en' });
    expect(update.aliases).toEqual([HENGFENG, changed]);
    expect(update.audit).toEqual([
      'Alias deleted in the sheet, no longer used: ACME IND SUP → Acme Industrial Supply LLC',
      'Alias added in the sheet: ACME INDUSTRIAL SUP → Acme Industrial Supply LLC',
    ]);
  });

  it('keeps the stored copy when there is no sheet to read (first run, sheet deleted)', () => {
    expect(updateAliases({ stored: [HENGFENG], sheet: undefined, learnedFrom: [], decisions: [], locale: 'en' })).toEqual({ aliases: [HENGFENG], learnedFrom: [], audit: [] });
  });

  it('learns a decision once, adds no duplicate of a pair already there, and never re-adds a deleted one', () => {
    const first = updateAliases({ stored: [], sheet: [], learnedFrom: [], decisions: [accepted('D1', '上海恒丰贸易有限公司', '张伟')], locale: 'zh-CN' });
    expect(first.aliases).toEqual([{ ledgerName: '上海恒丰贸易有限公司', bankName: '张伟', by: '李会计', at: '2025-04-02T08:00:00.000Z', note: 'D1 M4（接受）时学到' }]);
    expect(first.learnedFrom).toEqual(['D1']);
    expect(first.audit).toEqual(['学到别名：张伟 → 上海恒丰贸易有限公司（D1）']);

    // The same pair accepted again (another payment), while it is in the sheet written the other way round in 繁體.
    const swapped = { ...HENGFENG, ledgerName: '張偉', bankName: '上海恒豐貿易有限公司' };
    const again = updateAliases({ stored: [swapped], sheet: [swapped], learnedFrom: ['D1'], decisions: [accepted('D2', '上海恒丰贸易有限公司', '张伟')], locale: 'zh-CN' });
    expect(again.aliases).toEqual([swapped]);
    expect(again.learnedFrom).toEqual(['D1', 'D2']);

    // The user deleted the row; D1 still stands and is not learned again.
    const deleted = updateAliases({ stored: first.aliases, sheet: [], learnedFrom: first.learnedFrom, decisions: [accepted('D1', '上海恒丰贸易有限公司', '张伟')], locale: 'zh-CN' });
    expect(deleted.aliases).toEqual([]);
    expect(deleted.audit).toEqual(['别名表中删除，不再使用：张伟 → 上海恒丰贸易有限公司']);
  });
});
