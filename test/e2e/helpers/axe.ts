import type { Page } from '@playwright/test';
import { createRequire } from 'node:module';

// axe-core (WCAG 2.0, 2.1 and 2.2, A and AA), shadow roots included.
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The WCAG violations axe finds in the page, or only in the elements matching `include`. */
export async function violations(page: Page, include?: string[]): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(
    async ({ tags, include }) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
      const context = include ? { include: include.map((selector) => [selector]) } : document;
      const result = await axe.run(context, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
    },
    { tags: TAGS, include },
  );
}
