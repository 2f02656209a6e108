/**
 * result.json is written as it is serialised, and output files appear whole or not at all.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { promises as fs, readdirSync } from 'fs';
import * as path from 'path';
import { removeUnfinishedOutputs, writeOutputFile } from '../../src/cli/output-file';
import { BatchedArray, ByteSink, jsonPieces } from '../../src/cli/json-pieces';
import { centsToFixed2 } from '../../src/engine/cents';
import { reconcile, buildReport } from '../../src/engine';
import Decimal from 'decimal.js';
import { resultJsonChunks, resultJsonPieces, toResultJson } from '../../src/cli/result-json';
import { REASONS } from '../../src/engine/match/reason-codes';
import { REASON_CODES } from '../../src/i18n/reasons';
import type { Match, Reason, ReconcileResult } from '../../src/engine/types';
import { sampleResult } from '../engine/report/sample-result';
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
    // pieces of about the chunk size asked for (a piece ends after the element that crosses it)
    const pieces = [...jsonPieces(result, 4096)];
    expect(pieces.length).toBeGreaterThan(100);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(4096 + 200);
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

describe('ByteSink', () => {
  const anyText = fc.string({ unit: 'binary', maxLength: 40 }); // lone surrogates, controls, astral characters
  const bytesOf = (write: (sink: ByteSink) => void) => {
    const sink = new ByteSink(16);
    write(sink);
    return Buffer.from(sink.take());
  };

  it('writes text as Buffer.from does, and a JSON string body as JSON.stringify does', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(bytesOf((sink) => sink.text(text))).toEqual(Buffer.from(text));
        expect(bytesOf((sink) => sink.jsonText(text))).toEqual(Buffer.from(JSON.stringify(text).slice(1, -1)));
      }),
      { numRuns: 1000 },
    );
  });

  it('writes numbers as JSON.stringify does, and cents as centsToFixed2 does', () => {
    const numbers = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -0, 2 ** 53, -(2 ** 53) + 1, 1e21, NaN, Infinity));
    fc.assert(fc.property(numbers, (n) => expect(bytesOf((sink) => sink.number(n)).toString()).toBe(JSON.stringify(n))), { numRuns: 1000 });
    const cents = fc.oneof(fc.integer({ min: -(2 ** 50) + 1, max: 2 ** 50 - 1 }), fc.constantFrom(0, -0, 5, -5, 100, -100, 99, -1));
    fc.assert(fc.property(cents, (c) => expect(bytesOf((sink) => sink.cents(c)).toString()).toBe(centsToFixed2(c))), { numRuns: 1000 });
  });

  it('never splits a write across chunks, and grows for a write larger than a chunk', () => {
    const sink = new ByteSink(8);
    const chunks: Uint8Array[] = [];
    const pieces = ['甲乙丙', 'x'.repeat(10_000), '😀'.repeat(3000), 'end'];
    for (const piece of pieces) {
      sink.text(piece);
      if (sink.full) chunks.push(sink.take());
    }
    chunks.push(sink.take());
    expect(chunks.map((c) => new TextDecoder('utf-8', { fatal: true }).decode(c))).toEqual(pieces);
  });
});

describe('resultJsonChunks', () => {
  /** A result whose matches carry what the writer must word and escape exactly as JSON.stringify does. */
  function awkwardResult(): ReconcileResult {
    const base = sampleResult();
    const frozen = Object.freeze([REASONS.sameAmount, REASONS.namesAgree]) as Reason[];
    const texts = ['引号 "甲" \\ 反斜杠', 'line\nbreak\ttab\u0001', 'emoji 😀 and a lone \ud800 surrogate', '', 'Ünïcödé ’'];
    const amounts = ['0.005', '-0', '0', '12345678901234.56', '-0.01', '1e-7', '99.999'];
    const matches: Match[] = [];
    for (let i = 0; i < 40; i++) {
      const reference = texts[i % texts.length];
      matches.push({
        id: i % 7 === 3 ? `M"${i}"` : `M${i + 1}`,
        ledger: i % 5 === 4 ? [] : [i % base.ledger.entries.length, (i + 1) % base.ledger.entries.length],
        bank: [i % base.bank.entries.length],
        status: i % 2 ? 'auto' : 'suggested',
        rule: 'amount-date',
        score: [0.9, 1, 0, 1 / 3, NaN, -0][i % 6],
        difference: new Decimal(amounts[i % amounts.length]),
        reasons: i % 3 === 0 ? frozen : [{ code: 'same-reference', params: { reference } }, REASONS.sameDay, { code: 'no-such-code', params: { n: i } }],
      });
    }
    // every code with a text, with all its params (awkward values, a side word) and with none
    const params = { reference: 'R"1\\', side: 'bank', amount: '-1.00', days: 3, count: 2, candidates: 4, by: '张三', reason: 'x\ny', ledger: 'A', bank: 'B', edits: 1, name: '😀', other: 'ledger' };
    REASON_CODES.forEach((code, i) => {
      matches.push({ id: `R${i}`, ledger: [0], bank: [1], status: 'auto', rule: 'amount-date', score: 0.5, difference: new Decimal(0), reasons: [{ code, params }, { code, params: {} }, { code, params: { side: 'ledger' } }] });
    });
    // reasons of unusual shapes: integer-like keys (JSON puts them first), values with no JSON form or
    // of other types, keys in another order, a key beyond code and params
    const unusual = [
      { code: 'same-reference', params: { reference: 'r', 10: 'ten', b: 1, 2: 'two', [-1]: -0 } },
      { code: 'same-reference', params: { reference: undefined, flag: true, nested: { a: [1, 'x'] }, n: NaN } },
      { params: { reference: 'first' }, code: 'same-reference' },
      { code: 'same-reference', params: { reference: 'x' }, extra: 1 },
      { code: 'same-reference', params: Object.create({ inherited: 'no' }, { reference: { value: 'own', enumerable: true } }) },
    ] as unknown as Reason[];
    unusual.forEach((reason, i) => {
      matches.push({ id: `U${i}`, ledger: [0], bank: [1], status: 'auto', rule: 'amount-date', score: 0.5, difference: new Decimal(0), reasons: [reason, REASONS.sameDay] });
    });
    const ledger = base.ledger.entries.map((e, i) => ({ ...e, amount: new Decimal(amounts[i % amounts.length]) }));
    return { ...base, ledger: { ...base.ledger, entries: ledger }, matches };
  }

  it('writes each match exactly as JSON.stringify writes its toResultJson object, one per line', () => {
    const result = awkwardResult();
    const report = buildReport(result);
    for (const locale of ['zh-CN', 'zh-TW', 'en'] as const) {
      const text = Buffer.concat([...resultJsonChunks(result, report, locale)]).toString('utf8');
      const expected = toResultJson(result, report, locale);
      const lines = text.split('\n');
      const start = lines.indexOf('  "matches": [');
      expect(lines.slice(start + 1, start + 1 + expected.matches.length)).toEqual(expected.matches.map((m, i) => `    ${JSON.stringify(m)}${i < expected.matches.length - 1 ? ',' : ''}`));
      expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(expected)));
      expect([...resultJsonPieces(result, report, locale)].join('')).toBe(text);
    }
  });

  it('writes a match made by hand (no cents known) the same way', () => {
    const result = awkwardResult();
    const report = buildReport(result);
    // plain objects, as another producer of a report might make them
    const plain = { ...report, matches: report.matches.map((m) => ({ ...m, ledgerRows: m.ledgerRows, bankRows: m.bankRows, ledgerTotal: m.ledgerTotal, bankTotal: m.bankTotal, ledgerCents: undefined, bankCents: undefined })) };
    const text = Buffer.concat([...resultJsonChunks(result, plain, 'en')]).toString('utf8');
    expect(text).toBe(Buffer.concat([...resultJsonChunks(result, report, 'en')]).toString('utf8'));
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


  it('writes a long output exactly, byte and text pieces in order, across its turns of the event loop', async () => {
    // 40 MB: past YIELD_BYTES twice, so the writes go on after the event loop had turns
    const file = path.join(dir, 'long.json');
    const chunk = (k: number) => Uint8Array.from({ length: 1 << 20 }, (_, i) => 32 + ((i * 7 + k) % 90));
    const expected: Buffer[] = [];
    let turns = 0;
    let turnsWhileWriting = 0;
    const timer = setInterval(() => turns++, 0);
    function* pieces(): Generator<string | Uint8Array> {
      for (let k = 0; k < 40; k++) {
        turnsWhileWriting = turns;
        const bytes = chunk(k);
        expected.push(Buffer.from(bytes), Buffer.from(`"甲${k}",`));
        yield bytes;
        yield `"甲${k}"`;
        yield ',';
      }
    }
    await writeOutputFile(file, pieces());
    clearInterval(timer);
    expect((await fs.readFile(file)).equals(Buffer.concat(expected))).toBe(true);
    // a Ctrl-C is handled on the event loop: it had turns before the last piece was made
    expect(turnsWhileWriting).toBeGreaterThan(0);
    await fs.rm(file);
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
