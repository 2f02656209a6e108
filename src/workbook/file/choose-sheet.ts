/**
 * Which sheet of a workbook file is read, the same whether the sheet is streamed (read-xlsx-file.ts)
 * or the whole workbook is loaded (load-table.ts): the one asked for by exact name, else by name
 * ignoring case; without a name, the first visible sheet, or the first sheet when all are hidden.
 */
export function chooseSheet<T extends { name: string; hidden: boolean }>(sheets: readonly T[], wanted: string | undefined): T | null {
  if (wanted === undefined) return sheets.find((s) => !s.hidden) ?? sheets[0] ?? null;
  const folded = wanted.trim().toLowerCase();
  return sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.toLowerCase() === folded) ?? null;
}
