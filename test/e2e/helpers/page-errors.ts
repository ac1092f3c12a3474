import type { Page } from '@playwright/test';

/**
 * Collects what `page` throws and the errors it logs (with `warnings`, its warnings too), for a
 * test to expect none: the array fills as the page runs.
 */
export function collectPageErrors(page: Page, { warnings = false } = {}): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || (warnings && message.type() === 'warning')) errors.push(message.text());
  });
  return errors;
}
