import { chromium, expect, test } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '../../scripts/browser.mjs';
import { signInAsDemo } from './helpers/bundle-page.js';

// What Chromium's own password manager sees of the form in the shadow root, read from its
// chrome://password-manager-internals log (the evidence behind the README's decision).
let server: Server;
let pageUrl: string;

test.beforeAll(async () => {
  const bundle = readFileSync('dist/jwt-login.bundle.js');
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="/jwt-login.bundle.js"></script></head>
<body><jwt-login base-url="${process.env.AUTH_SERVER_URL}/wunder/v1" tenant="globex" methods="password"></jwt-login></body></html>`;
  server = createServer((request, response) => {
    if (request.url === '/jwt-login.bundle.js') response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundle);
    else response.writeHead(200, { 'Content-Type': 'text/html' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://localhost:${(server.address() as AddressInfo).port}/`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('Chromium’s password manager finds the shadow-DOM form, its fields, and the submitted credentials', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'jwt-login-profile-'));
  const context = await chromium.launchPersistentContext(profile, chromiumLaunchOptions());
  try {
    const internals = await context.newPage();
    await internals.goto('chrome://password-manager-internals');
    const page = await context.newPage();
    await page.goto(pageUrl);
    const login = page.locator('jwt-login');
    await signInAsDemo(login);
    await expect(login.locator('[part="session"]')).toBeVisible();
    const log = await internals.locator('body').innerText();
    expect(log).toContain('Form is a password form');
    expect(log).toMatch(/email: .*type=email.*autocomplete=username/);
    expect(log).toMatch(/password: .*type=password.*autocomplete=current-password/);
    // On submit it holds the typed credentials, ready to offer saving them.
    expect(log).toContain('PasswordManager::ProvisionallySaveForm');
    expect(log).toMatch(/password: .*type=password, renderer_id=\d+, visible, non-empty/);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
