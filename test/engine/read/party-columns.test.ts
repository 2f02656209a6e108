/** Exports naming both parties of every line (付款人名称, 收款人名称): the counterparty is the one that is not us. */
import { readSide } from '../../../src/engine';
import { findPartyColumns, otherParty } from '../../../src/engine/read/party-columns';
import type { CellValue } from '../../../src/engine/types';

const US = '南宁力拓机电设备有限公司';
const header = ['交易类型', '付款人名称', '收款人名称', '交易日期', '交易金额', '交易后余额', '用途'];
const rows: CellValue[][] = [
  header,
  ['往账', US, '桂林恒通五金制品有限公司', '20250306', '-18600.00', '249800.00', '支付材料款'],
  ['来账', '东莞华泰电子科技有限公司', US, '20250314', '20000.00', '269800.00', '货款'],
  ['往账', US, '柳州金鼎钢材有限公司', '20250315', '-3200.00', '266600.00', '材料款'],
  ['来账', '广西瑞丰商贸有限公司', US, '20250318', '35600.00', '302200.00', '货款'],
];

describe('payer and payee columns', () => {
  it('finds the account holder on every line and takes the other name', () => {
    const parties = findPartyColumns(header, rows, 1)!;
    expect(parties).toEqual({ payer: 1, payee: 2, holder: US });
    expect(rows.slice(1).map((r) => otherParty(parties, r, false))).toEqual(['桂林恒通五金制品有限公司', '东莞华泰电子科技有限公司', '柳州金鼎钢材有限公司', '广西瑞丰商贸有限公司']);
  });

  it('reads a bank side’s counterparties that way and says whose account it is', () => {
    const read = readSide({ cells: rows }, { side: 'bank' });
    expect(read.entries.map((e) => e.counterparty)).toEqual(['桂林恒通五金制品有限公司', '东莞华泰电子科技有限公司', '柳州金鼎钢材有限公司', '广西瑞丰商贸有限公司']);
    expect(read.decisions).toContainEqual({ code: 'parties-holder', params: { payer: '付款人名称', payee: '收款人名称', holder: US } });
  });

  it('goes by the direction when no name stands on most lines (the holder’s name left blank)', () => {
    const blank = rows.map((r, i) => (i === 0 ? r : r.map((v) => (v === US ? '' : v))));
    const read = readSide({ cells: blank }, { side: 'bank' });
    expect(read.entries.map((e) => e.counterparty)).toEqual(['桂林恒通五金制品有限公司', '东莞华泰电子科技有限公司', '柳州金鼎钢材有限公司', '广西瑞丰商贸有限公司']);
    const strangers: CellValue[][] = [header, ['往账', 'A公司', 'B公司', '20250301', '-1.00', '', ''], ['来账', 'C公司', 'D公司', '20250302', '2.00', '', ''], ['往账', 'E公司', 'F公司', '20250303', '-3.00', '', '']];
    expect(findPartyColumns(header, strangers, 1)?.holder).toBe('');
  });

  it('leaves a header with one of the two alone', () => {
    expect(findPartyColumns(['交易日期', '付款人名称', '交易金额'], rows, 1)).toBeUndefined();
  });
});
