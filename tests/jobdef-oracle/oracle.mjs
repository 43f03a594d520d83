// The official verdict on every job definition in tests/fixtures/jobdefs:
// `validateJobDefinition` from the npm package @nosana/types (the validator
// the Nosana API runs on create and create-revision).
//
//   node tests/jobdef-oracle/oracle.mjs [fixture-dir] [out-file]
//
// Prints one line per file ("valid" or "invalid", the file, and the first
// reason), writes every verdict to target/jobdef-oracle.json for the Rust
// test tests/jobdef_corpus.rs to compare with our checker, and exits 1 when
// a verdict contradicts the file's name (valid-* / invalid-*), naming it.
//
// How the validator reports: it returns { success, errors: [{ path, expected,
// value }] } and does not throw for wrong values, except on a few inputs its
// port-uniqueness rule cannot handle (a null inside `expose`), where it throws
// a TypeError. A text that is not JSON never reaches the validator: the
// server's body parser refuses it. Both count as "invalid" here.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.resolve(process.argv[2] ?? path.join(ROOT, 'tests/fixtures/jobdefs'));
const out = path.resolve(process.argv[3] ?? path.join(ROOT, 'target/jobdef-oracle.json'));

// A stale file must never stand in for this run's verdicts, even if the
// validator cannot be loaded below.
fs.rmSync(out, { force: true });

// The verdicts are only worth comparing if they come from the pinned version.
const pinned = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
  .devDependencies['@nosana/types'];
let installed;
try {
  installed = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'node_modules/@nosana/types/package.json'), 'utf8'),
  ).version;
} catch {
  console.error(`@nosana/types is not installed (package.json pins ${pinned}): run npm ci`);
  process.exit(1);
}
if (installed !== pinned) {
  console.error(`@nosana/types ${installed} is installed but package.json pins ${pinned}: run npm ci`);
  process.exit(1);
}

const { validateJobDefinition } = await import('@nosana/types');

function judge(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { verdict: 'invalid', reason: `not JSON: ${e.message}` };
  }
  let result;
  try {
    result = validateJobDefinition(value);
  } catch (e) {
    return { verdict: 'invalid', reason: `the validator threw: ${e.message}` };
  }
  if (result.success) return { verdict: 'valid', reason: '' };
  const first = result.errors[0];
  const more = result.errors.length > 1 ? ` (+${result.errors.length - 1} more)` : '';
  return { verdict: 'invalid', reason: `${first.path}: expected ${first.expected}${more}` };
}

const names = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const files = {};
const misnamed = [];
for (const name of names) {
  const text = fs.readFileSync(path.join(dir, name), 'utf8');
  const { verdict, reason } = judge(text);
  files[name] = { verdict, reason, text };
  const named = name.startsWith('valid-') ? 'valid' : name.startsWith('invalid-') ? 'invalid' : null;
  const mark = named === verdict ? '  ' : '✗ ';
  console.log(`${mark}${verdict.padEnd(8)} ${name}${reason ? `  ${reason}` : ''}`);
  if (named === null) misnamed.push(`${name}: name it valid-* or invalid-*`);
  else if (named !== verdict) misnamed.push(`${name}: the official validator says ${verdict}`);
}

fs.mkdirSync(path.dirname(out), { recursive: true });
const report = { validator: `@nosana/types ${installed}`, dir: path.relative(ROOT, dir), files };
fs.writeFileSync(out, `${JSON.stringify(report, null, 1)}\n`);

const valid = Object.values(files).filter((f) => f.verdict === 'valid').length;
console.log(
  `@nosana/types ${installed}: ${names.length} files, ${valid} valid, ${names.length - valid} invalid; ` +
    `verdicts written to ${path.relative(ROOT, out)}`,
);
if (misnamed.length > 0) {
  for (const m of misnamed) console.error(`FAILED: ${m}`);
  process.exit(1);
}
if (names.length === 0) {
  console.error(`FAILED: no fixtures in ${dir}`);
  process.exit(1);
}
