#!/usr/bin/env node
/**
 * `npm run validate`: checks manifest.xml against Office's published XSD schemas, offline
 * (the online validator is out of reach here). Schemas live beside the project in
 * test/manifest/schemas (copied from Office's published schemas); see its README for where they come from.
 *
 *   node scripts/validate-manifest.mjs [manifest.xml]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const schema = path.join(root, 'test', 'manifest', 'schemas', 'OfficeAppManifestV1_1.xsd');
const manifest = path.resolve(process.argv[2] ?? path.join(root, 'manifest.xml'));

if (!existsSync(schema)) {
  console.error(`Schema not found at ${schema}: the repository keeps them in test/manifest/schemas.`);
  process.exit(2);
}

const result = spawnSync('xmllint', ['--noout', '--schema', schema, manifest], { encoding: 'utf8' });
if (result.error && result.error.code === 'ENOENT') {
  console.error('xmllint is not installed. Install libxml2-utils: apt-get install -y libxml2-utils (Debian/Ubuntu), brew install libxml2 (macOS).');
  process.exit(2);
}
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exit(result.status ?? 1);
