// Parses every ```mermaid block of the Markdown files given with Mermaid's own
// parser, as GitHub and GitLab would before drawing it. Mermaid needs a DOM
// to load, so jsdom provides one; nothing is rendered and no network is used.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');

let failed = 0;
let blocks = 0;
for (const file of process.argv.slice(2)) {
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```mermaid') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end] !== '```') end++;
    const src = lines.slice(start, end).join('\n') + '\n';
    blocks++;
    try {
      const res = await mermaid.parse(src);
      console.log(`${file}:${i + 1}: ${res.diagramType} ok`);
    } catch (e) {
      failed++;
      console.error(`${file}:${i + 1}: mermaid cannot parse this block: ${String(e.message || e).split('\n').join(' ')}`);
    }
    i = end;
  }
}
if (blocks === 0) {
  console.error('no mermaid block found');
  process.exit(1);
}
process.exit(failed ? 1 : 0);
