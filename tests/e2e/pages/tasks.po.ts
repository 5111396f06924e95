import { expect, type Locator, type Page } from '@playwright/test';
import { tenantUrl } from '../support/stack';

type Status = 'todo' | 'in_progress' | 'in_review' | 'done' | 'blocked' | 'cancelled';

/** The task board, list and drawer of one workspace. */
export class TasksPage {
  readonly page: Page;
  readonly slug: string;

  constructor(page: Page, slug: string) {
    this.page = page;
    this.slug = slug;
  }

  gotoBoard() {
    return this.page.goto(tenantUrl(this.slug, '/tasks'));
  }

  gotoList(query = '') {
    return this.page.goto(tenantUrl(this.slug, `/tasks/list${query}`));
  }

  column(status: Status): Locator {
    return this.page.locator(`[data-column="${status}"]`);
  }

  card(title: string): Locator {
    return this.page.locator('[data-card-id]', { hasText: title });
  }

  cardIn(status: Status, title: string): Locator {
    return this.column(status).locator('[data-card-id]', { hasText: title });
  }

  get drawer(): Locator {
    return this.page.getByRole('dialog');
  }

  async createTask(title: string, options: { priority?: string; assignee?: string; labels?: string } = {}) {
    await this.page.getByRole('button', { name: 'New task' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New task' });
    await dialog.getByLabel('Title').fill(title);
    if (options.priority) await this.choose(dialog.getByLabel('Priority'), options.priority);
    if (options.assignee) await this.choose(dialog.getByLabel('Assignee'), options.assignee);
    if (options.labels) await dialog.getByLabel('Labels').fill(options.labels);
    await dialog.getByRole('button', { name: 'Create task' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Space picks the card up, each step is an arrow key, Space drops it. */
  async moveWithKeyboard(title: string, steps: ('ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown')[]) {
    const card = this.card(title);
    await card.focus();
    await this.page.keyboard.press('Space');
    await expect(card).toHaveAttribute('aria-pressed', 'true');
    for (const step of steps) await this.page.keyboard.press(step);
    await this.page.keyboard.press('Space');
  }

  /** Drags with the mouse: press on the card, move over the column in steps, release. */
  async dragTo(title: string, status: Status) {
    const box = await this.column(status).boundingBox();
    if (!box) throw new Error(`column ${status} is not visible`);
    await this.card(title).hover();
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width / 2, box.y + 60, { steps: 12 });
    await this.page.mouse.up();
  }

  async open(title: string) {
    await this.card(title).click();
    await expect(this.drawer.getByRole('heading', { name: title })).toBeVisible();
  }

  async comment(text: string) {
    await this.drawer.getByLabel('Add a comment').fill(text);
    await this.drawer.getByRole('button', { name: 'Comment' }).click();
    await expect(this.drawer.locator('[data-comment]', { hasText: text })).toBeVisible();
  }

  /** Picks an option of a kit Select (Radix) by its label. */
  async choose(trigger: Locator, option: string) {
    await trigger.click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }
}
