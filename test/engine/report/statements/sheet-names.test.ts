import { allocateTabNames, MAX_TAB_NAME, tabNameOf } from '../../../../src/engine/report/statements/sheet-names';
import { checkOutputs } from '../../../../src/workbook/layout/write-plan';

const fallback = (n: number) => `对账单 ${n}`;
const valid = (name: string) =>
  name.length >= 1 && name.length <= MAX_TAB_NAME && !/[[\]:*?/\\]/.test(name) && !name.startsWith("'") && !name.endsWith("'");

describe('statement tab names', () => {
  test('forbidden characters and apostrophes are replaced; the name stays readable', () => {
    expect(tabNameOf('A/B:C*D?E[F]G\\H', 'x')).toBe('A_B_C_D_E_F_G_H');
    expect(tabNameOf("'O'Brien Ltd'", 'x')).toBe('’O’Brien Ltd’');
    expect(tabNameOf('   ', 'fallback')).toBe('fallback');
  });

  test('two customers sharing the first 31 characters never collide, and stay within 31', () => {
    const long = '深圳市前海华强北电子科技股份有限公司广州分公司第一营业部销售二组';
    expect(long.length).toBeGreaterThan(MAX_TAB_NAME);
    const names = allocateTabNames([`${long}甲`, `${long}乙`, `${long}丙`], [], fallback);
    expect(new Set(names.map((n) => n.toUpperCase())).size).toBe(3);
    expect(names.every(valid)).toBe(true);
    expect(names[1].endsWith('~2')).toBe(true);
  });

  test('unique ignoring case, and never a name already taken (the user’s sheets, other outputs)', () => {
    const names = allocateTabNames(['ACME Ltd', 'acme ltd', 'Matches', 'History'], ['matches', 'History', '对账单目录'], fallback);
    expect(names).toEqual(['ACME Ltd', 'acme ltd~2', 'Matches~2', 'History~2']);
  });

  test('a name cut at 31 never splits a surrogate pair', () => {
    const name = `${'a'.repeat(30)}𠀀b`;
    const [cut] = allocateTabNames([name], [], fallback);
    expect(cut).toBe('a'.repeat(30));
  });

  test('300 awkward names pass the hosts’ own sheet-name check', () => {
    const customers = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? `'客户/${i % 7}:[分部]*'` : `深圳市前海华强北电子科技股份有限公司广州分公司 ${i % 5}`));
    const names = allocateTabNames(customers, ['对账单目录', '匹配结果'], fallback);
    expect(() =>
      checkOutputs({ sheets: names.map((name) => ({ key: name, name, values: [] })), annotations: [], runRecord: { version: 1, ranAt: '', ledgerRange: '', bankRange: '', sheets: [], statusColumns: [], options: {} } }),
    ).not.toThrow();
  });
});
