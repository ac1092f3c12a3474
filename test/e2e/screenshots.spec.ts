import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  DEMO_EMAIL,
  freshPhoneNumber,
  openWidget,
  reachState,
  serveBundlePages,
  WIDGET_STATES,
  widgetPage,
} from './helpers/bundle-page.js';
import type { LocalServer } from '../helpers/local-server.js';

// The look of every method and step against committed baselines
// (screenshots.spec.ts-snapshots/), so a refactor cannot change it unnoticed.
// Update them on purpose with `npx playwright test screenshots.spec.ts --update-snapshots`.

const SCREENSHOT = { maxDiffPixelRatio: 0.01, animations: 'disabled', caret: 'hide' } as const;

const SCHEMES = [
  { name: 'light', colorScheme: 'light', path: '', lang: 'en' },
  { name: 'dark', colorScheme: 'dark', path: '', lang: 'en' },
  { name: 'rtl', colorScheme: 'light', path: 'ar', lang: 'ar' },
] as const;

let server: LocalServer;

test.beforeAll(async () => {
  const attributes = { 'base-url': `${process.env.AUTH_SERVER_URL}/wunder/v1`, tenant: 'globex' };
  server = await serveBundlePages({
    '/': widgetPage({ attributes }),
    '/ar': widgetPage({ lang: 'ar', dir: 'rtl', attributes }),
    '/de': widgetPage({ lang: 'de', attributes }),
    // A docs page that only knows light (Swagger UI's): the widget must not turn dark on it.
    '/light-only': widgetPage({ attributes, css: ':root { color-scheme: light; } body { background: #f1f5f9; color: #1f2937; }' }),
    '/below': widgetPage({
      attributes,
      after: '<p id="below">Page content below the widget, which an error in the widget must not push down.</p>',
    }),
  });
});

test.afterAll(() => server.close());

/** One page per describe block, reloaded for each view: fast, and no view depends on the last. */
function sharedPage(options: { width: number; colorScheme: 'light' | 'dark' }): () => Page {
  let page: Page;
  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage({ viewport: { width: options.width, height: 1000 }, colorScheme: options.colorScheme });
  });
  test.afterAll(() => page.close());
  return () => page;
}

/** What sticks out sideways: the host or a visible part wider inside than its box, or a part beyond the host. */
function horizontalOverflow(login: Locator): Promise<string[]> {
  return login.evaluate((host) => {
    const problems: string[] = [];
    const hostBox = host.getBoundingClientRect();
    const check = (element: Element, name: string) => {
      // An input's own scrollWidth is its value's text, which scrolls inside it by design.
      const scrollsItsValue = element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement;
      if (!scrollsItsValue && element.clientWidth > 0 && element.scrollWidth > element.clientWidth) {
        problems.push(`${name}: scrollWidth ${element.scrollWidth} > clientWidth ${element.clientWidth}`);
      }
      const box = element.getBoundingClientRect();
      if (box.left < hostBox.left - 0.5 || box.right > hostBox.right + 0.5) {
        problems.push(`${name}: spans ${box.left}–${box.right}, the host ${hostBox.left}–${hostBox.right}`);
      }
    };
    check(host, 'jwt-login');
    for (const element of host.shadowRoot!.querySelectorAll('[part]')) {
      if (element.getClientRects().length > 0) check(element, `[part="${element.getAttribute('part')}"]`);
    }
    return problems;
  });
}

for (const scheme of SCHEMES) {
  test.describe(`${scheme.name} at 480 px`, () => {
    const page = sharedPage({ width: 480, colorScheme: scheme.colorScheme });

    for (const state of WIDGET_STATES) {
      test(`the ${state} view looks as before`, async () => {
        const login = await openWidget(page(), server.url + scheme.path, scheme.lang);
        const mask = await reachState(login, state, { phoneNumber: freshPhoneNumber() });
        await expect(login).toHaveScreenshot(`${scheme.name}-${state}.png`, { ...SCREENSHOT, mask });
      });
    }
  });
}

test.describe('light at 280 px', () => {
  const page = sharedPage({ width: 280, colorScheme: 'light' });

  for (const state of ['password', 'signed-in'] as const) {
    test(`the ${state} view looks as before and nothing overflows sideways`, async () => {
      const login = await openWidget(page(), server.url);
      const mask = await reachState(login, state, { phoneNumber: freshPhoneNumber() });
      expect(await horizontalOverflow(login)).toEqual([]);
      await expect(login).toHaveScreenshot(`narrow-${state}.png`, { ...SCREENSHOT, mask });
    });
  }

  test('no other view overflows sideways', async () => {
    const problems: Record<string, string[]> = {};
    for (const state of WIDGET_STATES.filter((name) => name !== 'password' && name !== 'signed-in')) {
      const login = await openWidget(page(), server.url);
      await reachState(login, state, { phoneNumber: freshPhoneNumber() });
      problems[state] = await horizontalOverflow(login);
    }
    expect(problems).toEqual(Object.fromEntries(Object.keys(problems).map((state) => [state, []])));
  });
});

