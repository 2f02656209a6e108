/**
 * Whether the input files fit in the memory this process may use, decided before reading them, so a
 * file too large fails with one clear line naming the limit instead of an out-of-memory crash half-way.
 * The command line only (Node's heap limit); the standalone page has its own limit by file size.
 */
import { getHeapStatistics } from 'v8';

/**
 * Heap a whole run takes per byte of input, by kind of file, measured with `npm run bench`
 * (1M × 1M rows: 189 MB of CSV, 3.9 GB peak) and on .xlsx files (exceljs keeps every cell as an
 * object, and the file is compressed about tenfold).
 */
export const HEAP_BYTES_PER_INPUT_BYTE = { csv: 20, xlsx: 250 } as const;

export type InputKind = keyof typeof HEAP_BYTES_PER_INPUT_BYTE;

export interface InputSize {
  name: string;
  kind: InputKind;
  bytes: number;
}

const mb = (bytes: number) => `${Math.round(bytes / 1048576).toLocaleString('en')} MB`;

/** null when the inputs fit; otherwise the one line to show the user. */
export function memoryProblem(inputs: InputSize[], heapLimit = getHeapStatistics().heap_size_limit): string | null {
  const needed = inputs.reduce((sum, input) => sum + input.bytes * HEAP_BYTES_PER_INPUT_BYTE[input.kind], 0);
  if (needed <= heapLimit) return null;
  const names = inputs.map((input) => `${input.name} (${mb(input.bytes)})`).join(' and ');
  const csvLimit = heapLimit / HEAP_BYTES_PER_INPUT_BYTE.csv;
  const suggested = Math.ceil((needed * 1.25) / 1048576 / 1024) * 1024;
  return (
    `${names} ${inputs.length > 1 ? 'are' : 'is'} too large for the memory this run may use: about ${mb(csvLimit)} of CSV in all with Node's ` +
    `${mb(heapLimit)} heap (a run needs about ${HEAP_BYTES_PER_INPUT_BYTE.csv}× the size of a CSV file, ` +
    `${HEAP_BYTES_PER_INPUT_BYTE.xlsx}× of an .xlsx). Give it more (NODE_OPTIONS=--max-old-space-size=${suggested}) ` +
    `if the machine has it, or split the files by month`
  );
}
