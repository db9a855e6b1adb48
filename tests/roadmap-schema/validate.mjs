// Validates roadmap reports against docs/roadmap-schema.json with Ajv, then checks what a schema
// cannot say: stages in order, counts that add up, verdicts that follow from the controls, and
// next steps that are exactly the next stage's blocking controls. Finally, broken reports the
// schema must reject. Usage: node validate.mjs ROOT REPORT.json...
import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";

const [root, ...reports] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const schema = JSON.parse(fs.readFileSync(path.join(root, "docs/roadmap-schema.json"), "utf8"));
const validate = ajv.compile(schema);

const blocking = (status) => status === "missing" || status === "undecided";
const countKey = {
  met: "met", missing: "missing", undecided: "undecided", "needs-configuration": "needsConfiguration",
  "not-applicable": "notApplicable", "not-run": "notRun",
};
const severityRank = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };
const scopeRank = { account: 0, "org-config": 1, resource: 2 };

// The invariants docs/roadmap.md promises; returns the broken ones.
function invariants(report) {
  const problems = [];
  report.stages.forEach((stage, i) => {
    if (stage.number !== i + 1) problems.push(`stages[${i}].number is ${stage.number}`);
    const counts = Object.fromEntries(Object.values(countKey).map((k) => [k, 0]));
    for (const c of stage.controls) counts[countKey[c.status]]++;
    for (const [k, n] of Object.entries(counts)) {
      if (stage.counts[k] !== n) problems.push(`stage ${stage.number}: counts.${k} is ${stage.counts[k]}, not ${n}`);
    }
    const met = !stage.controls.some((c) => blocking(c.status));
    if (stage.met !== met) problems.push(`stage ${stage.number}: met is ${stage.met}`);
    for (let j = 1; j < stage.controls.length; j++) {
      const [a, b] = [stage.controls[j - 1], stage.controls[j]];
      const order = scopeRank[a.scope] - scopeRank[b.scope] || (a.ruleId < b.ruleId ? -1 : 1);
      if (order > 0) problems.push(`stage ${stage.number}: ${a.ruleId} listed before ${b.ruleId}`);
    }
    for (const c of stage.controls) {
      const files = [...new Set(c.evidence.map((e) => e.path))].sort();
      if (JSON.stringify(files) !== JSON.stringify(c.files)) problems.push(`${c.ruleId}: files do not match evidence`);
    }
  });
  let reached = 0;
  while (reached < 10 && report.stages[reached].met) reached++;
  if (report.highestStageMet !== reached) problems.push(`highestStageMet is ${report.highestStageMet}, not ${reached}`);
  const next = reached < 10 ? reached + 1 : null;
  if (report.nextStage !== next) problems.push(`nextStage is ${report.nextStage}, not ${next}`);
  const nextControls = next === null ? [] : report.stages[next - 1].controls;
  const expectedSteps = nextControls.filter((c) => blocking(c.status)).map((c) => c.ruleId).sort();
  const steps = report.nextSteps.map((c) => c.ruleId);
  if (JSON.stringify([...steps].sort()) !== JSON.stringify(expectedSteps)) problems.push("nextSteps are not the next stage's blocking controls");
  for (let j = 1; j < report.nextSteps.length; j++) {
    const [a, b] = [report.nextSteps[j - 1], report.nextSteps[j]];
    const order = severityRank[b.severity] - severityRank[a.severity] || scopeRank[a.scope] - scopeRank[b.scope] ||
      (a.ruleId < b.ruleId ? -1 : 1);
    if (order > 0) problems.push(`nextSteps: ${a.ruleId} before ${b.ruleId}`);
  }
  const expectedConfig = nextControls.filter((c) => c.status === "needs-configuration").map((c) => c.ruleId);
  if (JSON.stringify(report.nextConfiguration.map((c) => c.ruleId)) !== JSON.stringify(expectedConfig)) {
    problems.push("nextConfiguration is not the next stage's needs-configuration controls");
  }
  return problems;
}

let failures = 0;
let good;
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
  good ??= report;
}
if (reports.length === 0) {
  console.log("no reports to validate");
  failures++;
}

// The schema must be able to fail: each of these broken reports must be rejected.
if (good) {
  const clone = () => JSON.parse(JSON.stringify(good));
  const broken = {
    "a missing top-level key": (r) => { delete r.nextSteps; },
    "an unknown top-level key": (r) => { r.generatedAt = "2026-01-01"; },
    "another schema version": (r) => { r.schemaVersion = 2; },
    "nine stages": (r) => { r.stages.pop(); },
    "a stage number past 10": (r) => { r.stages[0].number = 11; },
    "a control with an unknown status": (r) => {
      r.stages.find((s) => s.controls.length > 0).controls[0].status = "passed";
    },
    "a control without files": (r) => { delete r.stages.find((s) => s.controls.length > 0).controls[0].files; },
    "an unknown severity": (r) => { r.stages.find((s) => s.controls.length > 0).controls[0].severity = "severe"; },
    "a negative count": (r) => { r.stages[0].counts.met = -1; },
    "a non-https help link": (r) => {
      r.stages.find((s) => s.controls.length > 0).controls[0].helpUri = "javascript:alert(1)";
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
}

console.log(`${reports.length} roadmap reports checked, ${failures} failing`);
process.exit(failures === 0 ? 0 : 1);
