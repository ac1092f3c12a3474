import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { render } from 'lit';
import type { JWTPayload } from 'jose';
import { loginStyles } from '../../src/components/login/login.styles.js';
import { renderSessionView, sessionViewStyles, type SessionViewState } from '../../src/components/login/session-view.js';
import { copyText } from '../../src/controllers/copy-controller.js';
import type { TokenSet } from '../../src/core/tokens.js';
import { makeJwt } from '../helpers/jwt.js';

const expiresAt = Date.UTC(2030, 0, 15, 12, 30);

function tokenSet(claims: JWTPayload = { sub: 'u-1', name: 'Ada Lovelace', email: 'ada@example.com' }, extra: Partial<TokenSet> = {}): TokenSet {
  return {
    accessToken: makeJwt(claims),
    tokenType: 'Bearer',
    expiresAt,
    claims,
    method: 'password',
    preset: 'wunder',
    tenant: 'acme',
    response: {},
    ...extra,
  };
}

function state(overrides: Partial<SessionViewState> = {}): SessionViewState {
  return {
    tokens: tokenSet(),
    baseUrl: 'https://api.example.com/v1/',
    locale: 'en',
    expiresInSeconds: undefined,
    copied: undefined,
    onCopy: () => {},
    onSignOut: () => {},
    ...overrides,
  };
}

/** Renders the view into a shadow root with the element's styles, as <jwt-login> does. */
async function show(overrides: Partial<SessionViewState> = {}): Promise<{ host: HTMLElement; root: ShadowRoot }> {
  const host = await fixture<HTMLElement>(html`<div></div>`);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [loginStyles.styleSheet!, sessionViewStyles.styleSheet!];
  render(renderSessionView(state(overrides)), root);
  return { host, root };
}

function rerender(root: ShadowRoot, overrides: Partial<SessionViewState>): void {
  render(renderSessionView(state(overrides)), root);
}

function part(root: ShadowRoot, name: string): HTMLElement | null {
  return root.querySelector(`[part~="${name}"]`);
}

