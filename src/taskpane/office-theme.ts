/**
 * The pane's Fluent theme, following Office's theme where the host tells us its colours
 * (Office.context.officeTheme: Excel on Windows, Mac and the web; not in a requirement set).
 * Brand colours stay Fluent's; only backgrounds and text follow Office, so a dark Office gets
 * a dark pane.
 */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** The members of Office.OfficeTheme used here (all optional: older hosts give fewer). */
export interface OfficeThemeColours {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
  isDarkTheme?: boolean;
}

const HEX_COLOUR = /^#?([0-9a-f]{6})$/i;

function hex(colour: string | undefined): string | null {
  const match = colour ? HEX_COLOUR.exec(colour.trim()) : null;
  return match ? `#${match[1].toUpperCase()}` : null;
}

/** Relative luminance (WCAG) of a #RRGGBB colour, 0 (black) to 1 (white). */
function luminance(colour: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function themeFromOffice(office: OfficeThemeColours | null | undefined): Theme {
  const background = hex(office?.bodyBackgroundColor);
  if (!office || !background) return webLightTheme;
  const dark = office.isDarkTheme ?? luminance(background) < 0.4;
  const base = dark ? webDarkTheme : webLightTheme;
  const foreground = hex(office.bodyForegroundColor);
  const controlBackground = hex(office.controlBackgroundColor);
  const controlForeground = hex(office.controlForegroundColor);
  return {
    ...base,
    colorNeutralBackground1: background,
    ...(foreground ? { colorNeutralForeground1: foreground } : {}),
    ...(controlBackground ? { colorNeutralBackground3: controlBackground } : {}),
    ...(controlForeground ? { colorNeutralForeground2: controlForeground } : {}),
  };
}
