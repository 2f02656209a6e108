/**
 * The pane's words: every message in all three languages, the same placeholders in each, and the
 * Chinese columns really Chinese (a copy-pasted English string would slip through otherwise).
 */
import { PANE_MESSAGE_IDS, paneText, roleText, kindText, stageText } from '../../src/i18n/pane';
import type { Locale } from '../../src/i18n/locale';

const LOCALES: Locale[] = ['zh-CN', 'zh-TW', 'en'];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('pane messages', () => {
  it.each(PANE_MESSAGE_IDS)('%s is translated into every language with the same placeholders', (id) => {
    const texts = LOCALES.map((locale) => paneText(id, locale));
    for (const text of texts) expect(text.trim()).not.toBe('');
    const [first, ...rest] = texts.map(placeholders);
    for (const other of rest) expect(other).toEqual(first);
  });

  it('writes Chinese in the Chinese columns wherever the message has words', () => {
    const han = /\p{Script=Han}/u;
    const untranslated = PANE_MESSAGE_IDS.filter((id) => {
      const english = paneText(id, 'en');
      const wordsOnly = english.replace(/\{\w+\}/g, '').replace(/[^A-Za-z]/g, '');
      if (wordsOnly.length === 0) return false; // e.g. '{detail}'
      return !han.test(paneText(id, 'zh-CN')) || !han.test(paneText(id, 'zh-TW'));
    });
    expect(untranslated).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(paneText('summary.matchRate', 'en', { rate: '87.5%' })).toBe('Match rate 87.5%');
    expect(paneText('summary.matchRate', 'zh-CN', { rate: '87.5%' })).toBe('匹配率 87.5%');
    expect(paneText('summary.matchRate', 'zh-TW')).toBe('比對率 {rate}');
  });

  it('names roles, kinds and stages in each language', () => {
    expect(roleText('counterparty', 'zh-CN')).toBe('对方户名');
    expect(roleText('counterparty', 'zh-TW')).toBe('對方戶名');
    expect(kindText('cash-journal', 'zh-CN')).toBe('银行存款日记账');
    expect(kindText('receivables-ledger', 'en')).toBe('Receivables ledger');
    expect(stageText('matching', 'zh-TW')).toBe('比對');
  });
});