// The method tabs at 320 px, in the longest language and right to left, light and dark:
// two even rows of two, no label cut or wrapped out of its cell.
const NARROW = [
  { name: 'de-light', colorScheme: 'light', path: 'de', lang: 'de' },
  { name: 'de-dark', colorScheme: 'dark', path: 'de', lang: 'de' },
  { name: 'ar-light', colorScheme: 'light', path: 'ar', lang: 'ar' },
] as const;

for (const narrow of NARROW) {
  test.describe(`${narrow.name} at 320 px`, () => {
    const page = sharedPage({ width: 320, colorScheme: narrow.colorScheme });

    for (const state of ['password', 'field-errors'] as const) {
      test(`the ${state} view looks as before and nothing overflows sideways`, async () => {
        const login = await openWidget(page(), server.url + narrow.path, narrow.lang);
        const mask = await reachState(login, state, { phoneNumber: freshPhoneNumber() });
        expect(await horizontalOverflow(login)).toEqual([]);
        await expect(login).toHaveScreenshot(`narrow-${narrow.name}-${state}.png`, { ...SCREENSHOT, mask });
      });
    }
  });
}

test.describe('a light-only page for a reader who prefers dark', () => {
  const page = sharedPage({ width: 480, colorScheme: 'dark' });

  test('the widget stays light', async () => {
    const login = await openWidget(page(), `${server.url}light-only`);
    await expect(login).toHaveCSS('background-color', 'rgb(255, 255, 255)');
    await expect(login).toHaveScreenshot('light-only-page-dark-reader.png', SCREENSHOT);
  });
});

interface Shift {
  value: number;
  hadRecentInput: boolean;
  sinceSubmit: number;
  sources: { node: string; from: string; to: string }[];
}

/**
 * Submits a wrong password on a page with a paragraph below the widget, the server's
 * answer delayed by `delayMs`, and lists the layout shifts that follow, with what moved.
 */
async function shiftsAfterWrongPassword(page: Page, delayMs: number): Promise<Shift[]> {
  const login = await openWidget(page, `${server.url}below`);
  await login.locator('input[name="email"]').fill(DEMO_EMAIL);
  await login.locator('input[name="password"]').fill('wrong-password');
  if (delayMs > 0) {
    const fault = await fetch(`${process.env.AUTH_SERVER_URL}/_demo/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ match: '/globex/auth/sign-in-email', delayMs }),
    });
    expect(fault.status).toBe(201);
  }
  await page.evaluate(() => {
    const state = window as unknown as { shifts: unknown[]; submittedAt: number };
    state.shifts = [];
    state.submittedAt = performance.now();
    const describe = (node: Node | null) =>
      node instanceof Element
        ? `${node.localName}${node.id ? `#${node.id}` : ''}${node.getAttribute('part') ? `[part="${node.getAttribute('part')}"]` : ''}`
        : node
          ? node.nodeName
          : 'a node in a shadow root'; // the API does not expose those
    const box = (rect: DOMRectReadOnly) => `${rect.x},${rect.y} ${rect.width}×${rect.height}`;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as LayoutShift[]) {
        state.shifts.push({
          value: entry.value,
          hadRecentInput: entry.hadRecentInput,
          sinceSubmit: Math.round(entry.startTime - state.submittedAt),
          sources: entry.sources.map((source) => ({
            node: describe(source.node),
            from: box(source.previousRect),
            to: box(source.currentRect),
          })),
        });
      }
    }).observe({ type: 'layout-shift' });
    interface LayoutShift extends PerformanceEntry {
      value: number;
      hadRecentInput: boolean;
      sources: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
    }
  });
  await login.locator('[part="submit"]').click();
  await expect(login.locator('[part="error"]')).toBeVisible();
  // Layout shifts are reported after the frame that paints them.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100)))));
  return page.evaluate(() => (window as unknown as { shifts: Shift[] }).shifts);
}

// Before the widget kept room for its errors, the alert was inserted above the submit button
// and, answered after 1 s, pushed the page below down by 80 px (CLS 0.0098). Answers within
// 500 ms of the click never count (hadRecentInput), so the server here answers after 1 s.
test('an error answered late shifts nothing around the widget (CLS 0)', async ({ page }) => {
  await page.setViewportSize({ width: 480, height: 1000 });
  const shifts = await shiftsAfterWrongPassword(page, 1000);
  const counted = shifts.filter((shift) => !shift.hadRecentInput);
  const cls = counted.reduce((sum, shift) => sum + shift.value, 0);
  expect(counted, `CLS ${cls}`).toEqual([]);
});
