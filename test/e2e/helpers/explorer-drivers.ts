import { expect, type Page } from '@playwright/test';
import type { AuthServer } from '../../../demo/server/index.js';
import type { LoggedRequest } from '../../../demo/server/request-log.js';

/** The call every explorer's Try-it sends: GET /front/customers/me of the Wunder API, tenant acme. */
export const PROTECTED_PATH = '/wunder/v1/acme/front/customers/me';

/** How a reader works one explorer: wait for its document, send GET /front/customers/me from its Try-it. */
export interface ExplorerDriver {
  name: string;
  /** The docs page under demo/docs/. */
  page: string;
  /** Resolves once the explorer shows the API document. */
  ready(page: Page): Promise<void>;
  /** Sends the call from the explorer's own UI (opening its Try-it the first time). */
  send(page: Page): Promise<void>;
}

const swaggerUI: ExplorerDriver = {
  name: 'Swagger UI',
  page: 'swagger-ui.html',
  async ready(page) {
    await expect(page.locator('#operations-Customers-getCurrentCustomer')).toBeVisible();
  },
  async send(page) {
    const operation = page.locator('#operations-Customers-getCurrentCustomer');
    const execute = operation.getByRole('button', { name: 'Execute' });
    if (!(await execute.isVisible())) {
      await operation.locator('.opblock-summary-control').click();
      await operation.getByRole('button', { name: 'Try it out' }).click();
    }
    await execute.click();
  },
};

const rapiDoc: ExplorerDriver = {
  name: 'RapiDoc',
  page: 'rapidoc.html',
  async ready(page) {
    await expect(page.locator('[id="get-/front/customers/me"]')).toBeVisible();
  },
  // RapiDoc disables TRY while a request is out and then prints "Response Status: …";
  // waiting for that keeps one send from overlapping the next action. TRY is pressed from
  // the keyboard: in read mode RapiDoc may scroll the page under a pointer click.
  async send(page) {
    const operation = page.locator('[id="get-/front/customers/me"]');
    const tryButton = operation.getByRole('button', { name: 'TRY' });
    await expect(tryButton).toBeEnabled();
    await tryButton.focus();
    await page.keyboard.press('Enter');
    await expect(operation.locator('.response-message')).toContainText(/\b(200|401)\b/);
    await expect(tryButton).toBeEnabled();
  },
};

const scalar: ExplorerDriver = {
  name: 'Scalar',
  page: 'scalar.html',
  async ready(page) {
    await expect(page.getByRole('heading', { name: 'Get the signed-in customer' })).toBeVisible();
  },
  // Test Request opens Scalar's client in a modal; it is closed again after each send so the
  // widget stays reachable.
  async send(page) {
    const operation = page.locator('section', { has: page.getByRole('heading', { name: 'Get the signed-in customer' }) });
    await operation.getByRole('button', { name: /test request/i }).click();
    const client = page.getByRole('dialog');
    await client.getByRole('button', { name: /^send get request/i }).click();
    await expect(client.getByRole('link', { name: /^(200 OK|401 Unauthorized)$/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(client).toBeHidden();
  },
};

const stoplightElements: ExplorerDriver = {
  name: 'Stoplight Elements',
  page: 'stoplight-elements.html',
  async ready(page) {
    // Elements routes by hash (router="hash"): the operation's own link.
    await page.evaluate(() => (location.hash = '#/operations/getCurrentCustomer'));
    await expect(page.getByRole('heading', { name: 'Get the signed-in customer' })).toBeVisible();
  },
  async send(page) {
    await page.getByRole('button', { name: 'Send API Request' }).click();
  },
};

export const EXPLORERS: ExplorerDriver[] = [swaggerUI, stoplightElements, scalar, rapiDoc];

/**
 * Sends a GET from the explorer's own Try-it and returns what the stand-in `auth` received:
 * by default the protected call, waiting as long as `expect.poll` does.
 */
export async function tryIt(
  page: Page,
  explorer: Pick<ExplorerDriver, 'name' | 'send'>,
  auth: AuthServer,
  { path = PROTECTED_PATH, timeout }: { path?: string; timeout?: number } = {},
): Promise<LoggedRequest> {
  auth.requests.clear();
  const seen = () => auth.requests.list().find((entry) => entry.method === 'GET' && entry.path === path);
  await explorer.send(page);
  await expect.poll(() => seen()?.status, { message: `${explorer.name} sent ${path}`, timeout }).toBeDefined();
  return seen()!;
}
