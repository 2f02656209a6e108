/**
 * One side (ledger or bank) as the user sets it up: the range they chose, its cells, what the
 * reader detected, and their corrections. Every correction re-runs detection (in the worker) so
 * the preview always shows what a run would read.
 */
import { startTransition, useCallback, useRef, useState } from 'react';
import type { ColumnMapping, ColumnRole, ReadOptions, Side, SideKind } from '../../engine/types';
import type { DateOrder } from '../../engine/read/calendar-day';
import type { CellBlock, Workbook } from '../../workbook/workbook';
import type { EngineClient, SideDetection, SourceCells } from '../engine/engine-client';

/** What the user changed from what was detected. */
export interface SideCorrections {
  headerRow?: number;
  columns?: ColumnMapping;
  kind?: SideKind;
  oppositeSigns?: boolean;
  /** Day/month order of dates that fit both; decided from the data when absent. */
  dateOrder?: DateOrder;
}

export type SideStatus = 'empty' | 'reading' | 'detecting' | 'ready' | 'failed';

export interface SideSetupState {
  side: Side;
  /** The address as typed or picked (may be a bare sheet name). */
  address: string;
  block: CellBlock | null;
  detection: SideDetection | null;
  corrections: SideCorrections;
  status: SideStatus;
  error: unknown;
}

export interface SideSetup {
  state: SideSetupState;
  setAddress(address: string): void;
  /** Reads the address and detects its layout from scratch (corrections are dropped, or set to `corrections`: a kept set-up). */
  choose(address: string, corrections?: SideCorrections): Promise<void>;
  /** Chooses what the user has selected in the workbook. */
  chooseSelection(): Promise<void>;
  setRole(column: number, role: ColumnRole | null): void;
  setKind(kind: SideKind): void;
  setOppositeSigns(opposite: boolean): void;
  /** The order of dates that fit both day/month and month/day; undefined: decided from the data. */
  setDateOrder(order: DateOrder | undefined): void;
  /** A reading picked among the doubtful ones: its kind and whether the signs are reversed, at once. */
  setReading(kind: SideKind, oppositeSigns: boolean): void;
  setHeaderRow(row: number): void;
  /** The reader options a run uses for this side. */
  readOptions(): Omit<ReadOptions, 'side'>;
}

/** Cells the engine reads and the pane does not: held by the host where it can (Workbook.holdValues). */
export function readForEngine(workbook: Workbook, address: string, onProgress?: (done: number, total: number) => void): Promise<CellBlock> {
  return workbook.holdValues ? workbook.holdValues(address, onProgress) : workbook.readValues(address, onProgress);
}

export function sourceOf(block: CellBlock): SourceCells {
  // A held block's cells stay with their holder: the engine worker gets them from it (engine-client.ts).
  if (block.held) return { cells: [], firstRow: block.top, firstColumn: block.left - 1, held: { ...block.held, address: block.address } };
  return { cells: block.values, firstRow: block.top, firstColumn: block.left - 1 };
}

/** The mapping after giving `column` the role `role` (or none): a role belongs to one column. */
export function reassignRole(columns: ColumnMapping, column: number, role: ColumnRole | null): ColumnMapping {
  const next: ColumnMapping = {};
  for (const [existingRole, existingColumn] of Object.entries(columns) as [ColumnRole, number][]) {
    if (existingColumn !== column && existingRole !== role) next[existingRole] = existingColumn;
  }
  if (role) next[role] = column;
  return next;
}

function optionsFrom(corrections: SideCorrections): Omit<ReadOptions, 'side'> {
  const options: Omit<ReadOptions, 'side'> = {};
  if (corrections.headerRow !== undefined) options.headerRow = corrections.headerRow;
  if (corrections.columns !== undefined) {
    options.columns = corrections.columns;
    options.columnsComplete = true;
  }
  if (corrections.kind !== undefined) options.kind = corrections.kind;
  if (corrections.oppositeSigns !== undefined) options.oppositeSigns = corrections.oppositeSigns;
  if (corrections.dateOrder !== undefined) options.dateOrder = corrections.dateOrder;
  return options;
}

