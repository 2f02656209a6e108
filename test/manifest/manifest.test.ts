/** @jest-environment jsdom */
/**
 * The add-in manifest: valid against Office's XSD (offline, with xmllint), and saying what the
 * product needs (Excel, read/write, ExcelApi 1.7, a Home-tab button, zh-CN first with en-US and
 * zh-TW overrides), with every icon it names present at the size it states.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const manifestPath = path.join(root, 'manifest.xml');
const manifestText = readFileSync(manifestPath, 'utf8');
const OFFICE_NS = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const BT_NS = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const OV_NS = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

function parseManifest(): Document {
  const doc = new DOMParser().parseFromString(manifestText, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}

function runValidator(file: string) {
  return spawnSync(process.execPath, [path.join(root, 'scripts', 'validate-manifest.mjs'), file], { encoding: 'utf8' });
}

/** Width and height from a PNG's IHDR chunk (bytes 16..23), after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The file under the project an add-in URL points at (the dev server serves assets/ at /assets/). */
function localFileOf(url: string): string {
  const { pathname } = new URL(url);
  return path.join(root, decodeURIComponent(pathname));
}

describe('manifest.xml schema validation', () => {
  it('has xmllint available (install libxml2-utils if this fails)', () => {
    const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
    if (probe.error) {
      throw new Error('xmllint is not installed: the manifest cannot be validated. Install libxml2-utils (apt-get install -y libxml2-utils).');
    }
    expect(probe.status).toBe(0);
  });

  it('validates against OfficeAppManifestV1_1.xsd', () => {
    const result = runValidator(manifestPath);
    expect(result.stderr).not.toMatch(/not installed/);
    expect(result.stderr).toContain('validates');
    expect(result.status).toBe(0);
  });

  it('rejects a manifest the schema does not allow (the check can fail)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'recon-manifest-'));
    const broken = path.join(dir, 'manifest.xml');
    writeFileSync(broken, manifestText.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>EverythingPlease</Permissions>'));
    const result = runValidator(broken);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/Permissions/);
  });
});

describe('manifest.xml content', () => {
  const doc = parseManifest();
  const top = (name: string) => doc.getElementsByTagNameNS(OFFICE_NS, name)[0];

  it('is an Excel task pane add-in that may read and write the workbook', () => {
    expect(doc.documentElement.getAttributeNS(XSI_NS, 'type')).toBe('TaskPaneApp');
    const hosts = Array.from(top('Hosts').getElementsByTagNameNS(OFFICE_NS, 'Host')).map((h) => h.getAttribute('Name'));
    expect(hosts).toEqual(['Workbook']);
    expect(top('Permissions').textContent).toBe('ReadWriteDocument');
  });

  it('requires ExcelApi 1.7', () => {
    const sets = Array.from(top('Requirements').getElementsByTagNameNS(OFFICE_NS, 'Set'));
    expect(sets.map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')])).toEqual([['ExcelApi', '1.7']]);
  });

  it('opens taskpane.html from the dev server', () => {
    const source = top('SourceLocation').getAttribute('DefaultValue');
    expect(source).toBe('https://localhost:3000/taskpane.html');
    const urls = Array.from(doc.getElementsByTagNameNS(BT_NS, 'Url'));
    expect(urls.find((u) => u.getAttribute('id') === 'Taskpane.Url')?.getAttribute('DefaultValue')).toBe(source);
  });

  it('is Chinese first, with English and Traditional Chinese names and descriptions', () => {
    expect(top('DefaultLocale').textContent).toBe('zh-CN');
    const expected: Record<string, { zhCN: RegExp; en: RegExp; zhTW: RegExp }> = {
      DisplayName: { zhCN: /^对账助手$/, en: /^Recon$/, zhTW: /^對帳助手$/ },
      Description: { zhCN: /银行存款日记账/, en: /bank export/, zhTW: /銀行存款日記帳/ },
    };
    for (const [name, want] of Object.entries(expected)) {
      const element = top(name);
      expect(element.getAttribute('DefaultValue')).toMatch(want.zhCN);
      const overrides = Object.fromEntries(
        Array.from(element.getElementsByTagNameNS(OFFICE_NS, 'Override')).map((o) => [o.getAttribute('Locale'), o.getAttribute('Value')]),
      );
      expect(Object.keys(overrides).sort()).toEqual(['en-US', 'zh-TW']);
      expect(overrides['en-US']).toMatch(want.en);
      expect(overrides['zh-TW']).toMatch(want.zhTW);
    }
  });

  it('puts a Recon group with a show-task-pane button on the Home tab', () => {
    const tab = doc.getElementsByTagNameNS(OV_NS, 'OfficeTab')[0];
    expect(tab.getAttribute('id')).toBe('TabHome');
    const group = tab.getElementsByTagNameNS(OV_NS, 'Group')[0];
    const labelId = group.getElementsByTagNameNS(OV_NS, 'Label')[0].getAttribute('resid');
    const label = Array.from(doc.getElementsByTagNameNS(BT_NS, 'String')).find((s) => s.getAttribute('id') === labelId)!;
    expect(label.getAttribute('DefaultValue')).toBe('对账助手');
    const english = Array.from(label.getElementsByTagNameNS(BT_NS, 'Override')).find((o) => o.getAttribute('Locale') === 'en-US');
    expect(english?.getAttribute('Value')).toBe('Recon');
    const action = group.getElementsByTagNameNS(OV_NS, 'Action')[0];
    expect(action.getAttributeNS(XSI_NS, 'type')).toBe('ShowTaskpane');
  });

  it('names only icon files that exist, each at the pixel size it states', () => {
    const images = new Map(
      Array.from(doc.getElementsByTagNameNS(BT_NS, 'Image'))
        .filter((i) => i.hasAttribute('id'))
        .map((i) => [i.getAttribute('id')!, i.getAttribute('DefaultValue')!]),
    );
    const expectations: { url: string; size: number }[] = [
      { url: top('IconUrl').getAttribute('DefaultValue')!, size: 32 },
      { url: top('HighResolutionIconUrl').getAttribute('DefaultValue')!, size: 64 },
    ];
    for (const use of Array.from(doc.getElementsByTagNameNS(BT_NS, 'Image')).filter((i) => i.hasAttribute('resid'))) {
      const url = images.get(use.getAttribute('resid')!);
      expect(url).toBeDefined();
      expectations.push({ url: url!, size: Number(use.getAttribute('size')) });
    }
    expect(new Set(expectations.map((e) => e.size))).toEqual(new Set([16, 32, 64, 80]));
    for (const { url, size } of expectations) {
      const file = localFileOf(url);
      expect(existsSync(file)).toBe(true);
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
    }
  });
});
