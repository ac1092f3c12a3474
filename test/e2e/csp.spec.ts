import { expect, test } from '@playwright/test';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { distAsset } from './helpers/bundle-page.js';

// The strictest page we promise to work on: no inline script or style, no eval,
// Trusted Types required. The API is reached on the page's own origin (a proxy to
// the stand-in), as default-src 'self' allows nothing else.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";

let server: Server;
let pageUrl: string;

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Both deliveries: the single file, and the split build's entry, whose chunks load themselves. */
const DELIVERIES = { 'single file': '/assets/jwt-login.bundle.js', 'split build': '/assets/cdn/jwt-login.js' };

const pageWith = (script: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Strict CSP</title>
<script type="module" src="${script}"></script></head>
<body><main><jwt-login base-url="/wunder/v1" tenant="globex" methods="password"></jwt-login></main></body></html>`;

test.beforeAll(async () => {
  server = createServer(async (request, response) => {
    const url = request.url ?? '/';
    if (url.startsWith('/wunder/')) {
      const body = request.method === 'GET' ? undefined : await readBody(request);
      const answer = await fetch(`${process.env.AUTH_SERVER_URL}${url}`, {
        method: request.method,
        headers: { 'Content-Type': request.headers['content-type'] ?? 'application/json' },
        ...(body ? { body: body.toString('utf8') } : {}),
      });
      response.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'application/json' });
      response.end(Buffer.from(await answer.arrayBuffer()));
    } else if (distAsset(url)) {
      response.writeHead(200, { 'Content-Type': 'text/javascript', 'Content-Security-Policy': CSP }).end(distAsset(url));
    } else if (url.startsWith('/?script=')) {
      const script = decodeURIComponent(url.slice('/?script='.length));
      response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Security-Policy': CSP }).end(pageWith(script));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

for (const [delivery, script] of Object.entries(DELIVERIES)) {
  test(`${delivery}: a full login, error and logout cause zero CSP or Trusted Types violations`, async ({ page }) => {
    const reported: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Trusted ?Type/i.test(message.text())) reported.push(message.text());
    });
    await page.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { violations: string[] }).violations = violations;
      document.addEventListener('securitypolicyviolation', (event) =>
        violations.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${pageUrl}?script=${encodeURIComponent(script)}`);
    const login = page.locator('jwt-login');
    await login.getByLabel(/e-?mail/i).fill('demo@example.com');
    await login.getByLabel(/password/i).fill('wrong-password');
    await login.getByRole('button', { name: /sign in/i }).click();
    await expect(login.getByRole('alert')).toContainText(/not accepted/);
    await login.getByLabel(/password/i).fill('demo-password');
    await login.getByRole('button', { name: /sign in/i }).click();
    await expect(login.locator('[part="session"]')).toContainText('Dana Demo');
    await login.getByText('Token claims').click();
    await login.getByRole('button', { name: /sign out/i }).click();
    await expect(login.getByLabel(/e-?mail/i)).toBeVisible();
    const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    expect([...violations, ...reported]).toEqual([]);
    // The split build loaded its chunks itself (the session, its view, the client), under the same policy.
    if (delivery === 'split build') expect(scripts.filter((path) => path.startsWith('/assets/cdn/chunks/')).length).toBeGreaterThan(2);
  });
}
