// Reads what `cargo xtask bench` collected in target/bench, prints the table, writes
// report.json and exits 1 when a figure is over budget.
// usage: node report.mjs <target/bench>
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'target/bench';
const BUDGET = {
  performance: 98,
  accessibility: 100,
  tbtMs: 50,
  cls: 0.02,
  firstLoadKib: 150,
};
const PAGES = ['home', 'complaint'];

const readJson = (file) => JSON.parse(readFileSync(join(dir, file), 'utf8'));

function lighthouse(name) {
  const lhr = readJson(`lighthouse-${name}.json`);
  const score = (c) => (lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100));
  const audit = (a) => lhr.audits[a]?.numericValue ?? null;
  return {
    url: lhr.finalDisplayedUrl ?? lhr.finalUrl,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    fcpMs: audit('first-contentful-paint'),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    runtimeError: lhr.runtimeError?.message ?? null,
  };
}

// The server's asset report: prefer a first-load brotli figure in its JSON, else the
// `first-load: N KiB brotli` line it prints.
function firstLoadKib() {
  if (existsSync(join(dir, 'assets.json'))) {
    const json = readJson('assets.json');
    if (typeof json.first_load_brotli_kib === 'number') return json.first_load_brotli_kib;
    const found = findFirstLoad(json);
    if (found != null) return found;
  }
  const text = existsSync(join(dir, 'asset-report.txt')) ? readFileSync(join(dir, 'asset-report.txt'), 'utf8') : '';
  const m = text.match(/first-load:\s*([\d.]+)\s*KiB brotli/i);
  return m ? Number(m[1]) : null;
}

function findFirstLoad(value) {
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const k = key.toLowerCase();
      if (typeof v === 'number' && /first.?load/.test(k) && /br/.test(k)) {
        return /kib/.test(k) ? v : /bytes|_b$/.test(k) ? v / 1024 : v;
      }
    }
    for (const v of Object.values(value)) {
      const found = findFirstLoad(v);
      if (found != null) return found;
    }
  }
  return null;
}

const pages = Object.fromEntries(PAGES.map((p) => [p, lighthouse(p)]));
const memory = existsSync(join(dir, 'memory.json')) ? readJson('memory.json') : {};
const assets = existsSync(join(dir, 'assets.json')) ? readJson('assets.json') : null;
const firstLoad = firstLoadKib();

const failures = [];
const need = (ok, what) => { if (!ok) failures.push(what); };
for (const [name, p] of Object.entries(pages)) {
  need(p.runtimeError == null, `${name}: lighthouse error ${p.runtimeError}`);
  need(p.performance != null && p.performance >= BUDGET.performance, `${name}: performance ${p.performance} < ${BUDGET.performance}`);
  need(p.accessibility === BUDGET.accessibility, `${name}: accessibility ${p.accessibility} < ${BUDGET.accessibility}`);
  need(p.tbtMs != null && p.tbtMs <= BUDGET.tbtMs, `${name}: TBT ${p.tbtMs} ms > ${BUDGET.tbtMs} ms`);
  need(p.cls != null && p.cls <= BUDGET.cls, `${name}: CLS ${p.cls} > ${BUDGET.cls}`);
}
need(firstLoad != null && firstLoad <= BUDGET.firstLoadKib, `first load ${firstLoad} KiB brotli > ${BUDGET.firstLoadKib} KiB`);

const fmt = (v, digits = 0) => (v == null ? '–' : Number(v).toFixed(digits));
const rows = [['page', 'perf', 'a11y', 'best-pr', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS']];
for (const [name, p] of Object.entries(pages)) {
  rows.push([name, fmt(p.performance), fmt(p.accessibility), fmt(p.bestPractices), fmt(p.fcpMs), fmt(p.lcpMs), fmt(p.tbtMs), fmt(p.cls, 3)]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
const mib = (b) => (b == null ? '–' : `${(b / 1048576).toFixed(2)} MiB`);
console.log(`JS heap after boot:   ${mib(memory.jsHeapUsedBytes)}`);
console.log(`WASM memory:          ${mib(memory.wasmMemoryBytes)}`);
console.log(`first load (brotli):  ${fmt(firstLoad, 1)} KiB (budget ${BUDGET.firstLoadKib} KiB)`);

const report = { budget: BUDGET, pages, memory, firstLoadKibBrotli: firstLoad, assets, pass: failures.length === 0, failures };
writeFileSync(join(dir, 'report.json'), JSON.stringify(report, null, 2) + '\n');
console.log(`\nwrote ${join(dir, 'report.json')}`);
if (failures.length) {
  console.log(`FAIL (over budget):\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('PASS: every figure within budget');
