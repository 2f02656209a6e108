/**
 * The page's workbook: none, opening (with progress and Cancel), open, and any problem with the
 * last file tried. Each open starts its own workbook worker; the workbook that was open stays as it
 * was until the new one has opened, so a bad file or a Cancel leaves the page where it was (Cancel
 * terminates the new worker at once, parsing and all). Only the latest of two quick opens lands.
 */
import { startTransition, useCallback, useRef, useState } from 'react';
import type { DemoLocale } from '../../generator/demo';
import { DEMO_FILE_NAME } from '../file/demo-name';
import { joinedName } from '../file/file-names';
import { checkFileSize } from '../file/file-problem';
import { StandaloneWorkbook } from '../host/standalone-workbook';
import type { WorkbookClient } from '../worker/workbook-client';
import type { FileToOpen, OpenProgress, OpenedWorkbook } from '../worker/workbook-protocol';
import { isAbortError } from '../../taskpane/engine/engine-client';

/**
 * A client over a new workbook worker (start-standalone.tsx: createWorkbookWorker; tests: the
 * service on their own thread, worker/in-process.ts).
 */
export type ConnectWorkbook = () => WorkbookClient;

type OpenRequest = { type: 'open'; files: FileToOpen[] } | { type: 'openDemo'; locale: DemoLocale };

export interface Opening {
  name: string;
  /** null until the worker says how far it has got. */
  progress: OpenProgress | null;
}

export interface WorkbookFileState {
  workbook: StandaloneWorkbook | null;
  /** Counts workbooks opened, so the pane starts afresh with each. */
  generation: number;
  /** The file being opened, if any. */
  opening: Opening | null;
  problem: unknown;
  /** The name of a file whose opening the user cancelled (the page says so until the next open). */
  cancelled: string | null;
}

export interface WorkbookFile extends WorkbookFileState {
  /** One file, or several CSV files that become one workbook with a sheet each. */
  openFiles(files: File[]): Promise<void>;
  openDemo(locale: DemoLocale): Promise<void>;
  /** Stops the open in progress; the workbook open before stays. */
  cancelOpening(): void;
  report(problem: unknown): void;
  dismissProblem(): void;
}

export function useWorkbookFile(connect: ConnectWorkbook): WorkbookFile {
  const [state, setState] = useState<WorkbookFileState>({ workbook: null, generation: 0, opening: null, problem: null, cancelled: null });
  const ticket = useRef(0);
  const openingClient = useRef<WorkbookClient | null>(null);
  const current = useRef<StandaloneWorkbook | null>(null);

  const open = useCallback(
    async (name: string, request: OpenRequest, check?: () => void) => {
      const mine = ++ticket.current;
      openingClient.current?.dispose();
      setState((s) => ({ ...s, opening: { name, progress: null }, problem: null, cancelled: null }));
      let client: WorkbookClient | null = null;
      try {
        // Before a byte is read: a file too large for the page is refused by its size alone.
        check?.();
        client = connect();
        openingClient.current = client;
        const opened = await client.call<OpenedWorkbook>(request, (progress: OpenProgress) => {
          // Progress is drawn as a transition: never ahead of a click (Cancel).
          if (mine === ticket.current) startTransition(() => setState((s) => (s.opening?.name === name ? { ...s, opening: { name, progress } } : s)));
        });
        if (mine !== ticket.current) {
          client.dispose();
          return;
        }
        openingClient.current = null;
        const host = new StandaloneWorkbook(client, opened);
        current.current?.dispose();
        current.current = host;
        setState((s) => ({ workbook: host, generation: s.generation + 1, opening: null, problem: null, cancelled: null }));
      } catch (problem) {
        client?.dispose();
        if (openingClient.current === client) openingClient.current = null;
        if (mine !== ticket.current) return;
        if (isAbortError(problem)) setState((s) => ({ ...s, opening: null, cancelled: name }));
        else setState((s) => ({ ...s, opening: null, problem }));
      }
    },
    [connect],
  );

  const openFiles = useCallback(
    (files: File[]) => {
      const name = joinedName(files);
      const size = files.reduce((sum, f) => sum + f.size, 0);
      return open(name, { type: 'open', files: files.map((file) => ({ file, name: file.name })) }, () => checkFileSize(name, size));
    },
    [open],
  );

  const openDemo = useCallback((locale: DemoLocale) => open(DEMO_FILE_NAME[locale], { type: 'openDemo', locale }), [open]);
  // Terminating the worker rejects its open with an AbortError: `open` above then says "cancelled".
  const cancelOpening = useCallback(() => openingClient.current?.dispose(), []);
  const report = useCallback((problem: unknown) => setState((s) => ({ ...s, problem })), []);
  const dismissProblem = useCallback(() => setState((s) => ({ ...s, problem: null, cancelled: null })), []);

  return { ...state, openFiles, openDemo, cancelOpening, report, dismissProblem };
}