function text(root: ShadowRoot, name: string): string {
  return part(root, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function buttonNamed(root: ShadowRoot, name: RegExp): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((candidate) => name.test(candidate.textContent ?? ''));
  if (!found) throw new Error(`no button named ${name}`);
  return found;
}

/** A real click, so the page gets the user activation the clipboard asks for. */
async function realClick(element: HTMLElement): Promise<void> {
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

describe('session view: who is signed in', () => {
  it('names the user by the name claim', async () => {
    const { root } = await show();
    expect(text(root, 'session-user')).to.equal('Signed in as Ada Lovelace.');
  });

  it('falls back to the email claim when there is no name', async () => {
    const { root } = await show({ tokens: tokenSet({ sub: 'u-1', email: 'ada@example.com' }) });
    expect(text(root, 'session-user')).to.equal('Signed in as ada@example.com.');
  });

  it('falls back to the sub claim when there is neither name nor email', async () => {
    const { root } = await show({ tokens: tokenSet({ sub: 'u-1' }) });
    expect(text(root, 'session-user')).to.equal('Signed in as u-1.');
  });

  it('keeps the heading the element focuses after login', async () => {
    const { root } = await show();
    const heading = part(root, 'session-heading')!;
    expect(heading.id).to.equal('jwt-login-session-heading');
    expect(heading.getAttribute('tabindex')).to.equal('-1');
    expect(part(root, 'session')!.getAttribute('aria-labelledby')).to.equal(heading.id);
  });

  it('shows the sign-in method and tenant in a definition list', async () => {
    const { root } = await show();
    const terms = [...part(root, 'session-details')!.querySelectorAll('dt, dd')].map((node) => node.textContent?.trim());
    expect(terms).to.deep.equal(['Sign-in method', 'Password', 'Tenant', 'acme']);
  });

  it("shows when the access token was issued, from its iat claim, as a machine-readable <time>", async () => {
    const iat = Date.UTC(2030, 0, 15, 11, 30, 5) / 1000;
    const { root } = await show({ tokens: tokenSet({ sub: 'u-1', iat }), locale: 'fr' });
    const terms = [...part(root, 'session-details')!.querySelectorAll('dt, dd')].map((node) => node.textContent?.trim());
    const issued = new Intl.DateTimeFormat('fr', { dateStyle: 'medium', timeStyle: 'medium' }).format(iat * 1000);
    expect(terms).to.deep.equal(['Sign-in method', 'Password', 'Tenant', 'acme', 'Issued', issued]);
    expect(part(root, 'session-details')!.querySelector('time')!.getAttribute('datetime')).to.equal('2030-01-15T11:30:05.000Z');
  });

  it('leaves the issue time out when iat is missing, not a number, or past the dates a browser can show', async () => {
    for (const iat of [undefined, '1700000000', 1e13]) {
      const { root } = await show({ tokens: tokenSet({ sub: 'u-1', ...(iat === undefined ? {} : { iat }) } as JWTPayload) });
      expect(text(root, 'session-details')).to.equal('Sign-in method Password Tenant acme');
    }
  });

  it('leaves the tenant out when the token set has none', async () => {
    const { root } = await show({ tokens: tokenSet(undefined, { tenant: undefined, method: 'external-token' }) });
    expect(text(root, 'session-details')).to.equal('Sign-in method External token');
  });

  it('calls onSignOut when Sign out is pressed', async () => {
    let signedOut = 0;
    const { root } = await show({ onSignOut: () => signedOut++ });
    buttonNamed(root, /sign out/i).click();
    expect(signedOut).to.equal(1);
  });
});

describe('session view: expiry', () => {
  it('counts down in hours and minutes with five hours left', async () => {
    const { root } = await show({ expiresInSeconds: 5 * 3600 });
    expect(text(root, 'session-countdown')).to.equal('Expires in 5 h 0 min');
  });

  it('counts down in hours and minutes just under five hours', async () => {
    const { root } = await show({ expiresInSeconds: 5 * 3600 - 1 });
    expect(text(root, 'session-countdown')).to.equal('Expires in 4 h 59 min');
  });

  it('counts down in minutes with ten minutes left', async () => {
    const { root } = await show({ expiresInSeconds: 600 });
    expect(text(root, 'session-countdown')).to.equal('Expires in 10 min');
  });

  it('counts down in whole minutes under ten minutes', async () => {
    const { root } = await show({ expiresInSeconds: 9 * 60 + 12 });
    expect(text(root, 'session-countdown')).to.equal('Expires in 9 min');
  });

  it('counts down in seconds under a minute', async () => {
    const { root } = await show({ expiresInSeconds: 42 });
    expect(text(root, 'session-countdown')).to.equal('Expires in 42 s');
  });

  it('rounds a part second up rather than claiming expiry early', async () => {
    const { root } = await show({ expiresInSeconds: 0.4 });
    expect(text(root, 'session-countdown')).to.equal('Expires in 1 s');
  });

  it('says Expired at zero seconds or less', async () => {
    const { root } = await show({ expiresInSeconds: 0 });
    expect(text(root, 'session-countdown')).to.equal('Expired');
    rerender(root, { expiresInSeconds: -30 });
    expect(text(root, 'session-countdown')).to.equal('Expired');
  });

  it('omits the countdown when the time left is unknown', async () => {
    const { root } = await show({ expiresInSeconds: undefined });
    expect(part(root, 'session-countdown')).to.equal(null);
  });

  it('does not announce the countdown as a live region', async () => {
    const { root } = await show({ expiresInSeconds: 42 });
    const live = part(root, 'session-countdown')!.closest('[role="status"], [role="alert"], [role="timer"], [aria-live]');
    expect(live).to.equal(null);
  });

  it('keeps the absolute time the access stays valid until, formatted for the locale', async () => {
    const { root } = await show({ expiresInSeconds: 42, locale: 'de' });
    const until = new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeStyle: 'short' }).format(expiresAt);
    expect(text(root, 'session-expiry')).to.equal(`Access valid until ${until}.`);
    expect(part(root, 'session-expiry')!.querySelector('time')!.getAttribute('datetime')).to.equal(new Date(expiresAt).toISOString());
  });
});

