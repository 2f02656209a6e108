import { isCoreOf, isStrongToken, normalizeReference, referenceCore, referenceCoreStart, referenceTokens, tokensOf } from '../../../src/engine/match/normalize-reference';
import fc from 'fast-check';

describe('normalizeReference', () => {
  it.each([
    ['INV-2025-0042', 'INV20250042'],
    ['inv 2025 0042', 'INV20250042'],
    ['ＩＮＶ－２０２５－００４２', 'INV20250042'],
    ['记-0012', '记0012'],
    ['CHQ#100234', 'CHQ100234'],
    ['12', ''], // too short to mean anything
    ['2025', ''], // a year, not a reference
    ['货款', ''], // no digit
    ['', ''],
  ])('%s → %s', (raw, key) => {
    expect(normalizeReference(raw)).toBe(key);
  });
});

describe('referenceTokens', () => {
  it('finds invoice numbers in a memo, joined by - or _ but not by . or ,', () => {
    // INV20250042 also yields its number (20250042): banks drop or change the prefix.
    expect(referenceTokens('', '货款 INV-2025-0042/0043', '')).toEqual(['INV20250042', '20250042', '0043']);
    expect(referenceTokens('', 'Payment 1,234.50 ref AB_77120', '')).toEqual(['AB77120', '77120']);
  });

  it('splits reference fields that list several and reads numbers inside words', () => {
    expect(referenceTokens('30997592,30997596,30997597', '', '')).toEqual(['30997592', '30997596', '30997597']);
    expect(referenceTokens('货款17674830', '跨行汇款', normalizeReference('货款17674830'))).toEqual(['17674830']);
  });

  it('never repeats the reference itself, but adds the number inside a prefixed one', () => {
    expect(referenceTokens('INV-2025-0042', 'paid INV-2025-0042', 'INV20250042')).toEqual(['20250042']);
    expect(referenceTokens('20250042', 'paid 20250042', '20250042')).toEqual([]);
  });

  it('reads references as banks write them: prefixes, spaces between groups, full-width', () => {
    expect(referenceTokens('', 'INV 345 678 PART 2', '')).toEqual(expect.arrayContaining(['INV345678', '345678']));
    expect(referenceTokens('', '发票号１２３４ ５６７８', '')).toContain('12345678');
    expect(referenceTokens('', 'ＩＮＶ３４５６７８', '')).toEqual(['INV345678', '345678']);
    // Words are not joined to numbers: FASTER PAYMENT 345678 is only 345678.
    expect(referenceTokens('', 'FASTER PAYMENT 345678', '')).toEqual(['345678']);
    expect(referenceTokens('', '网银转账', '', '备注 15660591/15660592')).toEqual(['15660591', '15660592']);
    // an Indian bank's NEFT narration hyphens the payer's remark to the name before it
    expect(referenceTokens('', 'NEFT CR-BAYVIEW DENTAL-INV 1004', '')).toEqual(expect.arrayContaining(['INV1004', '1004']));
    expect(referenceTokens('', 'NEFT CR-BAYVIEW DENTAL-PO 4471 2', '')).toEqual(expect.arrayContaining(['PO4471', 'PO44712']));
    // HDFC appends the UTR with a hyphen: the remark's number still joins its prefix
    expect(referenceTokens('', 'NEFT CR-ICIC0000567-BAYVIEW DENTAL CLINIC-INV 1004-ICICN52025031407731', '')).toEqual(
      expect.arrayContaining(['INV1004']),
    );
    // but only a prefix word: DENTAL-CARE 1004 joins nothing
    expect(referenceTokens('', 'NEFT CR-BAYVIEW DENTAL-CARE 1004', '')).toEqual(['1004']);
  });

  it('treats long non-date tokens as references on their own', () => {
    expect(isStrongToken('17674830')).toBe(true);
    expect(isStrongToken('20250305')).toBe(false);
    expect(isStrongToken('202503')).toBe(false);
    expect(isStrongToken('0042')).toBe(false);
  });
});

describe('referenceTokens: the single-token shortcut', () => {
  const piece = fc.stringMatching(/^[A-Za-z0-9]{1,8}$/);
  const reference = fc.oneof(
    fc.array(piece, { minLength: 1, maxLength: 4 }).chain((parts) => fc.constantFrom('-', '_').map((joiner) => parts.join(joiner))),
    fc.constantFrom('INV-2025-0042', 'inv2025', '2025', 'NO-12345', 'FP20250042', 'PO-4471', 'AB-12', '17674830', 'A1', '0042', 'INV__1', 'INV-', '-0042'),
    fc.string({ maxLength: 12 }),
  );
  const text = fc.constantFrom('', 'Receipt from Acme', '货款 INV-2025-0042/0043', 'pays 15662137, 15662138', 'INV 2025 0042');
  it('gives what the full scan gives', () => {
    fc.assert(
      fc.property(reference, text, text, (ref, description, notes) => {
        const primary = normalizeReference(ref);
        expect(tokensOf(ref, description, primary, notes, true)).toEqual(tokensOf(ref, description, primary, notes, false));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('referenceCore: the number inside a prefixed reference, found by a scan', () => {
  // The rule as a regular expression (what the scan replaced): letters A-Z or Chinese, then only
  // digits, at least 5 of them.
  const byRegex = (key: string): string => {
    const prefix = /^[A-Z\u3400-\u9fff]+(?=[0-9]+$)/.exec(key);
    return prefix !== null && key.length - prefix[0].length >= 5 ? key.slice(prefix[0].length) : '';
  };

  it.each([
    ['INV345678', '345678'],
    ['FP20250042', '20250042'],
    ['发票17674830', '17674830'],
    ['INV1234', ''], // too short to stand alone
    ['345678', ''], // no prefix
    ['INV34A678', ''], // letters after the number
    ['', ''],
  ])('%s → %s', (key, core) => {
    expect(referenceCore(key)).toBe(core);
  });

  it('agrees with the regular expression on random keys, and isCoreOf agrees with comparing slices', () => {
    const char = fc.constantFrom(...'AINVZ发票0123456789-a'.split(''));
    const key = fc.array(char, { maxLength: 14 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(key, key, (k, other) => {
        expect(referenceCore(k)).toBe(byRegex(k));
        const start = referenceCoreStart(k);
        if (start >= 0) {
          expect(isCoreOf(k, start, other)).toBe(other === k.slice(start));
          expect(isCoreOf(k, start, k.slice(start))).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('normalizeReference: the ASCII shortcut', () => {
  it('gives the key the regular expressions give, on random ASCII and mixed text', () => {
    const char = fc.oneof(
      fc.constantFrom(...'INVinv-_ #/.,0123456789AZaz\t'.split('')),
      fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('发', '票', 'Ａ', '１', '－', 'é'),
    );
    const text = fc.array(char, { maxLength: 16 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, (raw) => {
        expect(normalizeReference(raw)).toBe(normalizeReference(raw, false));
      }),
      { numRuns: 5000 },
    );
    for (const raw of ['INV-2025-0042', 'inv 2025 0042', '2025', '1999', 'abc1', 'INV1', 'CHQ#100234', '   ', 'x']) {
      expect(normalizeReference(raw)).toBe(normalizeReference(raw, false));
    }
  });
});
