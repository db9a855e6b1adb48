// Validates every rule file under policies/ against policies/schema.json, and every kind file
// against policies/kinds/schema.json, with Ajv (a complete JSON Schema implementation) so the
// schemas users read are the schemas the built-in rules keep. Usage: node validate.mjs ROOT
import fs from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import YAML from "yaml";

const root = process.argv[2];
// strictRequired off: the schema requires properties conditionally (kinds and examples for
// resource rules), which strict mode cannot see are defined.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
const load = (p) => JSON.parse(fs.readFileSync(p, "utf8"));
const validateRule = ajv.compile(load(path.join(root, "policies/schema.json")));
const validateKind = ajv.compile(load(path.join(root, "policies/kinds/schema.json")));

function* yamlFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* yamlFiles(full);
    else if (entry.name.endsWith(".yaml")) yield full;
  }
}

let failures = 0;
let checked = 0;
for (const file of yamlFiles(path.join(root, "policies"))) {
  const relative = path.relative(root, file);
  const isKind = relative.split(path.sep).includes("kinds");
  const document = YAML.parse(fs.readFileSync(file, "utf8"));
  const validate = isKind ? validateKind : validateRule;
  checked++;
  if (!validate(document)) {
    failures++;
    for (const e of validate.errors) console.log(`${relative}: ${e.instancePath || "/"} ${e.message}`);
    continue;
  }
  if (!isKind) {
    // The id names the file and the folder names the category (policies/<category>/<id>.yaml).
    const expected = path.join("policies", document.category, `${document.id}.yaml`);
    if (relative !== expected) {
      failures++;
      console.log(`${relative}: expected at ${expected} (category and id name the path)`);
    }
  }
}
// The schema must be able to fail: each of these broken rules must be rejected.
const good = {
  id: "demo-rule", title: "t", severity: "high", stage: 3, category: "demo", description: "d",
  remediation: "r", kinds: ["aws.s3.bucket"], condition: { attribute: "acl", equals: "x" },
  message: "m", examples: { terraform: { bad: ["x # iacscan-expect: demo-rule"], good: ["y"] } },
};
if (!validateRule(good)) {
  failures++;
  console.log("self-test: a valid rule is rejected", validateRule.errors);
}
const broken = {
  "severity outside the enum": { ...good, severity: "severe" },
  "stage outside 1-10": { ...good, stage: 11 },
  "unknown condition form": { ...good, condition: { attribute: "acl", resembles: "x" } },
  "two tests in one condition": { ...good, condition: { attribute: "a", equals: 1, in: [1] } },
  "related without kind": { ...good, condition: { related: { via: "vpc_id" } } },
  "bad example without a marked line": { ...good, examples: { terraform: { bad: ["x"] } } },
  "resource rule without examples": { ...good, examples: undefined },
  "unknown top-level key": { ...good, severty: "high" },
  "equivalents of an unknown tool": { ...good, equivalents: { kics: ["c3b7"] } },
  "equivalents that are not a list": { ...good, equivalents: { checkov: "CKV_AWS_20" } },
};
for (const [what, rule] of Object.entries(broken)) {
  const copy = JSON.parse(JSON.stringify(rule));
  if (validateRule(copy)) {
    failures++;
    console.log(`self-test: the schema accepts a rule with ${what}`);
  }
}
console.log(`${checked} policy files checked, ${failures} invalid`);
process.exit(failures === 0 && checked > 0 ? 0 : 1);
