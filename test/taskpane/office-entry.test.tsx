/** @jest-environment jsdom */
/**
 * Starting the pane (src/taskpane/start-pane.tsx, what index.tsx runs) with a stand-in for the Office global: it picks
 * the display language, refuses politely outside Excel or below ExcelApi 1.7, and otherwise
 * renders the pane over OfficeWorkbook with the engine in a worker.
 */
import { act, configure, screen } from '@testing-library/react';
import { startPane } from '../../src/taskpane/start-pane';

// A bound on waiting, not a timing assertion: a loaded machine may take a while to render.
configure({ asyncUtilTimeout: 15000 });

jest.mock('../../src/taskpane/engine/create-engine-worker', () => ({
  // The real one needs webpack's import.meta; a worker that never answers is enough here.
  createEngineWorker: () => ({ postMessage: () => undefined, terminate: () => undefined, onmessage: null, onerror: null }),
}));

interface FakeOffice {
  host: string;
  displayLanguage: string;
  excelApi: string;
}

async function openPane({ host, displayLanguage, excelApi }: FakeOffice) {
  document.body.innerHTML = '<div id="root"></div>';
  const supported = (version: string) => Number(version) <= Number(excelApi);
  Object.assign(globalThis, {
    Office: {
      HostType: { Excel: 'Excel', Word: 'Word' },
      onReady: async () => ({ host, platform: 'PC' }),
      context: {
        displayLanguage,
        officeTheme: { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#000000', isDarkTheme: false },
        requirements: { isSetSupported: (name: string, version: string) => name === 'ExcelApi' && supported(version) },
      },
    },
    Excel: {
      // The workbook is not reachable in this test: the pane must say so, not crash.
      run: async () => {
        throw Object.assign(new Error('Excel is not reachable in this test.'), { code: 'GeneralException' });
      },
    },
  });
  await act(async () => {
    await startPane(document.getElementById('root')!);
  });
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  delete (globalThis as { Excel?: unknown }).Excel;
  localStorage.clear();
});

it("renders the pane in Office's display language inside Excel", async () => {
  await openPane({ host: 'Excel', displayLanguage: 'zh-TW', excelApi: '1.9' });
  expect(await screen.findByRole('heading', { name: '對帳助手' })).toBeTruthy();
  expect(screen.getByRole('region', { name: '1. 帳簿' })).toBeTruthy();
  expect(await screen.findByText(/Excel is not reachable in this test/)).toBeTruthy();
});

it('explains that Excel is too old below ExcelApi 1.7', async () => {
  await openPane({ host: 'Excel', displayLanguage: 'en-US', excelApi: '1.6' });
  expect(await screen.findByText('A newer Excel is needed')).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Reconcile' })).toBeNull();
});

it('asks to be opened in Excel when another host loads it', async () => {
  await openPane({ host: 'Word', displayLanguage: 'zh-CN', excelApi: '0' });
  expect(await screen.findByText('请在 Excel 中打开')).toBeTruthy();
});
