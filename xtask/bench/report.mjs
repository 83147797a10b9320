// Reads what `cargo xtask bench` collected in target/bench, prints the table, writes
// report.json and exits 1 when a figure is over budget.
// usage: node report.mjs <target/bench>
//
// plan.json names the targets (the baseline first) and the rounds; lighthouse-<name>-<round>.json
// is one Lighthouse run. Each figure is the median of a target's rounds, and each page is judged
// against the baseline measured in the same run: LCP at most 1.2 times the baseline's, TBT at
// most the baseline's + 50 ms, performance at least 98, CLS at most 0.02.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'target/bench';
const BUDGET = {
  lcpRatio: 1.2,
  tbtOverBaselineMs: 50,
  performance: 98,
  cls: 0.02,
  minRounds: 3,
  memoryMB: 8,
};
const MB = 1e6;

const readJson = (file) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
const plan = readJson('plan.json');

/** One Lighthouse run's figures, or why it has none. */
function run(name, round) {
  const file = `lighthouse-${name}-${round}.json`;
  if (!existsSync(join(dir, file))) return { round, file, error: 'no report (Lighthouse failed twice)' };
  const lhr = readJson(file);
  const audit = (a) => lhr.audits[a]?.numericValue ?? null;
  const score = lhr.categories.performance?.score;
  const figures = {
    round,
    file,
    performance: score == null ? null : Math.round(score * 100),
    fcpMs: audit('first-contentful-paint'),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    transferBytes: audit('total-byte-weight'),
    error: lhr.runtimeError?.message ?? null,
  };
  const trace = traceFacts(`lighthouse-${name}-${round}-0.trace.json`);
  figures.lcpElement = nodeOf(lhr.audits['largest-contentful-paint-element']?.details) ?? trace?.lcpElement ?? null;
  if (figures.cls != null && figures.cls > BUDGET.cls) {
    const audited = shifts(lhr);
    figures.layoutShifts = audited.length ? audited : trace?.layoutShifts ?? [];
  }
  return figures;
}

/**
 * What the run's trace says about the LCP element and each layout shift. Lighthouse 12.2's
 * `largest-contentful-paint-element` and `layout-shifts` audits error on this Chromium's traces,
 * so the node names come from the trace's own events: `largestContentfulPaint::Candidate` names
 * its node, and `LayoutShift` lists impacted node ids, named by the invalidation-tracking events
 * that touched the same node.
 */
function traceFacts(file) {
  if (!existsSync(join(dir, file))) return null;
  const raw = readJson(file);
  const events = Array.isArray(raw) ? raw : raw.traceEvents ?? [];
  const names = new Map();
  let navStart = null;
  let lcp = null;
  for (const e of events) {
    const data = e.args?.data;
    if (data?.nodeId != null && data.nodeName) names.set(data.nodeId, data.nodeName);
    if (e.name === 'navigationStart' && data?.isLoadingMainFrame && data?.documentLoaderURL?.startsWith('http')) navStart ??= e.ts;
    if (e.name === 'largestContentfulPaint::Candidate' && data?.isMainFrame !== false) lcp = e;
  }
  const at = (e) => (navStart == null ? null : Math.round((e.ts - navStart) / 1000));
  const layoutShifts = events
    // Shifts flagged `had_recent_input` are kept: Lighthouse counts them too (the "input" is its
    // own page set-up, not a citizen's tap).
    .filter((e) => e.name === 'LayoutShift' && e.args?.data)
    .map((e) => {
      const d = e.args.data;
      return {
        score: d.score ?? d.weighted_score_delta ?? null,
        atMs: at(e),
        hadRecentInput: !!d.had_recent_input,
        elements: (d.impacted_nodes ?? []).map((n) => ({
          node: names.get(n.node_id) ?? `node ${n.node_id}`,
          oldRect: n.old_rect,
          newRect: n.new_rect,
        })),
        causes: causesOf(e),
      };
    })
    .filter((s) => s.score > 0);
  // The likely causes: the elements inserted, removed or restyled last before a shift (within
  // 400 ms), nearest first.
  function causesOf(shift) {
    const seen = new Set();
    const causes = [];
    const recent = events
      .filter((e) => /InvalidationTracking$/.test(e.name) && e.ts <= shift.ts && e.ts >= shift.ts - 400_000)
      .sort((a, b) => b.ts - a.ts);
    for (const e of recent) {
      const data = e.args?.data;
      if (!data?.nodeName || data.nodeName === '#text' || data.reason === 'PseudoClass') continue;
      const key = `${data.nodeName}|${data.reason}`;
      if (seen.has(key)) continue;
      seen.add(key);
      causes.push({ cause: data.reason ?? e.name, element: data.nodeName, beforeMs: Math.round((shift.ts - e.ts) / 1000) });
      if (causes.length >= 8) break;
    }
    return causes;
  }
  const l = lcp?.args?.data;
  return {
    lcpElement: l ? { label: l.nodeName ?? `node ${l.nodeId}`, type: l.type ?? null, atMs: at(lcp) } : null,
    layoutShifts,
  };
}

