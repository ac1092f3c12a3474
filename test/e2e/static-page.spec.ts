import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signInAsDemo } from './helpers/bundle-page.js';

// A docs site on its own origin with nothing but the bundle and the tag: the API is cross-origin.
let server: Server;
let pageUrl: string;

test.beforeAll(async () => {
  const bundle = readFileSync('dist/jwt-login.bundle.js');
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Docs</title>
<script type="module" src="/assets/jwt-login.bundle.js"></script></head>
<body><jwt-login base-url="${process.env.AUTH_SERVER_URL}/wunder/v1" tenant="acme"></jwt-login></body></html>`;
  server = createServer((request, response) => {
    if (request.url === '/assets/jwt-login.bundle.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundle);
    } else if (request.url === '/') {
      response.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://localhost:${(server.address() as AddressInfo).port}/`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('a static page with only the bundle and the tag signs in cross-origin', async ({ page }) => {
  await page.goto(pageUrl);
  const login = page.locator('jwt-login');
  const loginEvent = page.evaluate(
    () => new Promise<string>((resolve) => document.addEventListener('login', (event) => resolve((event as CustomEvent).detail.accessToken))),
  );
  await signInAsDemo(login);
  await expect(login.locator('[part="session"]')).toContainText('Dana Demo');
  expect((await loginEvent).split('.')).toHaveLength(3);
  expect(new URL(pageUrl).origin).not.toBe(new URL(process.env.AUTH_SERVER_URL!).origin);
});
