/**
 * What a run takes over from the run before, read the same way in every host: the stored memory
 * (decisions, groups, Audit log, settings), the words a teammate typed into the last Matches sheet,
 * the Audit log sheet as it is now (so edits to it are noticed), and the Aliases sheet as the user
 * left it (their word on which names are one counterparty).
 */
import type { SheetEdit } from '../engine/decisions/decision';
import type { CellValue } from '../engine/types';
import { readAliasesSheet, type AliasSheetProblem } from './layout/aliases-sheet';
import { readDecisionColumn, type UnreadDecision } from './layout/decision-column';
import type { Alias, WorkbookMemory } from './layout/recon-state';
import type { RunRecord, Workbook } from './workbook';

export interface PreviousRun {
  record: RunRecord | null;
  memory: WorkbookMemory;
  sheetEdits: SheetEdit[];
  /** Decision cells whose words Recon does not know: shown to the user, never guessed. */
  unreadDecisions: UnreadDecision[];
  auditSheetValues?: CellValue[][];
  /** The Aliases sheet's rows as the user left them; absent when there is none to read (the stored copy stands). */
  aliases?: Alias[];
  /** What in the Aliases sheet could not be used: shown to the user. */
  aliasProblems?: AliasSheetProblem[];
}

/** What readPreviousRun reads of a workbook (a host, or the command line's streamed reading of its --out file). */
export type PreviousWorkbook = Pick<Workbook, 'sheetNames' | 'lastRun' | 'readMemory' | 'readValues'>;

/** `user` and `now` stand in for who typed a sheet decision, and when, where the line does not say. */
export async function readPreviousRun(workbook: PreviousWorkbook, user: string, now: string): Promise<PreviousRun> {
  const [record, memory, names] = await Promise.all([workbook.lastRun(), workbook.readMemory(), workbook.sheetNames()]);
  const has = (name: string | undefined): name is string => name !== undefined && names.includes(name) && (record?.sheets ?? []).includes(name);
  let sheetEdits: SheetEdit[] = [];
  let unreadDecisions: UnreadDecision[] = [];
  if (has(memory.matchesSheet)) {
    const values = (await workbook.readValues(memory.matchesSheet)).values;
    ({ edits: sheetEdits, unread: unreadDecisions } = readDecisionColumn(values, user, now));
  }
  const auditSheetValues = has(memory.auditSheet) ? (await workbook.readValues(memory.auditSheet)).values : undefined;
  const aliasBlock = has(memory.aliasesSheet) ? await workbook.readValues(memory.aliasesSheet) : undefined;
  const aliasSheet = aliasBlock && readAliasesSheet(aliasBlock.values, aliasBlock.sheet, user, now, aliasBlock);
  const aliases = aliasSheet?.found ? aliasSheet.aliases : undefined;
  return { record, memory, sheetEdits, unreadDecisions, auditSheetValues, aliases, aliasProblems: aliasSheet?.problems ?? [] };
}

/** The engine's part of it (ReconcileOptions). */
export function decisionInputs(previous: PreviousRun) {
  return {
    decisions: previous.memory.decisions,
    sheetEdits: previous.sheetEdits,
    previousGroups: previous.memory.groups,
    nextMatchNumber: previous.memory.nextMatchNumber,
    aliases: previous.aliases ?? previous.memory.aliases,
    aliasesLearnedFrom: previous.memory.aliasesLearnedFrom ?? [],
    previousRowPrints: previous.memory.rowPrints,
  };
}
