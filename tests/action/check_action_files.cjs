// What the schema validator cannot say about action.yml and the workflows:
// - no `${{ }}` expression inside a `run:` script (an input or a pull request's title spliced
//   into shell text is script injection; values go through `env:`);
// - third-party actions pinned to a major version tag (`@v4`), local ones by path;
// - every input of the action is used by one of its steps.
// Usage: node check_action_files.cjs ROOT OUTPUTS_FILE. Writes the action's output names to
// OUTPUTS_FILE, one per line, for run_test.sh to compare with what the scripts set.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const YAML = require("yaml");

const [root, outputsFile] = process.argv.slice(2);
let failures = 0;
const fail = (message) => {
  console.error(`FAIL: ${message}`);
  failures++;
};

// The example names this repository's action by its published name.
const allowedUnpinned = new Set(["iacscan/iacscan@main"]);
const pinned = /^[\w.-]+\/[\w.-]+(\/[\w.\/-]+)?@v\d+$/;

function checkSteps(file, where, steps) {
  for (const [index, step] of (steps || []).entries()) {
    const name = `${file} ${where} step ${index + 1}${step.name ? ` (${step.name})` : ""}`;
    if (typeof step.run === "string" && step.run.includes("${{")) {
      fail(`${name}: an expression in run: pass it through env: instead`);
    }
    if (typeof step.uses === "string" && !step.uses.startsWith("./") &&
        !pinned.test(step.uses) && !allowedUnpinned.has(step.uses)) {
      fail(`${name}: '${step.uses}' is not pinned to a major version (owner/repo@vN)`);
    }
  }
}

const load = (relative) => YAML.parse(fs.readFileSync(path.join(root, relative), "utf8"));

const action = load("action.yml");
checkSteps("action.yml", "runs", action.runs.steps);
const actionText = JSON.stringify(action.runs.steps);
for (const input of Object.keys(action.inputs)) {
  if (!actionText.includes(`inputs.${input}`)) fail(`action.yml: input '${input}' is never used`);
}
fs.writeFileSync(outputsFile, Object.keys(action.outputs).join("\n") + "\n");

const workflowDir = path.join(root, ".github/workflows");
const workflows = fs.readdirSync(workflowDir).filter((f) => /\.ya?ml$/.test(f)).sort();
if (workflows.length === 0) fail(".github/workflows has no workflow");
for (const file of workflows) {
  const workflow = load(path.join(".github/workflows", file));
  for (const [id, job] of Object.entries(workflow.jobs || {})) checkSteps(file, `job ${id}`, job.steps);
}

if (failures) process.exit(1);
console.log(`ok:   action.yml and ${workflows.length} workflows: no expressions in run:, actions pinned, inputs used`);
