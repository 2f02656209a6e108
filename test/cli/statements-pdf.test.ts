/**
 * The command line's --out workbook with statements prints in LibreOffice Calc: converted headless
 * to PDF (a throwaway HOME and profile), without errors; a statement's page is A4 portrait, one
 * page wide (its first and last columns on the same page) and carries its closing balance.
 * Needs Debian's libreoffice-calc and poppler-utils (.ci/run installs them when missing).
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';

const FIXTURES = path.join(__dirname, '../fixtures/statements');
const SOFFICE = process.env.SOFFICE ?? 'soffice';

function requireTool(command: string, pkg: string): void {
  if (spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0) {
    throw new Error(`${command} is not installed: \`sudo apt-get install ${pkg}\` (.ci/run installs it when missing).`);
  }
}

describe('statements printed through LibreOffice', () => {
  let dir: string;
  let pages: string[];
  let stdout = '';

  beforeAll(async () => {
    requireTool(SOFFICE, 'libreoffice-calc-nogui');
    requireTool('pdftotext', 'poppler-utils');
    dir = mkdtempSync(path.join(tmpdir(), 'recon-statements-'));
    const code = await main(
      ['match', '--ledger', '应收账款明细账-2025-03.csv', '--bank', '工行流水-2025-03.csv', '--json', path.join(dir, 'result.json'), '--out', path.join(dir, 'out.xlsx'), '--statements-period', '2025-03', '--company', 'Smith & 上海星辰电子有限公司', '--lang', 'zh-CN'],
      { stdout: (t) => (stdout += t), stderr: (t) => (stdout += t), cwd: FIXTURES, env: {}, now: () => new Date('2025-04-02T09:00:00Z') },
    );
    expect(code).toBe(0);
    const convert = spawnSync(
      SOFFICE,
      [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'out.xlsx')],
      { env: { ...process.env, HOME: path.join(dir, 'home') }, encoding: 'utf8', timeout: 240_000 },
    );
    expect({ status: convert.status, errors: `${convert.stderr}`.split('\n').filter((l) => /error/i.test(l)) }).toEqual({ status: 0, errors: [] });
    expect(existsSync(path.join(dir, 'out.pdf'))).toBe(true);
    pages = execFileSync('pdftotext', ['-layout', path.join(dir, 'out.pdf'), '-'], { encoding: 'utf8' }).split('\f');
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('上海明辉’s statement prints one page wide with its closing balance, heading, footer and confirmation', () => {
    const page = pages.find((p) => p.includes('上海明辉贸易有限公司') && p.includes('客户对账单') && p.includes('对账确认函'));
    expect(page).toBeDefined();
    // First and last columns of the lines table on the same page: the width fits one page.
    expect(page).toMatch(/日期\s+凭证号.*匹配编号/);
    expect(page).toMatch(/期末余额\s+24,500\.00/);
    expect(page).toContain('Smith & 上海星辰电子有限公司 客户对账单 2025-03-01 至 2025-03-31');
    expect(page).toMatch(/第 \d+ 页，共 \d+ 页/);
  });

  test('the Hong Kong customer’s statement is in Traditional Chinese', () => {
    const page = pages.find((p) => p.includes('香港永興貿易有限公司') && p.includes('客戶對帳單'));
    expect(page).toContain('對帳確認函');
    expect(page).toMatch(/期末餘額\s+-999\.50/);
  });

  test('every page is A4 portrait or landscape', () => {
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', path.join(dir, 'out.pdf')], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))].sort((a, b) => a - b).join('x'));
    expect(sizes.length).toBeGreaterThan(0);
    // Statements and the index are A4 (595 × 842 pt); the copied sources keep LibreOffice's default paper.
    const a4 = sizes.filter((s) => s === '595x842').length;
    expect(a4).toBeGreaterThanOrEqual(6);
  });
});
