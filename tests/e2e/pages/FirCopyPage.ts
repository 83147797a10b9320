import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

/**
 * Every search of a test comes from an address of its own: the server believes
 * X-Forwarded-For from a loopback peer, so the FIR rate limits (per address) never let one
 * test's searches hold back another's.
 */
export async function searchFromOwnAddress(context: BrowserContext) {
  const octet = () => Math.floor(Math.random() * 254) + 1;
  await context.setExtraHTTPHeaders({ 'x-forwarded-for': `10.${octet()}.${octet()}.${octet()}` });
}

/** `/fir-copy`: the search form, then the copy or the withheld notice. */
export class FirCopyPage extends AppShell {
  readonly district: Locator;
  readonly station: Locator;
  readonly year: Locator;
  readonly number: Locator;
  readonly find: Locator;
  readonly copy: Locator;
  readonly withheld: Locator;
  readonly summary: Locator;

  constructor(page: Page) {
    super(page);
    this.district = page.locator('#f-district');
    this.station = page.locator('#f-station');
    this.year = page.locator('#f-year');
    this.number = page.locator('#f-number');
    this.find = page.locator('[data-testid="find-fir"]');
    this.copy = page.locator('[data-testid="fir-copy"]');
    this.withheld = page.locator('[data-testid="fir-withheld"]');
    this.summary = page.locator('[data-testid="error-summary"]');
  }

  async open() {
    await this.goto('/fir-copy');
    await expect(this.district.locator('option[value="PAT"]')).toHaveCount(1);
  }

  /** Fills the form; `station` waits for the district's list to arrive. */
  async fill(district: string, station: string, year: string, number: string) {
    await this.district.selectOption(district);
    await expect(this.station.locator(`option[value="${station}"]`)).toHaveCount(1);
    await this.station.selectOption(station);
    await this.year.fill(year);
    await this.number.fill(number);
  }

  /** Fills and searches; answers the API's response to the search. */
  async search(district: string, station: string, year: string, number: string) {
    await this.fill(district, station, year, number);
    const response = this.page.waitForResponse((r) => r.url().includes('/api/v1/firs/'));
    await this.find.click();
    return response;
  }
}