/** The first node an audit's table names (the LCP element). */
function nodeOf(details) {
  const walk = (items) => {
    for (const item of items ?? []) {
      if (item?.node?.type === 'node') return describeNode(item.node);
      const inner = walk(item?.items ?? item?.subItems?.items);
      if (inner) return inner;
    }
    return null;
  };
  return walk(details?.items);
}

const describeNode = (node) => ({
  selector: node.selector ?? null,
  label: node.nodeLabel ?? null,
  snippet: node.snippet ?? null,
});

/** Which elements moved, and by how much: `layout-shifts` (Lighthouse 12) or the older audit. */
function shifts(lhr) {
  const audit = lhr.audits['layout-shifts'] ?? lhr.audits['layout-shift-elements'];
  return (audit?.details?.items ?? []).map((item) => ({
    score: item.score ?? item.layoutShiftScore ?? null,
    elements: item.node ? [{ node: describeNode(item.node).selector ?? describeNode(item.node).label }] : [],
    causes: (item.subItems?.items ?? []).map((c) => ({
      cause: c.cause ?? null,
      element: c.extra?.type === 'node' ? describeNode(c.extra) : c.extra?.value ?? c.extra?.url ?? null,
    })),
  }));
}

function median(values) {
  const v = values.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

const FIGURES = ['performance', 'fcpMs', 'lcpMs', 'tbtMs', 'cls', 'transferBytes'];

function target({ name, url }) {
  const runs = [];
  for (let round = 1; round <= plan.rounds; round++) runs.push(run(name, round));
  const good = runs.filter((r) => r.error == null && FIGURES.every((f) => r[f] != null));
  const medians = Object.fromEntries(FIGURES.map((f) => [f, median(good.map((r) => r[f]))]));
  const lcpElements = good.map((r) => r.lcpElement?.label ?? r.lcpElement?.selector).filter(Boolean);
  const lcpElement = lcpElements.sort((a, b) => lcpElements.filter((x) => x === b).length - lcpElements.filter((x) => x === a).length)[0] ?? null;
  return { name, url, rounds: good.length, ...medians, clsMax: good.length ? Math.max(...good.map((r) => r.cls)) : null, lcpElement, runs };
}

const [baseline, ...pages] = plan.targets.map(target);

const failures = [];
const need = (ok, what) => { if (!ok) failures.push(what); };
need(baseline.rounds >= BUDGET.minRounds, `baseline: ${baseline.rounds} good Lighthouse runs of ${plan.rounds}`);
for (const p of pages) {
  p.lcpRatio = p.lcpMs != null && baseline.lcpMs ? p.lcpMs / baseline.lcpMs : null;
  p.tbtOverBaselineMs = p.tbtMs != null && baseline.tbtMs != null ? p.tbtMs - baseline.tbtMs : null;
  const over = [];
  const limit = (ok, what) => { if (!ok) over.push(what); };
  const errors = p.runs.filter((r) => r.error).map((r) => ` (round ${r.round}: ${r.error})`).join('');
  limit(p.rounds >= BUDGET.minRounds, `${p.rounds} good Lighthouse runs of ${plan.rounds}${errors}`);
  // A page without a single run has no figures to judge.
  if (p.rounds > 0) {
    limit(p.lcpRatio != null && p.lcpRatio <= BUDGET.lcpRatio, `LCP ${fmt(p.lcpRatio, 2)}× the baseline's > ${BUDGET.lcpRatio}×`);
    limit(p.tbtOverBaselineMs != null && p.tbtOverBaselineMs <= BUDGET.tbtOverBaselineMs,
      `TBT ${fmt(p.tbtOverBaselineMs)} ms over the baseline's > ${BUDGET.tbtOverBaselineMs} ms`);
    limit(p.performance != null && p.performance >= BUDGET.performance, `performance ${fmt(p.performance)} < ${BUDGET.performance}`);
    limit(p.cls != null && p.cls <= BUDGET.cls, `CLS ${fmt(p.cls, 3)} > ${BUDGET.cls}`);
  }
  p.pass = over.length === 0;
  p.over = over;
  for (const o of over) failures.push(`${p.name}: ${o}`);
}

// Memory after the complaint journey (tests/e2e/bench-memory.mjs).
const memory = existsSync(join(dir, 'memory.json')) ? readJson('memory.json') : { error: 'memory probe wrote nothing' };
memory.totalMB = typeof memory.totalBytes === 'number' ? memory.totalBytes / MB : null;
memory.budgetMB = BUDGET.memoryMB;
memory.pass = memory.totalMB != null && memory.totalMB <= BUDGET.memoryMB;
need(memory.pass, memory.totalMB == null
  ? `memory: ${memory.error ?? 'no figure'}`
  : `memory after the complaint journey ${memory.totalMB.toFixed(2)} MB > ${BUDGET.memoryMB} MB`);

// First-load sizes from the server's asset report. The entries the size gate of `cargo xtask
// test` holds to the budget (plan.budgetedEntries) are judged; the others are reported.
const assets = existsSync(join(dir, 'assets.json')) ? readJson('assets.json') : null;
const budgeted = new Set(plan.budgetedEntries ?? ['index.html']);
const entries = (assets?.entries
  ?? (assets ? [{ entry: 'index.html', brotli_kib: assets.first_load_brotli_kib, within_budget: assets.within_budget }] : []))
  .map((e) => ({ ...e, budgeted: budgeted.has(e.entry) }));
need(assets != null, 'first load: no asset report');
for (const e of entries.filter((x) => x.budgeted)) {
  need(e.within_budget, `${e.entry}: ${fmt(e.brotli_kib, 1)} KiB brotli > ${assets.budget_kib} KiB`);
}

function fmt(v, digits = 0) {
  return v == null || Number.isNaN(v) ? '–' : Number(v).toFixed(digits);
}
const kib = (b) => (b == null ? '–' : (b / 1024).toFixed(1));

const rows = [['page', 'perf', 'FCP ms', 'LCP ms', 'LCP ×', 'TBT ms', 'TBT Δ ms', 'CLS', 'CLS max', 'KiB sent', 'runs', 'verdict', 'LCP element']];
rows.push(['baseline', fmt(baseline.performance), fmt(baseline.fcpMs), fmt(baseline.lcpMs), '1.00', fmt(baseline.tbtMs), '0',
  fmt(baseline.cls, 3), fmt(baseline.clsMax, 3), kib(baseline.transferBytes), String(baseline.rounds), '', baseline.lcpElement ?? '–']);
for (const p of pages) {
  rows.push([p.name, fmt(p.performance), fmt(p.fcpMs), fmt(p.lcpMs), fmt(p.lcpRatio, 2), fmt(p.tbtMs), fmt(p.tbtOverBaselineMs),
    fmt(p.cls, 3), fmt(p.clsMax, 3), kib(p.transferBytes), String(p.rounds), p.pass ? 'ok' : 'OVER', p.lcpElement ?? '–']);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
console.log(`Lighthouse mobile, median of ${plan.rounds} interleaved rounds; limits: LCP ≤ ${BUDGET.lcpRatio}× baseline, ` +
  `TBT ≤ baseline + ${BUDGET.tbtOverBaselineMs} ms, performance ≥ ${BUDGET.performance}, CLS ≤ ${BUDGET.cls}`);
for (const r of rows) console.log(line(r));

const shifted = pages.concat([baseline]).flatMap((p) => p.runs.filter((r) => r.layoutShifts).map((r) => ({ page: p.name, ...r })));
if (shifted.length) {
  console.log(`\nruns with CLS > ${BUDGET.cls} (the elements that moved):`);
  for (const r of shifted) {
    console.log(`  ${r.page} round ${r.round}: CLS ${fmt(r.cls, 3)}`);
    if (!r.layoutShifts.length) console.log('    (no shift found in the Lighthouse audit or the trace)');
    for (const s of r.layoutShifts) {
      const rects = (e) => (e.oldRect ? ` ${JSON.stringify(e.oldRect)} → ${JSON.stringify(e.newRect)}` : '');
      console.log(`    ${fmt(s.score, 3)}${s.atMs == null ? '' : ` at ${s.atMs} ms`}${s.hadRecentInput ? ' (had_recent_input)' : ''}: ` +
        (s.elements.map((e) => `${e.node}${rects(e)}`).join('; ') || '?'));
      for (const c of s.causes ?? []) {
        const element = typeof c.element === 'string' ? c.element : JSON.stringify(c.element);
        console.log(`           ${c.beforeMs == null ? '' : `${c.beforeMs} ms before: `}${element} (${c.cause})`);
      }
    }
  }
}

console.log(`\nafter a full complaint journey: JS heap ${fmt(memory.jsHeapUsedBytes / MB, 2)} MB + WASM ${fmt(memory.wasmMemoryBytes / MB, 2)} MB ` +
  `= ${fmt(memory.totalMB, 2)} MB (budget ${BUDGET.memoryMB} MB; 1 MB = 10^6 bytes; the JS heap after a garbage collection, ` +
  `${fmt(memory.jsHeapUsedBeforeGcBytes / MB, 2)} MB before it)${memory.error ? ` – ${memory.error}` : ''}`);
for (const e of entries) {
  console.log(`first load ${e.entry.padEnd(Math.max(...entries.map((x) => x.entry.length)))}  ${fmt(e.brotli_kib, 1)} KiB brotli` +
    (e.budgeted ? ` (budget ${assets.budget_kib} KiB)` : ' (reported, not held to the budget)'));
}

const report = {
  budget: BUDGET,
  rounds: plan.rounds,
  reference: plan.reference,
  baseline,
  pages,
  memory,
  firstLoad: { budgetKib: assets?.budget_kib ?? null, entries: entries.map(({ entry, brotli_kib, within_budget, budgeted }) => ({ entry, brotli_kib, within_budget, budgeted })) },
  assets,
  pass: failures.length === 0,
  failures,
};
writeFileSync(join(dir, 'report.json'), JSON.stringify(report, null, 2) + '\n');
console.log(`\nwrote ${join(dir, 'report.json')}`);
if (failures.length) {
  console.log(`FAIL (over budget):\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('PASS: every page within its limits against the baseline, memory and first load within budget');
