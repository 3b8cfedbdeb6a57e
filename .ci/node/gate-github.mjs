// gate-github.mjs LOG JSON — mentor's github format, round-tripped through
// @actions/core's own escaping. LOG is the output of
// `mentor close verify|check --format github`, JSON the same run's
// `--format json`.
//
// Every line whose first non-blank characters are "::" must be one of
// mentor's annotations (error, warning, notice): it is read back the way the
// runner reads it, issued again with core.error/warning/notice, and must
// come out byte for byte the same. No other line may start a command, or
// hold "##[" (the runner's older form). The annotations must be as many as
// the findings (verify) or the signals and problems (check) in JSON, and for
// verify say the same file, rule and message.
import * as core from "@actions/core";
import fs from "node:fs";
import os from "node:os";

const [logFile, jsonFile] = process.argv.slice(2);
if (!logFile || !jsonFile) {
  console.error("usage: gate-github.mjs LOG JSON");
  process.exit(2);
}
const log = fs.readFileSync(logFile, "utf8");
const doc = JSON.parse(fs.readFileSync(jsonFile, "utf8"));

// What @actions/core writes, captured instead of printed.
function issued(fn) {
  const write = process.stdout.write;
  let out = "";
  process.stdout.write = (s) => {
    out += s;
    return true;
  };
  try {
    fn();
  } finally {
    process.stdout.write = write;
  }
  return out.replace(new RegExp(os.EOL + "$"), "");
}

// The runner's reading of a command (ActionCommand.TryParseV2): name, then
// key=value properties split at ",", then "::" and the data; %-escapes undone.
function unescape(s, property) {
  let out = s.replace(/%0D/g, "\r").replace(/%0A/g, "\n");
  if (property) out = out.replace(/%3A/g, ":").replace(/%2C/g, ",");
  return out.replace(/%25/g, "%");
}
function parse(line) {
  const m = /^::([a-z-]+)( ([^:]*(?::(?!:)[^:]*)*))?::(.*)$/s.exec(line);
  if (!m) return null;
  const props = {};
  for (const p of (m[3] || "").split(",").filter(Boolean)) {
    const i = p.indexOf("=");
    if (i < 0) return null;
    props[p.slice(0, i)] = unescape(p.slice(i + 1), true);
  }
  return { command: m[1], props, message: unescape(m[4], false) };
}

// mentor writes control characters in annotation values as Go escapes
// (\x1b, \u202e) first; so does this, to compare with the JSON.
function controls(s) {
  return s.replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/g, (c) => {
    const n = c.codePointAt(0);
    const named = { 7: "\\a", 8: "\\b", 9: "\\t", 11: "\\v", 12: "\\f" }[n];
    if (named) return named;
    return n < 0x80 ? "\\x" + n.toString(16).padStart(2, "0") : "\\u" + n.toString(16).padStart(4, "0");
  });
}

const problems = [];
const annotations = [];
log.split("\n").forEach((line, i) => {
  const at = `${logFile}:${i + 1}`;
  if (!line.trimStart().startsWith("::")) {
    if (line.includes("##[")) problems.push(`${at}: a plain line holds ##[: ${JSON.stringify(line)}`);
    return;
  }
  const c = parse(line);
  if (!c || !["error", "warning", "notice"].includes(c.command)) {
    problems.push(`${at}: a line starts a workflow command that is not mentor's annotation: ${JSON.stringify(line)}`);
    return;
  }
  const props = { title: c.props.title, file: c.props.file, startLine: Number(c.props.line) };
  const again = issued(() => core[c.command](c.message, props));
  if (again !== line) {
    problems.push(`${at}: @actions/core writes this annotation differently:\n    mentor: ${JSON.stringify(line)}\n    core:   ${JSON.stringify(again)}`);
  }
  annotations.push(c);
});

if (Array.isArray(doc.findings)) {
  if (annotations.length !== doc.findings.length) {
    problems.push(`${annotations.length} annotations for ${doc.findings.length} findings`);
  }
  doc.findings.forEach((f, i) => {
    const a = annotations[i];
    if (!a) return;
    const want = { command: f.severity, title: f.rule, file: controls(f.file), line: String(f.line), message: controls(f.message) };
    const got = { command: a.command, title: a.props.title, file: a.props.file, line: a.props.line, message: a.message };
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      problems.push(`annotation ${i + 1} says ${JSON.stringify(got)}, the JSON ${JSON.stringify(want)}`);
    }
  });
} else if (Array.isArray(doc.pairs)) {
  const want = doc.pairs.reduce((n, p) => n + p.signals.length + p.problems.length, 0);
  if (annotations.length !== want) problems.push(`${annotations.length} annotations for ${want} signals and problems`);
} else {
  problems.push(`${jsonFile}: neither verify's nor check's JSON`);
}

if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`github: ${annotations.length} annotations in ${logFile} round-trip through @actions/core`);