const EMPTY = (side: Side): SideSetupState => ({
  side,
  address: '',
  block: null,
  detection: null,
  corrections: {},
  status: 'empty',
  error: null,
});

export function useSideSetup(side: Side, workbook: Workbook, engine: EngineClient): SideSetup {
  const [state, setState] = useState<SideSetupState>(() => EMPTY(side));
  const stateRef = useRef(state);
  stateRef.current = state;
  // Only the latest request may land: a quick second choice must not be overwritten by the first.
  const generation = useRef(0);

  const detect = useCallback(
    async (block: CellBlock, corrections: SideCorrections, ticket: number) => {
      // At once: a run started meanwhile (a reading picked reruns) must see the new corrections and wait.
      setState((s) => ({ ...s, block, corrections, status: 'detecting', error: null }));
      try {
        const detection = await engine.detect(sourceOf(block), { ...optionsFrom(corrections), side });
        if (ticket !== generation.current) return;
        // What the reading shows (the role table, the preview) is drawn as a transition: in slices the
        // browser can answer input between (the whole pane is redrawn; 100+ ms on a loaded machine).
        startTransition(() => setState((s) => ({ ...s, detection, status: 'ready' })));
      } catch (error) {
        if (ticket !== generation.current) return;
        setState((s) => ({ ...s, status: 'failed', error }));
      }
    },
    [engine, side],
  );

  const choose = useCallback(
    async (address: string, corrections: SideCorrections = {}) => {
      const ticket = ++generation.current;
      const trimmed = address.trim();
      setState((s) => ({ ...s, address: trimmed, block: null, detection: null, corrections: {}, status: 'reading', error: null }));
      let block: CellBlock;
      try {
        block = await readForEngine(workbook, trimmed);
      } catch (error) {
        if (ticket === generation.current) setState((s) => ({ ...s, status: 'failed', error }));
        return;
      }
      if (ticket !== generation.current) return;
      await detect(block, corrections, ticket);
    },
    [workbook, detect],
  );

  const chooseSelection = useCallback(async () => {
    let address: string;
    try {
      address = await workbook.selectedAddress();
    } catch (error) {
      setState((s) => ({ ...s, status: 'failed', error }));
      return;
    }
    await choose(address);
  }, [workbook, choose]);

  /** Applies a correction to the current block and detects again. */
  const correct = useCallback(
    (change: (current: SideSetupState) => SideCorrections) => {
      const current = stateRef.current;
      if (!current.block) return;
      const ticket = ++generation.current;
      void detect(current.block, change(current), ticket);
    },
    [detect],
  );

  return {
    state,
    setAddress: (address) => setState((s) => ({ ...s, address })),
    choose,
    chooseSelection,
    // Once the user touches a role, every role is sent explicitly so the others stay where they are.
    setRole: (column, role) =>
      correct((s) => ({ ...s.corrections, columns: reassignRole(s.detection?.columns ?? s.corrections.columns ?? {}, column, role) })),
    setKind: (kind) => correct((s) => ({ ...s.corrections, kind })),
    setOppositeSigns: (oppositeSigns) => correct((s) => ({ ...s.corrections, oppositeSigns })),
    setDateOrder: (dateOrder) =>
      correct((s) => {
        const { dateOrder: _previous, ...rest } = s.corrections;
        return dateOrder === undefined ? rest : { ...rest, dateOrder };
      }),
    setReading: (kind, oppositeSigns) => correct((s) => ({ ...s.corrections, kind, oppositeSigns })),
    // A different header row means different header words: roles are detected afresh.
    setHeaderRow: (headerRow) => correct((s) => ({ ...s.corrections, headerRow, columns: undefined })),
    readOptions: () => optionsFrom(stateRef.current.corrections),
  };
}
