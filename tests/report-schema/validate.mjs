// Validates JSON scan reports against docs/report-schema.json with Ajv, then checks what a schema
// cannot say: summary counts that add up, `active` that follows from kind, suppressions and
// baseline state, sorted findings and rules, completeness that follows from the diagnostics, and
// relative paths only. Finally, broken reports the schema must reject.
// Usage: node validate.mjs ROOT REPORT.json...
import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";

const [root, ...reports] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const schema = JSON.parse(fs.readFileSync(path.join(root, "docs/report-schema.json"), "utf8"));
const validate = ajv.compile(schema);

const isActive = (f) => f.kind === "fail" && f.suppressions.length === 0 &&
  f.baselineState !== "unchanged" && f.baselineState !== "absent";
const isReview = (f) => f.kind === "review" && f.suppressions.length === 0 && f.baselineState !== "unchanged";
const count = (list, test) => list.filter(test).length;
const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// The invariants docs/reports.md promises; returns the broken ones.
function invariants(report) {
  const problems = [];
  const { summary, findings } = report;
  const expected = {
    active: count(findings, isActive),
    review: count(findings, isReview),
    suppressed: count(findings, (f) => f.suppressions.length > 0),
    unchanged: count(findings, (f) => f.suppressions.length === 0 && f.baselineState === "unchanged"),
    absent: report.absentFindings.length,
  };
  for (const [key, n] of Object.entries(expected)) {
    if (summary[key] !== n) problems.push(`summary.${key} is ${summary[key]}, not ${n}`);
  }
  for (const [severity, n] of Object.entries(summary.activeBySeverity)) {
    const actual = count(findings, (f) => isActive(f) && f.severity === severity);
    if (n !== actual) problems.push(`summary.activeBySeverity.${severity} is ${n}, not ${actual}`);
  }
  for (const [level, n] of Object.entries(summary.diagnostics)) {
    const actual = count(report.diagnostics, (d) => d.level === level);
    if (n !== actual) problems.push(`summary.diagnostics.${level} is ${n}, not ${actual}`);
  }
  findings.forEach((f, i) => {
    if (f.active !== isActive(f)) problems.push(`findings[${i}].active is ${f.active}`);
    if (f.baselineState === "absent") problems.push(`findings[${i}] is absent but listed as found`);
    if (i > 0) {
      const [a, b] = [findings[i - 1].location, f.location];
      const order = compare(a.path, b.path) || a.startLine - b.startLine || a.startColumn - b.startColumn;
      if (order > 0) problems.push(`findings[${i}] (${b.path}:${b.startLine}) is out of order`);
    }
  });
  const complete = !report.diagnostics.some((d) => d.level === "error");
  if (report.complete !== complete) problems.push(`complete is ${report.complete}, not ${complete}`);
  report.rules.forEach((r, i) => {
    if (i > 0 && compare(report.rules[i - 1].id, r.id) >= 0) problems.push(`rules: ${r.id} out of order`);
  });
  // Reports of relative scans carry relative paths only: no machine's directory leaks out.
  const paths = [];
  const collect = (location) => paths.push(location.path);
  for (const f of [...findings, ...report.absentFindings]) {
    collect(f.location);
    f.relatedLocations.forEach((r) => collect(r.location));
    [...f.suppressions, ...f.expiredSuppressions].forEach((s) => collect(s.location));
  }
  report.diagnostics.forEach((d) => collect(d.location));
  for (const p of new Set(paths)) {
    if (p.startsWith("/")) problems.push(`absolute path ${p}`);
  }
  return problems;
}

let failures = 0;
let richest;
for (const file of reports) {
  const name = path.relative(root, file).startsWith("..") ? path.basename(file) : path.relative(root, file);
  const report = JSON.parse(fs.readFileSync(file, "utf8"));
  if (!validate(report)) {
    failures++;
    for (const e of validate.errors) console.log(`${name}: ${e.instancePath || "/"} ${e.message}`);
    continue;
  }
  const problems = invariants(report);
  for (const p of problems) console.log(`${name}: ${p}`);
  if (problems.length > 0) failures++;
  if (!richest || report.findings.length > richest.findings.length) richest = report;
}
if (reports.length === 0) {
  console.log("no reports to validate");
  failures++;
}

// The schema must be able to fail: each of these broken reports must be rejected.
if (richest && richest.findings.length > 0) {
  const clone = () => JSON.parse(JSON.stringify(richest));
  const broken = {
    "a missing top-level key": (r) => { delete r.absentFindings; },
    "an unknown top-level key": (r) => { r.generatedAt = "2026-01-01T00:00:00Z"; },
    "another schema version": (r) => { r.schemaVersion = 2; },
    "another $schema": (r) => { r.$schema = "https://example.com/schema.json"; },
    "a finding without a fingerprint": (r) => { delete r.findings[0].fingerprint; },
    "an unknown severity": (r) => { r.findings[0].severity = "severe"; },
    "an unknown kind": (r) => { r.findings[0].kind = "warning"; },
    "an unknown baseline state": (r) => { r.findings[0].baselineState = "none"; },
    "a suppression of an unknown kind": (r) => {
      r.findings[0].suppressions = [{ kind: "inline", origin: "comment", justification: "", expires: null,
        location: r.findings[0].location }];
    },
    "an expiry that is not a date": (r) => {
      r.findings[0].suppressions = [{ kind: "inSource", origin: "comment", justification: "", expires: "soon",
        location: r.findings[0].location }];
    },
    "an excerpt without lines": (r) => { r.findings[0].excerpt = { firstLine: 1, lines: [] }; },
    "a negative count": (r) => { r.summary.active = -1; },
    "a stage past 10": (r) => { r.findings[0].stage = 11; },
    "an absent finding marked new": (r) => { r.absentFindings = [{ ...r.findings[0], active: false, baselineState: "new" }]; },
    "a non-https help link": (r) => { r.rules[0].helpUri = "javascript:alert(1)"; },
    "an unknown diagnostic level": (r) => {
      r.diagnostics = [{ code: "parse-error", level: "fatal", message: "", location: r.findings[0].location, excerpt: null }];
    },
  };
  for (const [what, spoil] of Object.entries(broken)) {
    const report = clone();
    spoil(report);
    if (validate(report)) {
      failures++;
      console.log(`self-test: the schema accepts ${what}`);
    }
  }
} else {
  console.log("no report with findings to run the self-test on");
  failures++;
}

console.log(`${reports.length} scan reports checked, ${failures} failing`);
process.exit(failures === 0 ? 0 : 1);
