// Differential test: parses .tf files with HashiCorp's HCL parser (@cdktf/hcl2json, Go's
// hclsyntax compiled to WebAssembly) and with our loader (via iacscan-hcl-dump), and checks
// that we accept every file it accepts with the same top-level blocks and resource bodies.
// Usage: node compare.mjs --dump BIN --modules DIR [--verbose] PATH...   (PATH: file or dir)
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
let dump = null;
let modules = null;
let verbose = false;
const roots = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--dump') dump = args[++i];
  else if (args[i] === '--modules') modules = args[++i];
  else if (args[i] === '--verbose') verbose = true;
  else roots.push(args[i]);
}
if (!dump || !modules || roots.length === 0) {
  console.error('usage: node compare.mjs --dump BIN --modules NODE_MODULES_PARENT PATH...');
  process.exit(2);
}
const require = createRequire(path.resolve(modules, 'node_modules') + '/');
const hcl2json = require('@cdktf/hcl2json');

function collect(p, out) {
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) {
      if (name === '.terraform' || name === '.git' || name === 'node_modules') continue;
      collect(path.join(p, name), out);
    }
  } else if (p.endsWith('.tf')) {
    out.push(p);
  }
}
const files = [];
for (const r of roots) collect(r, files);

// --- our side ---------------------------------------------------------------------------
const run = spawnSync(dump, ['-'], { input: files.join('\n') + '\n', maxBuffer: 1 << 30 });
if (run.status !== 0) {
  console.error(`${dump} failed (status ${run.status}): ${run.stderr}`);
  process.exit(2);
}
const ours = new Map();
for (const line of run.stdout.toString('utf8').split('\n')) {
  if (line.trim()) {
    const rec = JSON.parse(line);
    ours.set(rec.file, rec);
  }
}

// --- HashiCorp's side, normalised to the dump's shape ---------------------------------
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
// A nested block list in hcl2json's JSON; an attribute holding a literal list of objects
// looks the same, so this is "may be a block".
const blockLike = (v) => Array.isArray(v) && v.length > 0 && v.every(isObject);
// A labelled nested block (provisioner "local-exec" { }) nests its bodies under the labels;
// an attribute holding such an object looks the same.
const labelledBlockLike = (v) =>
  isObject(v) && Object.keys(v).length > 0 &&
  Object.values(v).every((inner) => blockLike(inner) || labelledBlockLike(inner));

function theirBlocks(doc) {
  const blocks = [];
  const descend = (type, v, labels) => {
    if (Array.isArray(v)) {
      for (const body of v) blocks.push({ type, labels, body });
    } else if (isObject(v)) {
      for (const [k, inner] of Object.entries(v)) descend(type, inner, [...labels, k]);
    }
  };
  for (const [type, v] of Object.entries(doc)) descend(type, v, []);
  return blocks;
}

function theirBody(body) {
  const attributes = new Set();
  const maybeBlocks = new Set();
  const dynamics = new Set();
  for (const [k, v] of Object.entries(body ?? {})) {
    if (k === 'dynamic' && isObject(v)) {
      for (const label of Object.keys(v)) dynamics.add(`dynamic:${label}`);
    } else if (blockLike(v) || labelledBlockLike(v)) {
      maybeBlocks.add(k);
    } else {
      attributes.add(k);
    }
  }
  return { attributes, maybeBlocks, dynamics };
}

const key = (b) => `${b.type} ${JSON.stringify(b.labels)}`;
const counts = (list) => {
  const m = new Map();
  for (const k of list) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
};

// Differences between our resource body and theirs; [] when they agree.
function compareBody(mine, theirs, stats) {
  const problems = [];
  if (mine.loaded === false) return ['the loader produced no resource for this block'];
  const t = theirBody(theirs);
  const theirNames = new Set([...t.attributes, ...t.maybeBlocks, ...t.dynamics]);
  const myNames = new Set([...mine.attributes, ...mine.blocks]);
  for (const n of myNames) if (!theirNames.has(n)) problems.push(`only we have "${n}"`);
  for (const n of theirNames) if (!myNames.has(n)) problems.push(`only HashiCorp has "${n}"`);
  for (const n of mine.blocks) {
    if (n.startsWith('dynamic:') ? false : !t.maybeBlocks.has(n) && theirNames.has(n)) {
      problems.push(`"${n}" is a block for us, an attribute for HashiCorp`);
    }
  }
  for (const n of mine.attributes) {
    if (t.maybeBlocks.has(n)) stats.ambiguous += 1;  // literal list of objects
  }
  return problems;
}

const stats = { ambiguous: 0 };
const agreed = [];
const failures = [];
const theyReject = [];
for (const file of files) {
  const mine = ours.get(file);
  let doc;
  try {
    doc = await hcl2json.parse(path.basename(file), fs.readFileSync(file, 'utf8'));
  } catch (e) {
    theyReject.push({ file, we: mine?.ok ? 'accept' : 'reject', why: String(e).split('\n')[0] });
    continue;
  }
  const problems = [];
  if (!mine) {
    problems.push('missing from the dump output');
  } else {
    if (!mine.ok) problems.push(`HashiCorp accepts, we reject: ${mine.error ?? 'parse error'}`);
    const theirs = theirBlocks(doc);
    const a = counts(mine.blocks.map(key));
    const b = counts(theirs.map(key));
    for (const [k, n] of a) if ((b.get(k) ?? 0) !== n) problems.push(`block ${k}: we ${n}, HashiCorp ${b.get(k) ?? 0}`);
    for (const [k, n] of b) if (!a.has(k)) problems.push(`block ${k}: we 0, HashiCorp ${n}`);
    // Resource bodies, matched in order among blocks with the same address.
    const theirsByKey = new Map();
    for (const t of theirs) if (t.type === 'resource') {
      if (!theirsByKey.has(key(t))) theirsByKey.set(key(t), []);
      theirsByKey.get(key(t)).push(t.body);
    }
    for (const m of mine.blocks) {
      if (m.type !== 'resource' || m.labels.length !== 2) continue;
      const body = theirsByKey.get(key(m))?.shift();
      if (body === undefined) continue;  // already reported as a block-count difference
      for (const p of compareBody(m, body, stats)) problems.push(`${m.labels.join('.')}: ${p}`);
    }
  }
  if (problems.length) failures.push({ file, problems });
  else agreed.push(file);
}

console.log(`hcl_differential: ${files.length} files, ${files.length - theyReject.length} accepted by HashiCorp's parser`);
console.log(`  agreed: ${agreed.length}`);
console.log(`  disagreements: ${failures.length}`);
console.log(`  rejected by HashiCorp (not compared): ${theyReject.length}`);
if (stats.ambiguous) console.log(`  attributes holding a literal list of objects (cannot tell from blocks in JSON): ${stats.ambiguous}`);
for (const r of theyReject) console.log(`  REJECTED ${r.file} (we ${r.we}): ${r.why}`);
for (const f of failures) {
  console.log(`  DIFF ${f.file}`);
  for (const p of f.problems.slice(0, verbose ? Infinity : 10)) console.log(`    ${p}`);
  if (!verbose && f.problems.length > 10) console.log(`    ... ${f.problems.length - 10} more`);
}
process.exit(failures.length ? 1 : 0);
