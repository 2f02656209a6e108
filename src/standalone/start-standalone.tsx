/**
 * Starting the standalone page: the engine in the same Web Worker the pane uses in Excel, the
 * language (the user's last choice, else the browser's, or ?lang=), and the demo when the address
 * says ?demo=1. No Office.js here: the page is its own host.
 */
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Locale } from '../i18n/locale';
import { createEngineWorker } from '../taskpane/engine/create-engine-worker';
import type { EngineClient } from '../taskpane/engine/engine-client';
import { WorkerEngineClient } from '../taskpane/engine/worker-engine-client';
import { initialLocale, rememberLocale } from '../taskpane/locale-preference';
import { PaneTextProvider } from '../taskpane/pane-text';
import { StandalonePage } from './components/StandalonePage';
import { standaloneText } from './standalone-text';
import { createWorkbookWorker } from './worker/create-workbook-worker';
import { WorkbookClient } from './worker/workbook-client';
import { WorkerLink } from './worker/worker-link';

/**
 * The engine worker reaches the workbook workers through this: a side's cells and a run's outputs
 * go between the two workers directly, never through the page's thread (taskpane/engine/linked-cells.ts).
 */
const link = new WorkerLink();
/** Each file opened gets a workbook worker of its own (use-workbook-file.ts). */
const connectWorker = () => new WorkbookClient(createWorkbookWorker(), link);

const LOCALES: readonly Locale[] = ['zh-CN', 'zh-TW', 'en'];

interface RootProps {
  engine: EngineClient;
  initial: Locale;
  startWithDemo: boolean;
}

export function StandaloneRoot({ engine, initial, startWithDemo }: RootProps) {
  const [locale, setLocale] = useState<Locale>(initial);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = standaloneText('page.title', locale);
  }, [locale]);
  const changeLocale = (next: Locale) => {
    setLocale(next);
    rememberLocale(next);
  };
  return (
    <FluentProvider theme={webLightTheme} lang={locale} style={{ height: '100%' }}>
      <PaneTextProvider locale={locale}>
        <StandalonePage engine={engine} connect={connectWorker} locale={locale} onLocaleChange={changeLocale} startWithDemo={startWithDemo} />
      </PaneTextProvider>
    </FluentProvider>
  );
}

export function startStandalone(container: HTMLElement): void {
  const params = new URLSearchParams(window.location.search);
  const asked = params.get('lang');
  const locale = LOCALES.find((l) => l === asked) ?? initialLocale(undefined);
  const engine = new WorkerEngineClient(createEngineWorker, link);
  window.addEventListener('pagehide', () => engine.dispose());
  // A file dropped just beside a drop target must not make the browser leave the page for it.
  for (const type of ['dragover', 'drop'] as const) window.addEventListener(type, (event) => event.preventDefault());
  createRoot(container).render(<StandaloneRoot engine={engine} initial={locale} startWithDemo={params.get('demo') === '1'} />);
}
