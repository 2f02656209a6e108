/**
 * What a teammate without the add-in typed into the Matches sheet, read back by the next run in
 * any host: a word in the Decision column of a match's line (accept/reject, 接受/拒绝/拒絕 …), or
 * a line they added with ledger and/or bank rows, a word (manual/explained, 手工/说明 …) and a note.
 * The header is recognised in any of the three languages, so a zh-CN sheet re-run in English works.
 */
import type { DecisionKind, SheetEdit } from '../../engine/decisions/decision';
import type { CellValue } from '../../engine/types';
import { LOCALES, type Locale } from '../../i18n/locale';
import { sheetText, type SheetMessageId } from '../../i18n/sheets';

/** Words a person may type, by decision (compared trimmed, ignoring case). */
export const DECISION_WORDS: Record<DecisionKind, readonly string[]> = {
  accept: ['accept', 'accepted', 'ok', 'yes', '接受', '确认', '確認', '同意', '是'],
  reject: ['reject', 'rejected', 'no', 'wrong', '拒绝', '拒絕', '否', '不对', '不對'],
  unmatch: ['unmatch', '取消匹配', '取消比對'],
  manual: ['manual', 'match', '手工', '手工匹配', '手工比對', '匹配'],
  explained: ['explained', 'explain', 'no counterpart', '说明', '說明', '无对应', '無對應'],
};

const WORD_KINDS = new Map<string, DecisionKind>(
  (Object.entries(DECISION_WORDS) as [DecisionKind, readonly string[]][]).flatMap(([kind, words]) => words.map((w) => [w.toLowerCase(), kind] as const)),
);

export function decisionOfWord(text: string): DecisionKind | null {
  return WORD_KINDS.get(text.trim().toLowerCase()) ?? null;
}

/** A line whose Decision cell holds a word no table knows: said back to the user, never guessed. */
export interface UnreadDecision {
  sheetRow: number;
  text: string;
}

/** Each column's header, and the other words it goes by (对方行号 in a 往来对账 sheet). */
const COLUMNS = {
  id: ['column.id'],
  ledgerRows: ['column.ledgerRows'],
  bankRows: ['column.bankRows', 'column.theirRows'],
  decidedBy: ['column.decidedBy'],
  decision: ['column.decision'],
  reason: ['column.decisionReason'],
} as const satisfies Record<string, readonly SheetMessageId[]>;

type ColumnKey = keyof typeof COLUMNS;

const text = (v: CellValue) => (v === null || v === undefined ? '' : String(v).trim());

/** The header row and each column's position, in whichever language the sheet was written. */
function findHeader(values: readonly CellValue[][]): { row: number; at: Record<ColumnKey, number> } | null {
  for (let r = 0; r < Math.min(values.length, 5); r++) {
    for (const locale of LOCALES as readonly Locale[]) {
      const cells = values[r].map(text);
      const at = {} as Record<ColumnKey, number>;
      let complete = true;
      for (const [key, ids] of Object.entries(COLUMNS) as [ColumnKey, readonly SheetMessageId[]][]) {
        at[key] = ids.map((id) => cells.indexOf(sheetText(id, locale))).find((i) => i >= 0) ?? -1;
        if (at[key] < 0 && key !== 'decidedBy' && key !== 'reason') complete = false;
      }
      if (complete) return { row: r, at };
    }
  }
  return null;
}

/** "5, 7；9" → [5, 7, 9]; anything else in the cell makes it unreadable (null). */
function rowList(cell: string): number[] | null {
  if (cell === '') return [];
  const parts = cell.split(/[,，;；、\s]+/).filter((p) => p !== '');
  return parts.every((p) => /^\d+$/.test(p)) ? parts.map(Number) : null;
}

/**
 * The edits on the last run's Matches sheet (its values from A1). `by` and `at` stand in for who
 * typed it and when where the line does not say (the Decided-by cell left empty).
 */
export function readDecisionColumn(values: readonly CellValue[][], by: string, at: string): { edits: SheetEdit[]; unread: UnreadDecision[] } {
  const header = findHeader(values);
  const edits: SheetEdit[] = [];
  const unread: UnreadDecision[] = [];
  if (!header) return { edits, unread };
  const cell = (line: CellValue[], key: ColumnKey) => (header.at[key] >= 0 ? text(line[header.at[key]]) : '');
  for (let r = header.row + 1; r < values.length; r++) {
    const line = values[r];
    const word = cell(line, 'decision');
    if (word === '') continue;
    const kind = decisionOfWord(word);
    const id = cell(line, 'id');
    const ledgerRows = rowList(cell(line, 'ledgerRows'));
    const bankRows = rowList(cell(line, 'bankRows'));
    const who = cell(line, 'decidedBy') || by;
    const reason = cell(line, 'reason');
    if (kind === null) {
      unread.push({ sheetRow: r + 1, text: word });
    } else if (/^M\d+$/.test(id) && (kind === 'accept' || kind === 'reject' || kind === 'unmatch')) {
      edits.push({ kind, matchId: id, ledgerRows: [], bankRows: [], reason, by: who, at });
    } else if ((kind === 'manual' || kind === 'explained') && ledgerRows && bankRows && ledgerRows.length + bankRows.length > 0) {
      // Rows of one side only are rows explained on their own; rows of both a manual match.
      const explained = ledgerRows.length === 0 || bankRows.length === 0;
      edits.push({ kind: explained ? 'explained' : 'manual', ledgerRows, bankRows, reason, by: who, at });
    } else {
      unread.push({ sheetRow: r + 1, text: word });
    }
  }
  return { edits, unread };
}
