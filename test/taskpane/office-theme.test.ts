import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { themeFromOffice } from '../../src/taskpane/office-theme';

describe('themeFromOffice', () => {
  it('uses Fluent web light when the host gives no theme', () => {
    expect(themeFromOffice(undefined)).toBe(webLightTheme);
    expect(themeFromOffice({})).toBe(webLightTheme);
  });

  it("follows Office's colourful theme on a light base", () => {
    const theme = themeFromOffice({
      bodyBackgroundColor: '#F3F2F1',
      bodyForegroundColor: '#262626',
      controlBackgroundColor: '#ffffff',
      controlForegroundColor: '#262626',
      isDarkTheme: false,
    });
    expect(theme.colorNeutralBackground1).toBe('#F3F2F1');
    expect(theme.colorNeutralForeground1).toBe('#262626');
    expect(theme.colorBrandBackground).toBe(webLightTheme.colorBrandBackground);
  });

  it("turns dark with Office's black theme, even when the host does not say isDarkTheme", () => {
    const theme = themeFromOffice({ bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF' });
    expect(theme.colorNeutralBackground1).toBe('#262626');
    expect(theme.colorNeutralForeground1).toBe('#FFFFFF');
    expect(theme.colorBrandForeground1).toBe(webDarkTheme.colorBrandForeground1);
  });

  it('ignores colours that are not #RRGGBB', () => {
    expect(themeFromOffice({ bodyBackgroundColor: 'not a colour' })).toBe(webLightTheme);
  });
});
