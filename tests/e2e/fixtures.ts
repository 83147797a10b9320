// Shared fixtures: `test` for ordinary journeys (real CSP) and `axeTest`, whose pages bypass
// CSP so axe-core can be injected as an inline script. Only a11y scans use `axeTest`.
import { test as base, expect, type Page } from '@playwright/test';
import { createRequire } from 'node:module';

export { expect };
export const test = base;

export const axeTest = base.extend({ bypassCSP: true });

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
