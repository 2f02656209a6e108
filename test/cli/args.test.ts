import { parseArgs, parseColumns, UsageError } from '../../src/cli/args';

describe('parseArgs', () => {
  it('reads every option, in --flag value and --flag=value forms', () => {
    const parsed = parseArgs([
      'match', '--ledger', '日记账.xlsx#银行存款日记账', '--bank=工行.csv', '--json', 'r.json', '--out', 'o.xlsx',
      '--ledger-columns', 'date=A,amount=F,counterparty=C', '--bank-columns=date=B,inflow=E,outflow=D',
      '--ledger-kind', 'receivables-ledger', '--bank-kind', 'bank-statement', '--opposite-signs',
      '--date-window', '10', '--reference-window', '60', '--tolerance', '0.50', '--lang', 'zh-TW',
    ]);
    expect(parsed.command).toBe('match');
    if (parsed.command !== 'match') return;
    const r = parsed.request;
    expect(r).toMatchObject({
      ledger: '日记账.xlsx#银行存款日记账', bank: '工行.csv', json: 'r.json', out: 'o.xlsx',
      ledgerColumns: { date: 0, amount: 5, counterparty: 2 }, bankColumns: { date: 1, inflow: 4, outflow: 3 },
      ledgerKind: 'receivables-ledger', bankKind: 'bank-statement', oppositeSigns: true, dateWindowDays: 10, referenceWindowDays: 60, lang: 'zh-TW',
    });
    expect(r.tolerance?.toFixed(2)).toBe('0.50');
  });

  it('turns combined and instalment groups off separately', () => {
    const base = ['match', '--ledger', 'a.csv', '--bank', 'b.csv', '--json', 'r.json'];
    const request = (extra: string[]) => {
      const parsed = parseArgs([...base, ...extra]);
      if (parsed.command !== 'match') throw new Error('expected match');
      return parsed.request;
    };
    expect(request([])).toMatchObject({ noCombined: false, noInstalments: false });
    expect(request(['--no-instalments'])).toMatchObject({ noCombined: false, noInstalments: true });
    expect(request(['--no-combined'])).toMatchObject({ noCombined: true, noInstalments: false });
  });

  it('turns column letters into 0-based indices, AA included', () => {
    expect(parseColumns('date=a, amount=AA')).toEqual({ date: 0, amount: 26 });
  });

  it.each([
    [['match', '--ledger', 'a.csv', '--bank', 'b.csv'], 'Missing --json'],
    [['match', '--ledger', '--bank', 'b.csv', '--json', 'r.json'], '--ledger needs a value'],
    [['match', '--ledger', 'a.csv', '--bank', 'b.csv', '--json', 'r.json', '--opposite-signs=yes'], '--opposite-signs takes no value'],
    [['match', '--ledger', 'a.csv', '--bank', 'b.csv', '--json', 'r.json', '--date-window', '-1'], '--date-window: expected a whole number'],
    [['match', '--ledger', 'a.csv', '--bank', 'b.csv', '--json', 'r.json', '--lang', 'fr'], '--lang: expected one of zh-CN, zh-TW, en'],
    [['match', '--ledger', 'a.csv', '--bank', 'b.csv', '--json', 'r.json', '--ledger-columns', 'date=A,date=B'], 'role "date" given twice'],
    [['match', '--ledger', 'a.csv', '--bank', 'b.csv', '--json', 'r.json', '--ledger-columns', 'date:A'], 'expected role=LETTER such as date=A, found "date:A"'],
    [['match', 'extra', '--ledger', 'a.csv'], 'Unexpected argument "extra"'],
  ])('%j → %s', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });

  it('asks for help with no arguments or --help', () => {
    expect(parseArgs([])).toEqual({ command: 'help' });
    expect(parseArgs(['match', '--help'])).toEqual({ command: 'help' });
  });
});
