/** The name several files opened together go under: `ledger.csv + bank.csv` (one file: its own name). */
export function joinedName(files: readonly { name: string }[]): string {
  return files.map((f) => f.name).join(' + ');
}
