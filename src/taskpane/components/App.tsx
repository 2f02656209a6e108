/**
 * The pane's root: Fluent theme, the chosen language, and an error boundary so a rendering fault
 * shows a message instead of a blank pane. Hosts inject the Workbook and the EngineClient.
 */
import { useState } from 'react';
import { FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components';
import type { Locale } from '../../i18n/locale';
import type { Workbook } from '../../workbook/workbook';
import type { EngineClient } from '../engine/engine-client';
import { rememberLocale } from '../locale-preference';
import { PaneTextProvider } from '../pane-text';
import { ErrorBoundary } from './ErrorBoundary';
import { PaneCrashNotice } from './PaneCrashNotice';
import { ReconPane } from './ReconPane';

export interface AppProps {
  workbook: Workbook;
  engine: EngineClient;
  initialLocale: Locale;
  theme?: Theme;
}

export function App({ workbook, engine, initialLocale, theme = webLightTheme }: AppProps) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const changeLocale = (next: Locale) => {
    setLocale(next);
    rememberLocale(next);
  };
  return (
    <FluentProvider theme={theme} lang={locale} style={{ minHeight: '100%' }}>
      <PaneTextProvider locale={locale}>
        <ErrorBoundary renderFallback={(error, reset) => <PaneCrashNotice error={error} onRetry={reset} />}>
          <ReconPane workbook={workbook} engine={engine} onLocaleChange={changeLocale} />
        </ErrorBoundary>
      </PaneTextProvider>
    </FluentProvider>
  );
}