describe('session view: claims', () => {
  it('shows the claims as JSON text inside closed details', async () => {
    const claims = { sub: 'u-1', name: 'Ada Lovelace', roles: ['reader'], exp: 1_900_000_000 };
    const { root } = await show({ tokens: tokenSet(claims) });
    const details = part(root, 'claims') as HTMLDetailsElement;
    expect(details.localName).to.equal('details');
    expect(details.open).to.equal(false);
    expect(details.querySelector('summary')!.textContent!.trim()).to.equal('Token claims');
    expect(details.querySelector('pre')!.textContent).to.equal(JSON.stringify(claims, null, 2));
  });

  it('renders a claim value containing markup as text, creating no element', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const { root } = await show({ tokens: tokenSet({ sub: 'u-1', name: payload }) });
    (part(root, 'claims') as HTMLDetailsElement).open = true;
    expect(part(root, 'claims-json')!.textContent).to.contain(payload);
    expect(text(root, 'session-user')).to.equal(`Signed in as ${payload}.`);
    expect(root.querySelector('img')).to.equal(null);
  });

  it('wraps a long claim value instead of scrolling sideways', async () => {
    const { root } = await show({ tokens: tokenSet({ sub: 'u-1', scope: 'x'.repeat(2000) }) });
    (part(root, 'claims') as HTMLDetailsElement).open = true;
    const pre = part(root, 'claims-json')!;
    expect(pre.scrollWidth).to.be.at.most(pre.clientWidth);
    expect(pre.clientHeight).to.be.below(pre.scrollHeight);
  });
});

