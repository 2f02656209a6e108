/**
 * Issue 9 #2: Office 2019 and some Microsoft 365 builds show the pane in Edge Legacy (EdgeHTML 18),
 * Excel on Mac in Safari 14. Every script the production build emits (the pane, the vendor chunk,
 * the engine worker, lazy chunks, webpack's runtime inside them) must parse as ES2018: optional
 * chaining, nullish coalescing, class fields and the like would leave the pane blank there.
 * ES2018 itself is not enough: EdgeHTML 18 lacks its object rest/spread, async iteration and
 * regular-expression additions, Safari before 16.4 lacks lookbehind; the syntax tree of each
 * script is walked for those (support/old-host-syntax.ts).
 * The inline Internet Explorer check in taskpane.html must parse as ES5.
 */
import { parse } from 'acorn';
import { spawnSync } from 'child_process';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { buildProduction, type Build } from './support/build';
import { syntaxOldHostsLack } from './support/old-host-syntax';

let build: Build;

beforeAll(async () => {
  build = await buildProduction();
}, 10 * 60 * 1000);

afterAll(() => build?.remove());

/** Emitted scripts, without the copies of Office.js (Microsoft's, loaded by Office itself). */
function emittedScripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => path.join(dir, e.name));
}

function syntaxError(code: string, ecmaVersion: 2018 | 5): string | null {
  try {
    parse(code, { ecmaVersion, sourceType: 'script' });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

test('every emitted script parses as ES2018 (pane, vendor chunk, worker, lazy chunks)', () => {
  const scripts = emittedScripts(build.dir);
  const names = scripts.map((s) => path.basename(s));
  expect(names.some((n) => n.startsWith('taskpane'))).toBe(true);
  expect(names.some((n) => n.startsWith('vendor'))).toBe(true);
  expect(names.some((n) => /engine/i.test(n))).toBe(true); // the engine's Web Worker
  const failures = scripts.flatMap((file) => {
    const error = syntaxError(readFileSync(file, 'utf8'), 2018);
    return error ? [`${path.basename(file)}: ${error}`] : [];
  });
  expect(failures).toEqual([]);
});

test('no emitted script holds ES2018 syntax EdgeHTML 18 or Safari 14 cannot parse (object rest/spread, lookbehind, named groups, \\p{…}, dotAll, async iteration)', () => {
  const findings = emittedScripts(build.dir).flatMap((file) =>
    syntaxOldHostsLack(readFileSync(file, 'utf8')).map(
      (f) => `${path.basename(file)} at ${f.offset}: ${f.feature} (${f.lackedBy}): ${f.excerpt}`,
    ),
  );
  expect(findings).toEqual([]);
});

test('the Internet Explorer check in taskpane.html is ES5 and says, in the page’s language, that this Office is not supported', () => {
  const html = readFileSync(path.join(build.dir, 'taskpane.html'), 'utf8');
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const check = inline.find((code) => code.includes('Trident'));
  expect(check).toBeDefined();
  expect(syntaxError(check!, 5)).toBeNull();
  expect(check).toContain('此版本的 Office 不受支持');
  expect(check).toContain('此版本的 Office 不受支援');
  expect(check).toContain('This version of Office is not supported');
});

test('the first screen stays within the initial bundle budget (scripts/bundle-size.mjs, as npm run build checks it)', () => {
  // the build went over the budget once without anyone seeing: only `npm run build` checked it
  const run = spawnSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'bundle-size.mjs'), build.dir], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/Initial bundle \(loaded by taskpane\.html/);
});
