import { expect, type Locator, type Page } from '@playwright/test';
import { t, type Lang } from '../locales';
import { AppShell } from './AppShell';

/** The home page: title and the grid of service cards. */
export class HomePage extends AppShell {
  readonly cards: Locator;

  constructor(page: Page) {
    super(page);
    this.cards = this.main.locator('a[data-testid="service-card"]');
  }

  async open() {
    await this.goto('/');
  }

  card(slug: string): Locator {
    return this.main.locator(`a[data-testid="service-card"][href="/${slug}"]`);
  }

  cardHeading(card: Locator): Locator {
    return card.locator('h2, h3');
  }

  async expectTitle(lang: Lang) {
    await expect(this.h1).toHaveText(t(lang, 'home.title'));
  }
}
