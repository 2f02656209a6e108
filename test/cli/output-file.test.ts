/**
 * result.json is written as it is serialised, and output files appear whole or not at all.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { promises as fs, readdirSync } from 'fs';
import * as path from 'path';
import { removeUnfinishedOutputs, writeOutputFile } from '../../src/cli/output-file';
import { BatchedArray, jsonPieces } from '../../src/cli/json-pieces';
import { reconcile, buildReport } from '../../src/engine';
import { resultJsonPieces, toResultJson } from '../../src/cli/result-json';
import { BANK_CSV, JOURNAL_ROWS, tempDir } from './fixtures';

/** Every line of the text that is an element of a long array: one compact element per line. */
const lineParses = (line: string) => JSON.parse(line.trim().replace(/,$/, ''));

describe('jsonPieces', () => {
  it('parses back to exactly the value (as JSON.stringify sees it), whatever its shape', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => expect(JSON.parse([...jsonPieces(value)].join(''))).toEqual(JSON.parse(JSON.stringify(value)))), { numRuns: 500 });
  });

  it('indents short values as JSON.stringify(value, null, 2) does', () => {
    // fast-check's arrays here stay far below 64 elements
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => expect([...jsonPieces(value)].join('')).toBe(JSON.stringify(value, null, 2))), { numRuns: 300 });
  });

  it('writes a long array one compact element per line, at any depth', () => {
    const long = fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 65, maxLength: 700 });
    const shaped = fc.record({ matches: long, unmatched: fc.record({ rows: long }), n: fc.integer() });
    fc.assert(
      fc.property(shaped, (value) => {
        const text = [...jsonPieces(value)].join('');
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        const lines = text.split('\n');
        const start = lines.indexOf('  "matches": [');
        expect(start).toBeGreaterThan(0);
        const elements = lines.slice(start + 1, start + 1 + value.matches.length);
        expect(elements.map(lineParses)).toEqual(JSON.parse(JSON.stringify(value.matches)));
        expect(lines[start + 1 + value.matches.length]).toBe('  ],');
        expect(lines).toContain('    "rows": [');
        expect(lines).toContain('      ' + JSON.stringify(value.unmatched.rows[0]) + ',');
      }),
      { numRuns: 100 },
    );
  });

  it('splits a large result into many pieces, and agrees on what JSON leaves out', () => {
    const result = {
      ledger: { headerRow: 1, columns: { date: 'A', amount: 'F' }, note: undefined },
      matches: Array.from({ length: 5000 }, (_, i) => ({ id: `M${i + 1}`, ledgerRows: [i + 2], bankRows: [i + 6, i + 7], difference: '0.00', reason: '金额相同 "同日"\n' })),
      unmatched: { ledgerRows: Array.from({ length: 300 }, (_, i) => i), bankRows: [] },
      sparse: [undefined, () => 1, 'x'],
      stamp: { toJSON: () => '2025-03-31' },
    };
    const pieces = [...jsonPieces(result)];
    expect(pieces.length).toBeGreaterThan(5000 / 256);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(100_000);
    const text = pieces.join('');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(result)));
    // one line per match, and well under the size of fully indented JSON
    expect(text.split('\n').filter((line) => line.startsWith('    {"id":"M')).length).toBe(5000);
    expect(text.length).toBeLessThan(JSON.stringify(result, null, 2).length * 0.6);
  });

  it('writes a batched array as the array, making its elements only a batch at a time', () => {
    const long = fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 0, maxLength: 700 });
    fc.assert(
      fc.property(long, fc.integer({ min: 0, max: 3 }), (elements, depth) => {
        const made: number[] = [];
        const batched = new BatchedArray(elements.length, (start, end) => {
          made.push(end - start);
          return elements.slice(start, end);
        });
        let value: unknown = { matches: batched, after: 1 };
        let expected: unknown = { matches: elements, after: 1 };
        for (let d = 0; d < depth; d++) {
          value = { inner: value };
          expected = { inner: expected };
        }
        expect(JSON.parse([...jsonPieces(value)].join(''))).toEqual(JSON.parse(JSON.stringify(expected)));
        expect(Math.max(0, ...made)).toBeLessThanOrEqual(256);
        expect(JSON.stringify(batched)).toBe(JSON.stringify(elements));
      }),
      { numRuns: 100 },
    );
  });
});

describe('resultJsonPieces', () => {
  it('is toResultJson, in every language', () => {
    const bank = Papa.parse<string[]>(BANK_CSV.trim()).data;
    const result = reconcile({ cells: JOURNAL_ROWS }, { cells: bank });
    const report = buildReport(result);
    expect(report.matches.length).toBeGreaterThan(0);
    for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) {
      expect(JSON.parse([...resultJsonPieces(result, report, locale)].join(''))).toEqual(JSON.parse(JSON.stringify(toResultJson(result, report, locale))));
    }
  });
});

describe('writeOutputFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('writes the pieces, leaving no temporary file beside it', async () => {
    const file = path.join(dir, 'result.json');
    await writeOutputFile(file, ['{', '"a": ', '"甲"', '}\n']);
    expect(await fs.readFile(file, 'utf8')).toBe('{"a": "甲"}\n');
    expect(await fs.readdir(dir)).toEqual(['result.json']);
  });

  it('keeps the older complete file and leaves no partial one when writing fails half-way', async () => {
    const file = path.join(dir, 'kept.json');
    await fs.writeFile(file, '{"run": 1}\n');
    function* failing(): Generator<string> {
      yield 'x'.repeat(200_000);
      throw new Error('disk gone');
    }
    await expect(writeOutputFile(file, failing())).rejects.toThrow(`cannot write ${file}: disk gone`);
    expect(await fs.readFile(file, 'utf8')).toBe('{"run": 1}\n');
    expect((await fs.readdir(dir)).filter((name) => name.includes('kept'))).toEqual(['kept.json']);
  });

  it('removes the temporary file of a write still under way when told to (the Ctrl-C handler)', async () => {
    const file = path.join(dir, 'interrupted.json');
    let seen: string[] = [];
    function* slow(): Generator<string> {
      yield 'y'.repeat(100_000);
      removeUnfinishedOutputs(); // as SIGINT would, mid-write
      seen = readdirSync(dir);
      yield '}';
    }
    await expect(writeOutputFile(file, slow())).rejects.toThrow(/cannot write/);
    expect(seen.some((name) => name.startsWith('.interrupted.json.'))).toBe(false);
    expect((await fs.readdir(dir)).filter((name) => name.includes('interrupted'))).toEqual([]);
  });

  it('listens for Ctrl-C only while writing, so a long match still stops at once', async () => {
    const count = () => [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    const before = count();
    let during: number[] = [];
    function* pieces(): Generator<string> {
      during = count();
      yield '{}';
    }
    await writeOutputFile(path.join(dir, 'listeners.json'), pieces());
    expect(during).toEqual([before[0] + 1, before[1] + 1]);
    expect(count()).toEqual(before);
  });

  it('names the folder that does not exist', async () => {
    const file = path.join(dir, 'no-such-folder', 'result.json');
    await expect(writeOutputFile(file, ['{}'])).rejects.toThrow(`cannot write ${file}: its folder does not exist`);
  });
});
