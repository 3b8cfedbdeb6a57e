// gate-validate.mjs MODE FILE... — validate mentor's machine formats with
// validators nobody here wrote. Exits 1 when any file fails, listing why.
//
//   json SCHEMA FILE...   each FILE against the JSON Schema (2020-12) SCHEMA, with ajv
//   sarif FILE...         each FILE against the SARIF 2.1.0 schema that
//                         @microsoft/sarif-multitool ships, with ajv
//   gitlab SCHEMA FILE... each FILE against the GitLab Code Quality schema,
//                         and no two findings with one fingerprint
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const [mode, ...args] = process.argv.slice(2);

function compile(schemaFile) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
}

function read(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

let schemaFile;
let files = args;
switch (mode) {
  case "json":
  case "gitlab":
    [schemaFile, ...files] = args;
    break;
  case "sarif":
    schemaFile = path.join(path.dirname(require.resolve("@microsoft/sarif-multitool-linux/package.json")), "sarif-2.1.0.json");
    break;
  default:
    console.error("usage: gate-validate.mjs json|sarif|gitlab [SCHEMA] FILE...");
    process.exit(2);
}
if (files.length === 0) {
  console.error("gate-validate: no file to validate");
  process.exit(2);
}
const validate = compile(schemaFile);
let failed = 0;
for (const file of files) {
  let doc;
  try {
    doc = read(file);
  } catch (e) {
    console.error(`${file}: not JSON: ${e.message}`);
    failed++;
    continue;
  }
  const problems = [];
  if (!validate(doc)) {
    for (const e of validate.errors.slice(0, 10)) problems.push(`${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
  }
  if (mode === "gitlab" && Array.isArray(doc)) {
    const seen = new Map();
    doc.forEach((issue, i) => {
      if (seen.has(issue.fingerprint)) problems.push(`/${i} has the fingerprint of /${seen.get(issue.fingerprint)}: GitLab would keep one`);
      seen.set(issue.fingerprint, i);
    });
  }
  if (problems.length) {
    failed++;
    console.error(`${file}: invalid against ${path.basename(schemaFile)}:\n  ${problems.join("\n  ")}`);
  }
}
console.log(`${mode}: ${files.length - failed} of ${files.length} files valid against ${path.basename(schemaFile)}`);
process.exit(failed ? 1 : 0);
