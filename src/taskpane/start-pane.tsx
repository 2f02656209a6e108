/**
 * Starting the pane inside Excel: wait for Office, check the host, then render the pane with the
 * Office.js workbook and the engine in a Web Worker. Everything else is host-independent.
 * (index.tsx, the webpack entry, only calls this.)
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { OfficeWorkbook } from '../workbook/office/office-workbook';
import { App } from './components/App';
import { HostNotice } from './components/HostNotice';
import { createEngineWorker } from './engine/create-engine-worker';
import { WorkerEngineClient } from './engine/worker-engine-client';
import { initialLocale } from './locale-preference';
import { themeFromOffice } from './office-theme';
import { PaneTextProvider } from './pane-text';

/** The Excel API version the pane needs (manifest.xml says the same, so Excel hides it below). */
const REQUIRED_EXCEL_API = '1.7';

function showNotice(render: (node: ReactNode) => void, displayLanguage: string | undefined, notice: 'notExcel' | 'tooOld') {
  const locale = initialLocale(displayLanguage);
  render(
    <FluentProvider theme={themeFromOffice(null)} style={{ minHeight: '100%' }}>
      <PaneTextProvider locale={locale}>
        {notice === 'notExcel' ? <HostNotice title="host.notExcel.title" body="host.notExcel.body" /> : <HostNotice title="host.tooOld.title" body="host.tooOld" />}
      </PaneTextProvider>
    </FluentProvider>,
  );
}

export async function startPane(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  const render = (node: ReactNode) => root.render(node);
  // office.js missing entirely: the page was opened straight from the server, not by Office.
  if (typeof Office === 'undefined') {
    showNotice(render, undefined, 'notExcel');
    return;
  }
  const info = await Office.onReady();
  // Outside any Office host (a plain browser) there is no context, hence no display language.
  const displayLanguage: string | undefined = Office.context?.displayLanguage;
  if (info.host !== Office.HostType.Excel) {
    showNotice(render, displayLanguage, 'notExcel');
    return;
  }
  if (!Office.context.requirements.isSetSupported('ExcelApi', REQUIRED_EXCEL_API)) {
    showNotice(render, displayLanguage, 'tooOld');
    return;
  }
  const engine = new WorkerEngineClient(createEngineWorker);
  window.addEventListener('pagehide', () => engine.dispose());
  render(
    <App
      workbook={new OfficeWorkbook()}
      engine={engine}
      initialLocale={initialLocale(displayLanguage)}
      theme={themeFromOffice(Office.context.officeTheme)}
    />,
  );
}
