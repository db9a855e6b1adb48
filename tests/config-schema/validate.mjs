// Checks docs/config-schema.json against iacscan's own validation: the starter configuration
// (as written, and with every commented-out example switched on) must pass the schema, and
// each broken configuration must be rejected by the schema AND by iacscan (exit 2, naming
// the file and line), so that editors and the tool never disagree on these cases.
// Usage: node validate.mjs ROOT IACSCAN_BINARY STARTER_FILE WORK_DIR
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import Ajv2020 from "ajv/dist/2020.js";
import YAML from "yaml";

const [root, bin, starterFile, work] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(root, "docs/config-schema.json"), "utf8")));

let failures = 0;
let checked = 0;

function expectValid(name, text) {
  checked++;
  const document = YAML.parse(text);
  if (!validate(document)) {
    failures++;
    for (const e of validate.errors) console.log(`${name}: ${e.instancePath || "/"} ${e.message}`);
  }
}

const starter = fs.readFileSync(starterFile, "utf8");
expectValid("starter", starter);
const uncommented = starter.split("\n").map((line) => (line.startsWith("#  ") ? line.slice(1) : line)).join("\n");
expectValid("starter with every example", uncommented);
expectValid("empty file", "");

// Each must fail the schema, and iacscan must refuse it with exit 2 and FILE:LINE.
const broken = {
  "unknown top-level key": "acount_rules: true\n",
  "boolean written yes": "account_rules: yes\n",
  "short account id": "organization:\n  management_account: \"11111111111\"\n",
  "bad region": "organization:\n  approved_regions: [eu-west-1, eu-west]\n",
  "bad severity": "rules:\n  iam-user-defined: {severity: severe}\n",
  "unknown scp syntax": "limits:\n  scp_syntax: curent\n",
  "unknown OU role": "organization:\n  ou_roles: {Sandbox: [develop]}\n",
  "rule shorthand": "rules:\n  kms-key-rotation: disabled\n",
  "zero limit": "limits:\n  scp_max_chars: 0\n",
  "version 2": "version: 2\n",
  "exclude not a list": "exclude: examples/**\n",
  "unknown policy type": "policy_types:\n  \"org/**\": service-control\n",
};
for (const [what, text] of Object.entries(broken)) {
  checked++;
  if (validate(YAML.parse(text))) {
    failures++;
    console.log(`schema accepts a configuration with ${what}`);
  }
  const file = path.join(work, `broken-${checked}.yaml`);
  fs.writeFileSync(file, text);
  const run = spawnSync(bin, ["rules", "--config", file], { encoding: "utf8" });
  if (run.status !== 2 || !run.stderr.includes(`${file}:`)) {
    failures++;
    console.log(`iacscan accepts a configuration with ${what} (exit ${run.status}): ${run.stderr}`);
  }
}
console.log(`${checked} configurations checked, ${failures} failures`);
process.exit(failures === 0 ? 0 : 1);
