/** OFX/QFX statements as the sheets a bank export would be: both grammars, real files and hand-written quirks. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { reconcile } from '../../../src/engine';
import { buildReconciliation } from '../../../src/engine/report/reconciliation';
import { loadTable } from '../../../src/workbook/file/load-table';
import { looksLikeOfx, OFX_HEADERS, OfxError, ofxDate, readOfx } from '../../../src/workbook/file/read-ofx';

const REAL = path.join(__dirname, '../../fixtures/real-exports');
const CHASE_PAIR = path.join(__dirname, '../../fixtures/hand-made/en-us-check-register-vs-chase-qfx');

async function bytes(file: string): Promise<Uint8Array> {
  return new Uint8Array(await fs.readFile(path.join(REAL, file)));
}

const encode = (text: string) => new TextEncoder().encode(text);

describe('read-ofx', () => {
  it('reads an OFX 1.02 (SGML, leaves never closed) statement: account, period, ledger balance, lines', async () => {
    const [sheet, ...more] = readOfx(await bytes('jseutter__ofxparse/tests/fixtures/checking.ofx'));
    expect(more).toEqual([]);
    expect(sheet.name).toBe('1452687~7');
    expect(sheet.values.slice(0, 5)).toEqual([
      ['FAKE CHECKING account 1452687~7', 'USD'],
      ['Statement from 2000-01-01 to 2013-05-25'],
      ['Ending balance as of 2013-05-25', '100.99'],
      [],
      [...OFX_HEADERS],
    ]);
    expect(sheet.values.slice(5)).toEqual([
      ['2011-03-31', 'CREDIT', 'DIVIDEND EARNED FOR PERIOD OF 03', 'DIVIDEND EARNED FOR PERIOD OF 03/01/2011 THROUGH 03/31/2011 ANNUAL PERCENTAGE YIELD EARNED IS 0.05%', '0.01', '', '0000486'],
      ['2011-04-05', 'DEBIT', 'AUTOMATIC WITHDRAWAL, ELECTRIC BILL', 'AUTOMATIC WITHDRAWAL, ELECTRIC BILL WEB(S )', '-34.51', '', '0000487'],
      // the cheque's number is the line's reference
      ['2011-04-07', 'CHECK', 'RETURNED CHECK FEE, CHECK # 319', 'RETURNED CHECK FEE, CHECK # 319 FOR $45.33 ON 04/07/11', '-25.00', '319', '0000488'],
    ]);
  });

  it('reads an OFX 2.02 (XML) QFX with blank lines, no NAME and an amount without decimals', async () => {
    const [sheet] = readOfx(await bytes('redstreet__beancount_reds_importers/beancount_reds_importers/importers/capitalonebank/tests/360Checking.qfx'));
    expect(sheet.values[0]).toEqual(['Capital One Bank CHECKING account 9876', 'USD']);
    expect(sheet.values[2]).toEqual(['Ending balance as of 2023-03-10', '4321.98']);
    expect(sheet.values.slice(5).map((row) => [row[0], row[3], row[4]])).toEqual([
      ['2023-02-28', 'Monthly Interest Paid', '0.01'],
      ['2023-01-19', 'Deposit from BEAN COUNTERS PAYROLL', '888.99'],
      ['2023-01-17', 'Withdrawal from AMERICAN EXPRESS ACH PMT', '-100'],
      ['2023-01-12', 'Deposit from BEAN COUNTERS PAYROLL', '444.55'],
    ]);
  });

  it('gives each statement of a file a sheet (a checking account and a card), decodes its charset and entities', () => {
    const file = [
      'OFXHEADER:100', 'DATA:OFXSGML', 'VERSION:102', 'ENCODING:USASCII', 'CHARSET:1252', '',
      '<OFX><SIGNONMSGSRSV1><SONRS><FI><ORG>Caisse Populaire</FI></SONRS></SIGNONMSGSRSV1>',
      '<BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>CAD<BANKACCTFROM><ACCTID>815-22<ACCTTYPE>CHECKING</BANKACCTFROM>',
      '<BANKTRANLIST><DTSTART>20250301<DTEND>20250331',
      '<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20250304120000[-5:EST]<TRNAMT>-12.50<FITID>1<NAME>Caf\xe9 Ren\xe9 &amp; Fils<MEMO></STMTTRN>',
      '<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20250305<TRNAMT>100,00<FITID>2<REFNUM>A-77<NAME>Virement</STMTTRN>',
      '</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1>',
      '<CREDITCARDMSGSRSV1><CCSTMTTRNRS><CCSTMTRS><CURDEF>CAD<CCACCTFROM><ACCTID>4510********0042</CCACCTFROM>',
      '<BANKTRANLIST><STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20250306<TRNAMT>-45.00<FITID>9<NAME>Essence</STMTTRN></BANKTRANLIST>',
      '<LEDGERBAL><BALAMT>-45.00<DTASOF>20250331</LEDGERBAL></CCSTMTRS></CCSTMTTRNRS></CREDITCARDMSGSRSV1></OFX>',
    ].join('\n');
    const sheets = readOfx(Uint8Array.from(file, (c) => c.charCodeAt(0)));
    expect(sheets.map((s) => s.name)).toEqual(['815-22', '4510--------0042']); // no * in a sheet's name
    expect(sheets[0].values[0]).toEqual(['Caisse Populaire CHECKING account 815-22', 'CAD']);
    // no LEDGERBAL: no balance line above the table
    expect(sheets[0].values.slice(2)).toEqual([
      [],
      [...OFX_HEADERS],
      ['2025-03-04', 'DEBIT', 'Café René & Fils', '', '-12.50', '', '1'],
      ['2025-03-05', 'CREDIT', 'Virement', '', '100,00', 'A-77', '2'],
    ]);
    expect(sheets[1].values[0]).toEqual(['Caisse Populaire CREDIT CARD account 4510********0042', 'CAD']);
    expect(sheets[1].values.slice(1, 3)).toEqual([['Ending balance as of 2025-03-31', '-45.00'], []]);
  });

  it('refuses a file with no bank or card statement, or no statement at all', () => {
    const investments = '<?OFX OFXHEADER="200" VERSION="211"?><OFX><INVSTMTMSGSRSV1><INVSTMTTRNRS><INVSTMTRS><CURDEF>USD</CURDEF></INVSTMTRS></INVSTMTTRNRS></INVSTMTMSGSRSV1></OFX>';
    expect(() => readOfx(encode(investments))).toThrow(new OfxError('no-statement', 'no bank or card statement in it (an investment or other OFX download?); download the account’s statement'));
    expect(() => readOfx(encode('OFXHEADER:100\nDATA:OFXSGML\n'))).toThrow(/no <OFX> statement/);
  });

  it('knows an OFX file by its start, and a date by its first eight digits', () => {
    expect(looksLikeOfx('OFXHEADER:100\nDATA:OFXSGML')).toBe(true);
    expect(looksLikeOfx('\uFEFF<?xml version="1.0"?>\n<?OFX OFXHEADER="200"?>')).toBe(true);
    expect(looksLikeOfx('Date,Amount\n2025-03-01,5')).toBe(false);
    expect(ofxDate('20230310048208.39')).toBe('2023-03-10');
    expect(ofxDate('20250304120000[-5:EST]')).toBe('2025-03-04');
  });

  it('gives the bank reconciliation statement the bank’s ledger balance (a check register against a Chase QFX)', async () => {
    const ledger = await loadTable(path.join(CHASE_PAIR, 'Check Register March 2025.csv'));
    const bank = await loadTable(path.join(CHASE_PAIR, 'Chase_Activity_20250401.QFX'));
    expect(bank.sheet).toBe('000000482913377');
    const result = reconcile({ cells: ledger.cells }, { cells: bank.cells }, { ledger: { kind: 'cash-journal' } });
    const s = buildReconciliation(result).statement!;
    expect(s.periodEnd).toBe('2025-03-31');
    expect([s.bank.balance.source, s.bank.balance.row, s.bank.balance.amount!.toFixed(2)]).toEqual(['closing-line', 3, '7817.91']);
    expect(s.book.balance.amount!.toFixed(2)).toBe('8427.49');
    // the service fee and the interest on the book's side; check 1042 and the 3/28 deposit on the bank's
    expect(s.bank.add.items.map((i) => i.amount.toFixed(2))).toEqual(['980.00']);
    expect(s.bank.subtract.items.map((i) => i.amount.toFixed(2))).toEqual(['385.00']);
    expect([s.book.adjusted!.toFixed(2), s.bank.adjusted!.toFixed(2)]).toEqual(['8412.91', '8412.91']);
  });
});
