import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const viewports = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;
export const themes = ['light', 'dark'] as const;

export interface MatrixCell {
  identity: string;
  page: string;
  viewport: (typeof viewports)[number]['name'];
  theme: (typeof themes)[number];
  status: number;
  expectedStatus: number;
  /** How far the document is wider than the viewport, in CSS pixels (0 = no sideways scroll). */
  overflow: number;
  /** Serious and critical axe violations, as "rule-id (n nodes)". */
  violations: string[];
}

export interface MatrixPage {
  label: string;
  url: string;
  /** The status the page answers with on purpose (404 pages); 200 otherwise. */
  status?: number;
}

/**
 * Opens `url` once, then measures it at every viewport × theme (resizing and switching
 * the system colour scheme in place, as a person rotating a phone or changing their OS
 * theme would): horizontal overflow and serious/critical axe violations (WCAG 2.x A/AA).
 */
export async function auditPage(
  page: Page,
  identity: string,
  { label, url, status = 200 }: MatrixPage,
  screenshotPath?: (name: string) => string,
): Promise<MatrixCell[]> {
  const cells: MatrixCell[] = [];
  await page.setViewportSize(viewports[0]);
  await page.emulateMedia({ colorScheme: themes[0], reducedMotion: 'reduce' });
  const response = await page.goto(url, { waitUntil: 'load' });
  await page.locator('h1').first().waitFor({ state: 'visible' });
  for (const viewport of viewports) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    for (const theme of themes) {
      // The app follows the system theme by default (next-themes, defaultTheme "system").
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      await page.waitForFunction((dark) => document.documentElement.classList.contains('dark') === dark, theme === 'dark');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (screenshotPath) await page.screenshot({ path: screenshotPath(`${label}-${viewport.name}-${theme}`), fullPage: true });
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const violations = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.nodes.length}: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')})`);
      cells.push({ identity, page: label, viewport: viewport.name, theme, status: response?.status() ?? 0, expectedStatus: status, overflow: Math.max(0, overflow), violations });
    }
  }
  return cells;
}

/** The matrix as a markdown table, one row per page × identity, one column per viewport × theme. */
export function matrixTable(cells: MatrixCell[]): string {
  const columns = viewports.flatMap((v) => themes.map((t) => `${v.name} ${t}`));
  const rows = new Map<string, MatrixCell[]>();
  for (const cell of cells) rows.set(`${cell.page} | ${cell.identity}`, [...(rows.get(`${cell.page} | ${cell.identity}`) ?? []), cell]);
  const lines = [`| page | identity | ${columns.join(' | ')} |`, `|---|---|${columns.map(() => '---').join('|')}|`];
  for (const [key, row] of rows) {
    const marks = columns.map((column) => {
      const cell = row.find((c) => `${c.viewport} ${c.theme}` === column);
      if (!cell) return '–';
      const problems = [cell.status !== cell.expectedStatus ? `status ${cell.status}` : '', cell.overflow > 0 ? `overflow ${cell.overflow}px` : '', cell.violations.length ? `axe ${cell.violations.length}` : ''].filter(Boolean);
      return problems.length ? problems.join(', ') : 'ok';
    });
    lines.push(`| ${key} | ${marks.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Cells with a problem, one line each, for the failure message. */
export const problemsOf = (cells: MatrixCell[]) =>
  cells
    .filter((c) => c.overflow > 0 || c.violations.length > 0 || c.status !== c.expectedStatus)
    .map((c) => `${c.page} as ${c.identity} (${c.viewport}, ${c.theme}): status ${c.status}, overflow ${c.overflow}px, ${c.violations.join('; ') || 'no axe violations'}`);
