/** @jest-environment jsdom */
import { initialLocale, rememberLocale } from '../../src/taskpane/locale-preference';

describe('the language the pane starts in', () => {
  beforeEach(() => localStorage.clear());

  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['ja-JP', 'en'],
  ])("follows Office's display language %s → %s", (displayLanguage, locale) => {
    expect(initialLocale(displayLanguage)).toBe(locale);
  });

  it("prefers the user's own choice in the pane over the display language", () => {
    rememberLocale('zh-TW');
    expect(initialLocale('en-US')).toBe('zh-TW');
  });

  it('ignores a stored value that is not one of its languages', () => {
    localStorage.setItem('recon.paneLocale', 'fr');
    expect(initialLocale('zh-CN')).toBe('zh-CN');
  });
});
