// Shared fixtures: `test` for ordinary journeys (real CSP) and `axeTest`, whose pages bypass
// CSP so axe-core can be injected as an inline script. Only a11y scans use `axeTest`.
//
// Every test is its own citizen on their own connection: its browser context comes through the
// test server's local proxy from an address of its own (`X-Forwarded-For`, which the server
// trusts from loopback only), so the per-address limits (status lookups, FIR searches, tips)
// count one citizen's requests, not those of every test running at the same time.
import { test as base, expect, type Page } from '@playwright/test';
import { createRequire } from 'node:module';

export { expect };

let citizens = 0;
/** An address no other test of this run has (10.<worker>.<n>). */
function citizenAddress(worker: number) {
  citizens += 1;
  return `10.${worker % 256}.${Math.floor(citizens / 256) % 256}.${citizens % 256}`;
}

export const test = base.extend({
  context: async ({ context }, use, info) => {
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': citizenAddress(info.workerIndex) });
    await use(context);
  },
});

export const axeTest = test.extend({ bypassCSP: true });

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
};

/** Runs axe with the WCAG 2.1 A/AA rules and fails with a readable list of what broke. */
export async function expectNoAxeViolations(page: Page, label: string) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: AXE_PATH });
  }
  const violations: AxeViolation[] = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
  const report = violations
    .map((v) => {
      const targets = v.nodes.map((n) => `      ${JSON.stringify(n.target)}`).join('\n');
      return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})\n${targets}`;
    })
    .join('\n');
  expect(violations, `axe found ${violations.length} violation(s) on ${label}:\n${report}`).toEqual([]);
}
