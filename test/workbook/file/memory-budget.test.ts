/** Inputs too large for the heap are refused up front with the limit named, never left to crash. */
import { memoryProblem } from '../../../src/workbook/file/memory-budget';

const MB = 1048576;

describe('memoryProblem', () => {
  it('lets a year of a busy account through on a 4 GB heap', () => {
    expect(memoryProblem([{ name: 'ledger.csv', kind: 'csv', bytes: 94 * MB }, { name: 'bank.csv', kind: 'csv', bytes: 87 * MB }], 4144 * MB)).toBeNull();
  });

  it('names both files, the limit in CSV, the heap, and what to do', () => {
    const problem = memoryProblem([{ name: 'ledger.csv', kind: 'csv', bytes: 94 * MB }, { name: '工行流水.xlsx', kind: 'xlsx', bytes: 3 * MB }], 2048 * MB);
    expect(problem).toBe(
      'ledger.csv (94 MB) and 工行流水.xlsx (3 MB) are too large for the memory this run may use: about 102 MB of CSV in all ' +
        "with Node's 2,048 MB heap (a run needs about 20× the size of a CSV file, 250× of an .xlsx). " +
        'Give it more (NODE_OPTIONS=--max-old-space-size=4096) if the machine has it, or split the files by month',
    );
  });

  it('counts an .xlsx as far heavier than a CSV of the same size', () => {
    expect(memoryProblem([{ name: 'bank.csv', kind: 'csv', bytes: 20 * MB }], 1024 * MB)).toBeNull();
    expect(memoryProblem([{ name: 'bank.xlsx', kind: 'xlsx', bytes: 20 * MB }], 1024 * MB)).toMatch(/^bank\.xlsx \(20 MB\) is too large/);
  });
});
