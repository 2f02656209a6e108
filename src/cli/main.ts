/**
 * `recon match …`: arguments in, files and a short summary out. The work is the engine's; this file
 * only wires files to it and decides what to print and which exit status to return:
 *   0 done · 2 unusable input, bad arguments, unreadable/unwritable file (one line on stderr) · 1 a bug.
 * `main` takes its I/O as a parameter so tests run it in-process.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import * as os from 'os';
import { reconcile } from '../engine';
import { buildReport } from '../engine/report/build-report';
import { PLAN_HEAD_ROWS } from '../engine/read/plan-reading';
import type { CellValue, ProgressListener, ReadResult, SideKind, Stage } from '../engine/types';
import type { RunOutputs } from '../workbook/workbook';
import { normaliseLocale, type Locale } from '../i18n/locale';
import { formatReadText } from '../i18n/read-texts';
import { checkInputsFitMemory, loadTable, UnusableInputError, type LoadedTable } from '../workbook/file/load-table';
import { sheetAddress } from '../workbook/layout/a1';
import { buildRunOutputs, type SourcePosition } from '../workbook/layout/run-outputs';
import { cleanSheetName, uniqueSheetName } from '../workbook/layout/sheet-names';
import { aliasProblemText } from '../workbook/layout/aliases-sheet';
import { emptyMemory, StateError } from '../workbook/layout/recon-state';
import { decisionInputs, readPreviousRun, type PreviousRun } from '../workbook/previous-run';
import type { StatementSheetsRequest } from '../workbook/layout/statements/statement-outputs';
import { parseArgs, USAGE, UsageError, type MatchRequest } from './args';
import { writeOutputFile } from './output-file';
import { refuseDoubtful, refuseDoubtfulDates } from './doubtful-reading';
import { resultJsonChunks } from './result-json';
import { summaryLines } from './summary';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress is drawn on stderr only when it is a terminal. */
  stderrIsTTY?: boolean;
  env?: Record<string, string | undefined>;
  /** Relative paths resolve against this (default: process.cwd()). */
  cwd?: string;
  /** The clock, for the run record's timestamp. */
  now?: () => Date;
  /**
   * How --out is written: 'stream' (the default) writes it part by part as it is made; 'exceljs'
   * builds it whole in exceljs first, as before (tests compare the two).
   */
  workbookWriter?: 'stream' | 'exceljs';
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const env = io.env ?? {};
  try {
    const parsed = parseArgs(argv);
    if (parsed.command === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    await runMatch(parsed.request, io, parsed.request.lang ?? localeOf(env));
    return 0;
  } catch (error) {
    const message = userMessage(error);
    if (message !== null) {
      io.stderr(`recon: ${message}\n`);
      return 2;
    }
    io.stderr(`recon: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    if (env.RECON_DEBUG) io.stderr(`${(error as Error)?.stack ?? ''}\n`);
    return 1;
  }
}

async function runMatch(request: MatchRequest, io: CliIo, locale: Locale): Promise<void> {
  const cwd = io.cwd ?? process.cwd();
  const at = (file: string) => path.resolve(cwd, file);
  const progress = io.stderrIsTTY ? terminalProgress(io) : undefined;

  progress?.('reading', 0, 2);
  await checkInputsFitMemory([at(request.ledger), at(request.bank)]);
  // Without --out the cells are wanted only to be read: a long CSV is read as the engine reads it, its
  // rows let go as they are read (a million rows of cells are hundreds of megabytes).
  const load = { streamAfter: request.out ? undefined : PLAN_HEAD_ROWS };
  const ledger = await loadTable(at(request.ledger), load);
  const bank = await loadTable(at(request.bank), load);
  const ranAt = (io.now?.() ?? new Date()).toISOString();
  const user = request.user || io.env?.USER || io.env?.USERNAME || osUserName() || 'recon';
  // --out over a workbook an earlier run wrote: what people decided there carries over.
  const previous = request.out ? await previousOf(at(request.out), user, ranAt) : null;

  // Cells parsed here from one file's text: entries keep copies of their texts (CellsSource.cutFromText).
  const sources = { ledger: { cells: ledger.cells, cutFromText: true, stream: ledger.stream }, bank: { cells: bank.cells, cutFromText: true, stream: bank.stream } };
  // Without --out the cells are done with once read: let them go before matching.
  if (!request.out) ledger.cells = bank.cells = [];
  const result = reconcile(
    sources.ledger,
    sources.bank,
    {
      releaseCells: !request.out,
      ledger: { columns: request.ledgerColumns, kind: request.ledgerKind, dateOrder: request.ledgerDateOrder, oppositeSigns: request.ledgerOppositeSigns || undefined },
      bank: { columns: request.bankColumns, kind: request.bankKind, dateOrder: request.bankDateOrder, oppositeSigns: request.oppositeSigns || undefined },
      match: request.match,
      onProgress: progress,
      ...(previous && decisionInputs(previous)),
    },
  );
  refuseUnreadable(result.ledger, ledger.sourceName, locale);
  refuseUnreadable(result.bank, bank.sourceName, locale);
  refuseDoubtfulDates(result.ledger, result.bank, locale);
  refuseDoubtful(result.ledger, ledger.sourceName, locale);
  refuseDoubtful(result.bank, bank.sourceName, locale);
  progress?.('reporting', 0, 1);
  const report = buildReport(result);
  progress?.('reporting', 1, 1);

  const written: string[] = [];
  progress?.('writing', 0, request.out ? 2 : 1);
  await writeOutputFile(at(request.json), withNewline(resultJsonChunks(result, report, locale)));
  written.push(request.json);

  if (request.out) {
    const sheets = sourceSheetNames(ledger, bank);
    const outputs = buildRunOutputs(result, report, {
      locale,
      ledger: positionOf(sheets.ledger, ledger.cells),
      bank: positionOf(sheets.bank, bank.cells),
      ranAt,
      existingSheetNames: [sheets.ledger, sheets.bank],
      previousRun: null,
      memory: previous?.memory ?? emptyMemory(),
      user,
      auditSheetValues: previous?.auditSheetValues,
      aliases: previous?.aliases,
      statements: statementsRequest(request, result.ledger.kind, ledger.cells),
      statement: request.statement,
    });
    const sources = [
      { name: sheets.ledger, values: ledger.cells, formats: ledger.formats },
      { name: sheets.bank, values: bank.cells, formats: bank.formats },
    ];
    if (io.workbookWriter === 'exceljs') await writeOutputFile(at(request.out), await exceljsWorkbookBytes(sources, outputs, request.out));
    else {
      const { reconciledWorkbookParts } = await import('../workbook/file/xlsx-stream');
      const { zipStream } = await import('./zip-stream');
      const now = io.now?.() ?? new Date();
      await writeOutputFile(at(request.out), zipStream(reconciledWorkbookParts(sources, outputs, { theme: exceljsTheme(), now }), undefined, now));
    }
    written.push(request.out);
  }
  progress?.('writing', 1, 1);
  progress?.done();

  for (const problem of previous?.aliasProblems ?? []) io.stderr(`recon: ${aliasProblemText(problem, locale)}\n`);
  const lines = summaryLines(report, locale, { ledger: ledger.sourceName, bank: bank.sourceName, json: request.json, written });
  io.stdout(`${lines.join('\n')}\n`);
}

/** The memory of a reconciled workbook already at `file` (none when there is no such file). */
async function previousOf(file: string, user: string, now: string): Promise<PreviousRun | null> {
  try {
    if (!(await fs.stat(file)).isFile()) return null;
  } catch {
    return null;
  }
  try {
    const { readPreviousWorkbook } = await import('./previous-workbook');
    const streamed = await readPreviousWorkbook(file);
    if (streamed) return await readPreviousRun(streamed, user, now);
    const { XlsxWorkbook } = await import('../workbook/file/xlsx-workbook');
    return await readPreviousRun(await XlsxWorkbook.fromBytes(await fs.readFile(file), path.basename(file)), user, now);
  } catch (error) {
    if (error instanceof StateError) throw new UnusableInputError(`${file}: ${error.message}`);
    throw new UnusableInputError(`${file} exists and is not a workbook Recon can read (${(error as Error).message}); choose another --out file`);
  }
}

/**
 * Statements go into --out when the ledger is a receivables ledger. Asking for them (a statements
 * flag) with another kind of ledger is refused with the reason, rather than silently skipped.
 */
function statementsRequest(request: MatchRequest, kind: SideKind, cells: CellValue[][]): StatementSheetsRequest | undefined {
  const asked =
    request.statementsPeriod !== undefined || request.statementDate !== undefined || request.company !== undefined || request.statementsAll ||
    request.customerTerms !== undefined || request.customerLanguages !== undefined;
  if (kind !== 'receivables-ledger') {
    if (asked) throw new UnusableInputError(`statements need a receivables ledger (应收账款明细账); the ledger was read as a ${kind}. Add --ledger-kind receivables-ledger if that is what it is.`);
    return undefined;
  }
  return {
    ledger: { cells },
    options: {
      ...(request.statementsPeriod && { period: request.statementsPeriod }),
      ...(request.statementDate && { statementDate: request.statementDate }),
      ...(request.company !== undefined && { company: request.company }),
      ...(request.statementsAll && { includeZero: true }),
      ...(request.customerTerms && { customerTerms: request.customerTerms }),
      ...(request.customerLanguages && { customerLanguages: request.customerLanguages }),
    },
  };
}

/** A side with no entry and an error (no header, no amount column) cannot be reconciled: say why, exit 2. */
function refuseUnreadable(read: ReadResult, sourceName: string, locale: Locale): void {
  if (read.entries.length > 0) return;
  const error = read.issues.find((issue) => issue.severity === 'error');
  if (error) throw new UnusableInputError(`${sourceName}: ${error.why ? formatReadText(error.why, locale) : error.message}`);
}

/** The sheet names the sources get in --out (each source's own sheet or file name, made valid and distinct). */
function sourceSheetNames(ledger: LoadedTable, bank: LoadedTable): { ledger: string; bank: string } {
  const ledgerName = cleanSheetName(ledger.sheet, 'Ledger');
  return { ledger: ledgerName, bank: uniqueSheetName(cleanSheetName(bank.sheet, 'Bank'), [ledgerName]) };
}

/**
 * The --out workbook made the way the command line made it before it was streamed: copies of both
 * sources in an exceljs workbook, the run written into it, the whole file built in memory. Kept for
 * the tests that check the streamed workbook is the same (CliIo.workbookWriter 'exceljs').
 */
async function exceljsWorkbookBytes(sources: { name: string; values: CellValue[][]; formats?: (string | undefined)[] }[], outputs: RunOutputs, fileName: string): Promise<Uint8Array> {
  const { XlsxWorkbook } = await import('../workbook/file/xlsx-workbook');
  const book = XlsxWorkbook.fromSheets(sources, path.basename(fileName));
  await book.writeRun(outputs);
  return book.toBytes();
}

/** exceljs' default theme part, which the streamed workbook carries as exceljs' own files do (none if it cannot be found). */
function exceljsTheme(): string | undefined {
  try {
    const theme: unknown = require('exceljs/lib/xlsx/xml/theme1.js');
    return typeof theme === 'string' ? theme : undefined;
  } catch {
    return undefined;
  }
}

function positionOf(sheet: string, cells: CellValue[][]): SourcePosition {
  const height = Math.max(1, cells.length);
  let width = 1;
  for (const row of cells) if (row.length > width) width = row.length;
  return { sheet, top: 1, left: 1, width, height, address: sheetAddress(sheet, { top: 1, left: 1, bottom: height, right: width }) };
}

function* withNewline<T>(pieces: Iterable<T>): Generator<T | string> {
  yield* pieces;
  yield '\n';
}

/** The one line to show for problems that are the input's or the caller's, or null for a bug. */
function userMessage(error: unknown): string | null {
  if (error instanceof UsageError) return `${error.message} (see recon --help)`;
  if (error instanceof UnusableInputError) return error.message;
  if (error instanceof Error && error.name === 'StatementsError') return error.message;
  if (error instanceof Error && error.name === 'UnusableInputError') return error.message;
  return null;
}

/** POSIX locale variables (`zh_TW.UTF-8`, `zh_CN.GB18030@euro`) → a Locale; encoding and modifier dropped. */
function localeOf(env: Record<string, string | undefined>): Locale {
  const posix = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return normaliseLocale(posix.split(/[.@]/)[0]);
}

const STAGE_WORDS: Record<Stage, string> = { reading: 'reading', matching: 'matching', reporting: 'reporting', writing: 'writing' };

/** A one-line progress display on a terminal's stderr, redrawn in place. */
function terminalProgress(io: CliIo): ProgressListener & { done(): void } {
  let lastDrawn = '';
  const draw: ProgressListener = (stage, done, total) => {
    const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
    const line = `${STAGE_WORDS[stage]} ${percent}%`;
    if (line === lastDrawn) return;
    lastDrawn = line;
    io.stderr(`\r\x1b[2K${line}`);
  };
  return Object.assign(draw, { done: () => io.stderr('\r\x1b[2K') });
}

/** For bin/recon.js: real process I/O, and the exit status set once output is flushed. */
export function runCli(): void {
  main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`recon: internal error: ${(error as Error)?.message ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

/** The OS account's name, where the OS gives one (some containers have no passwd entry). */
function osUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}
