/**
 * The real command: `node bin/recon.js`, running the bundle scripts/build-cli.mjs builds (rebuilt
 * here first, so the test runs the current sources, as `npm install` would build them).
 */
import { execFile, execFileSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { tempDir, writeFixtures } from './fixtures';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'recon.js');

async function recon(args: string[], bin = BIN): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('bin/recon.js', () => {
  let dir: string;
  let files: Awaited<ReturnType<typeof writeFixtures>>;
  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
    dir = await tempDir();
    files = await writeFixtures(dir);
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('runs a match from the shell, writes result.json and exits 0', async () => {
    const json = path.join(dir, 'result.json');
    const result = await recon(['match', '--ledger', files.journalXlsx, '--bank', files.bankCsv, '--json', json]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Ledger: journal.xlsx: 7 entries read (header on row 1; skipped: 3)');
    const written = JSON.parse(await fs.readFile(json, 'utf8'));
    expect(Object.keys(written)).toEqual(expect.arrayContaining(['ledger', 'bank', 'matches', 'unmatched', 'skipped']));
    expect(written.bank.headerRow).toBe(5);
    expect(written.matches[0]).toMatchObject({ id: 'M1', ledgerRows: [3], bankRows: [6] });
  });

  it('exits 2 with one line on stderr for a file that is not there', async () => {
    const result = await recon(['match', '--ledger', path.join(dir, 'missing.xlsx'), '--bank', files.bankCsv, '--json', path.join(dir, 'x.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`recon: missing.xlsx: no such file (${path.join(dir, 'missing.xlsx')})\n`);
    expect(result.stdout).toBe('');
  });

  it('says how to build it when the bundle is missing, rather than failing on a missing module', async () => {
    const bin = path.join(dir, 'bin', 'recon.js');
    await fs.mkdir(path.dirname(bin), { recursive: true });
    await fs.copyFile(BIN, bin);
    const result = await recon(['--help'], bin);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^recon: the command is not built \(.*recon\.cjs is missing\); run `npm run build:cli` \(npm install does it\)\n$/);
  });
});