describe('session view: hostile claims', () => {
  it('shows claims nested 20,000 deep without throwing, cut short where they get too deep', async () => {
    let claims: JWTPayload = { sub: 'u-1' };
    for (let depth = 0; depth < 20_000; depth += 1) claims = { sub: 'u-1', nested: claims };
    // As decoded from the token (jose cannot encode it: that would overflow the stack too).
    const { root } = await show({ tokens: { ...tokenSet(), claims } });
    expect(part(root, 'session')).to.not.equal(null);
    expect(part(root, 'claims-json')!.textContent).to.contain('"nested": "…"');
  });

  it('leaves out the valid-until date for an exp past the last date there is (exp: 1e13)', async () => {
    const { root } = await show({ tokens: tokenSet({ sub: 'u-1', exp: 1e13 }, { expiresAt: 1e16 }) });
    expect(part(root, 'session')).to.not.equal(null);
    expect(part(root, 'session-expiry')).to.equal(null);
  });

  it('does not let a 100,000-character name widen the page', async () => {
    const { host, root } = await show({ tokens: tokenSet({ sub: 'u-1', name: 'W'.repeat(100_000) }) });
    const user = part(root, 'session-user')!;
    expect(user.scrollWidth).to.be.at.most(host.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
    expect(user.textContent!.length).to.be.below(200);
  });

  it('isolates the name, so a right-to-left override (U+202E) inside cannot reorder the sentence', async () => {
    const name = 'Ada \u202Eecalevol';
    const { root } = await show({ tokens: tokenSet({ sub: 'u-1', name }) });
    const isolated = part(root, 'session-user')!.querySelector('bdi');
    expect(isolated).to.not.equal(null);
    expect(isolated!.textContent).to.equal(name);
    expect(text(root, 'session-user')).to.equal(`Signed in as ${name}.`);
  });
});

describe('session view: copying', () => {
  const tokens = tokenSet();
  const buttons = [
    ['copy-token', /^\s*copy access token\s*$/i, 'token', tokens.accessToken],
    ['copy-header', /^\s*copy authorization header\s*$/i, 'header', `Bearer ${tokens.accessToken}`],
    ['copy-curl', /^\s*copy as curl\s*$/i, 'curl', `curl -H 'Authorization: Bearer ${tokens.accessToken}' 'https://api.example.com/v1/'`],
  ] as const;
  for (const [name, label, what, copied] of buttons) {
    it(`calls onCopy with ${what} and the text to copy when its button (${name}) is pressed`, async () => {
      const copies: Array<[string, string]> = [];
      const { root } = await show({ tokens, onCopy: (...copy) => copies.push(copy) });
      expect(part(root, name)).to.equal(buttonNamed(root, label));
      part(root, name)!.click();
      expect(copies).to.deep.equal([[what, copied]]);
    });
  }

  it('has an empty polite status region from the first render', async () => {
    const { root } = await show();
    const status = part(root, 'copy-status')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent!.trim()).to.equal('');
  });

  const messages = [
    ['token', 'Access token copied.'],
    ['header', 'Authorization header copied.'],
    ['curl', 'curl command copied.'],
    ['failed', 'Copying failed: select and copy the token instead.'],
  ] as const;
  for (const [copied, message] of messages) {
    it(`says "${message}" in the same status region when copied is ${copied}`, async () => {
      const { root } = await show();
      const status = part(root, 'copy-status');
      rerender(root, { copied });
      expect(part(root, 'copy-status')).to.equal(status);
      expect(text(root, 'copy-status')).to.equal(message);
    });
  }

  it('shows no token field until a copy fails', async () => {
    const { root } = await show({ copied: 'token' });
    expect(part(root, 'token')).to.equal(null);
  });

  it('offers the access token in a read-only labelled field after a failed copy, never in an attribute', async () => {
    const tokens = tokenSet();
    const { root } = await show({ tokens, copied: 'failed' });
    const field = part(root, 'token') as HTMLTextAreaElement;
    expect(field.readOnly).to.equal(true);
    expect(field.value).to.equal(tokens.accessToken);
    expect(field.labels[0]!.textContent!.trim()).to.equal('Access token');
    expect(root.innerHTML).not.to.contain(tokens.accessToken);
  });

  // Headless Chromium here grants a clipboard write only during a user gesture, and never
  // grants a read: so the test clicks for real and reads the clipboard back by pasting.
  it('copyText writes the curl command to the clipboard when Copy as curl is clicked', async () => {
    const tokens = tokenSet();
    let written: Promise<boolean> | undefined;
    const { root } = await show({ tokens, onCopy: (_what, copied) => (written = copyText(copied)) });
    await realClick(part(root, 'copy-curl')!);
    expect(await written).to.equal(true);
    const paste = document.createElement('textarea');
    document.body.append(paste);
    paste.focus();
    await sendKeys({ press: 'Control+V' });
    paste.remove();
    expect(paste.value).to.equal(`curl -H 'Authorization: Bearer ${tokens.accessToken}' 'https://api.example.com/v1/'`);
  });

  it('copyText resolves false, without throwing, when the browser refuses the write', async () => {
    // What Chromium does outside a user gesture. Stubbed, because a real refusal depends on
    // whether an earlier test's click left the page's user activation still running.
    const refuse = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    Object.defineProperty(navigator.clipboard, 'writeText', { value: refuse, configurable: true });
    try {
      expect(await copyText('refused')).to.equal(false);
    } finally {
      delete (navigator.clipboard as { writeText?: unknown }).writeText;
    }
  });

  it('copyText resolves false when there is no clipboard API, as on a page served over http', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    try {
      expect(await copyText('no clipboard')).to.equal(false);
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });
});

describe('session view: accessibility', () => {
  it('is accessible when first shown', async () => {
    const { host } = await show({ expiresInSeconds: 600 });
    await expect(host).to.be.accessible();
  });

  it('is accessible with the claims open and the token field shown after a failed copy', async () => {
    const { host, root } = await show({ expiresInSeconds: 0, copied: 'failed' });
    (part(root, 'claims') as HTMLDetailsElement).open = true;
    await expect(host).to.be.accessible();
  });

  it('gives the copy buttons and the claims summary targets at least 44px tall', async () => {
    const { root } = await show();
    for (const name of ['copy-token', 'copy-header', 'claims-summary', 'sign-out']) {
      expect(part(root, name)!.getBoundingClientRect().height, name).to.be.at.least(44);
    }
  });
});
