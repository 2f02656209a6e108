/**
 * The page's workbook: none, opening, open, and any problem with the last file tried. A bad file
 * leaves the workbook that was open as it was (the page keeps working); only the latest of two
 * quick opens lands. The file module (exceljs) loads on the first open.
 */
import { useCallback, useRef, useState } from 'react';
import type { DemoLocale } from '../../generator/demo';
import type { XlsxWorkbook } from '../../workbook/file/xlsx-workbook';
import { DEMO_FILE_NAME } from '../file/demo-name';
import { fileBytes } from '../file/download';
import { FileProblem, checkFileSize } from '../file/file-problem';
import { StandaloneWorkbook } from '../host/standalone-workbook';

/** What the page needs of the lazily loaded file module (file-module.ts). */
export interface FileModule {
  openWorkbookFile(bytes: Uint8Array, name: string): Promise<XlsxWorkbook>;
  openDemo(locale: DemoLocale): Promise<{ workbook: XlsxWorkbook; fileName: string }>;
}

export const loadFileModule = (): Promise<FileModule> => import(/* webpackChunkName: "workbook-file" */ '../file/file-module');

export interface WorkbookFileState {
  workbook: StandaloneWorkbook | null;
  /** Counts workbooks opened, so the pane starts afresh with each. */
  generation: number;
  /** The name of the file being opened, if any. */
  opening: string | null;
  problem: unknown;
}

export interface WorkbookFile extends WorkbookFileState {
  openFile(file: File): Promise<void>;
  openDemo(locale: DemoLocale): Promise<void>;
  report(problem: unknown): void;
  dismissProblem(): void;
}

export function useWorkbookFile(load: () => Promise<FileModule> = loadFileModule): WorkbookFile {
  const [state, setState] = useState<WorkbookFileState>({ workbook: null, generation: 0, opening: null, problem: null });
  const ticket = useRef(0);

  const open = useCallback(async (name: string, read: (files: () => Promise<FileModule>) => Promise<{ workbook: XlsxWorkbook; fileName: string }>) => {
    const mine = ++ticket.current;
    setState((s) => ({ ...s, opening: name, problem: null }));
    try {
      const { workbook, fileName } = await read(load);
      const host = await StandaloneWorkbook.open(workbook, fileName);
      if (mine !== ticket.current) return;
      setState((s) => ({ workbook: host, generation: s.generation + 1, opening: null, problem: null }));
    } catch (problem) {
      if (mine !== ticket.current) return;
      setState((s) => ({ ...s, opening: null, problem }));
    }
  }, [load]);

  const openFile = useCallback(
    (file: File) =>
      open(file.name, async (files) => {
        // Before a byte is read: a file too large for the page is refused by its size alone.
        checkFileSize(file.name, file.size);
        let bytes: Uint8Array;
        try {
          bytes = await fileBytes(file);
        } catch (error) {
          throw new FileProblem('problem.readFailed', { name: file.name, detail: error instanceof Error ? error.message : String(error) });
        }
        return { workbook: await (await files()).openWorkbookFile(bytes, file.name), fileName: file.name };
      }),
    [open],
  );

  const openDemo = useCallback((locale: DemoLocale) => open(DEMO_FILE_NAME[locale], async (files) => (await files()).openDemo(locale)), [open]);
  const report = useCallback((problem: unknown) => setState((s) => ({ ...s, problem })), []);
  const dismissProblem = useCallback(() => setState((s) => ({ ...s, problem: null })), []);

  return { ...state, openFile, openDemo, report, dismissProblem };
}
