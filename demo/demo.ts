// The demo page: one widget per preset, the demo credentials, the events as they fire
// and the OTP outbox. Built with DOM APIs only (no innerHTML), so it runs under a strict CSP.
import '../src/define.js';
import { authServer } from './auth-server.js';
import type { JwtLogin } from '../src/components/login/login.js';
import { element, logWidgetEvents } from './event-log.js';
import type { EndpointsOverride } from '../src/core/presets.js';
// The JSON text exactly as a docs author embeds it in a <script type="application/json">.
import genericSessionApi from './apis/generic-session.json?raw';

interface DemoInfo {
  apis: { wunder: string; datarhei: string; authLogin: string; exampleId: string; generic: string };
  credentials: {
    wunder: {
      tenants: { signed: string; unsigned: string };
      email: string;
      password: string;
      clientId: string;
      clientKey: string;
      phoneNumber: string;
    };
    datarhei: { username: string; password: string };
    authLogin: { username: string; email: string; password: string; unvalidatedUsername: string };
    exampleId: { login: string; secret: string };
    generic: { email: string; password: string };
  };
}

/** Example ID is no preset: `endpoints` and `headers` alone wire it up (see the README). */
const EXAMPLE_ID_ENDPOINTS: EndpointsOverride = {
  methods: {
    password: { submit: { method: 'PUT', path: '/v2/sessions', body: { username: 'login', password: 'secret' } } },
  },
  refresh: { method: 'POST', path: '/v2/sessions/renew', body: { refreshToken: 'renewal' } },
  response: { accessToken: 'token', refreshToken: 'renewal', expiresIn: 'ttl' },
  usernameTakesAnyIdentifier: false,
};

interface OutboxMessage {
  channel: 'sms' | 'email';
  to: string;
  code: string;
  tenant?: string;
  sentAt: string;
}



/** A host page's own content in the widget: a logo and heading above, help links below, an account link when signed in. */
function brandedSlots(): HTMLElement[] {
  const link = (text: string, href: string) => element('a', { text, attributes: { href } });
  return [
    element(
      'div',
      { className: 'widget-header', attributes: { slot: 'header' } },
      element('span', { text: '◆', className: 'widget-logo', attributes: { 'aria-hidden': 'true' } }),
      ' ',
      element('strong', { text: 'Acme API docs' }),
    ),
    element('p', { className: 'widget-footer', attributes: { slot: 'footer' } }, link('Forgot password?', '#forgot-password'), ' · ', link('Create an account', '#sign-up')),
    element('p', { className: 'widget-footer', attributes: { slot: 'session-footer' } }, link('Your account', '#account')),
  ];
}

function credentialsList(rows: Array<[string, string]>): HTMLDListElement {
  return element(
    'dl',
    { className: 'credentials' },
    ...rows.flatMap(([term, value]) => [element('dt', { text: term }), element('dd', {}, element('code', { text: value }))]),
  );
}

interface CardOptions {
  id: string;
  title: string;
  description: string;
  attributes: Record<string, string>;
  credentials: Array<[string, string]>;
  /** Properties set before the widget is connected. */
  configure?: (login: JwtLogin) => void;
  /** The API's configuration as JSON text, in a child script: no JavaScript needed. */
  inlineConfig?: string;
  /** Extra controls under the widget. */
  extra?: (login: JwtLogin) => Node;
  /** Content for the widget's slots (header, footer, session-footer). */
  slotted?: () => HTMLElement[];
}

function widgetCard(card: CardOptions): HTMLElement {
  const login = document.createElement('jwt-login') as JwtLogin;
  for (const [name, value] of Object.entries(card.attributes)) login.setAttribute(name, value);
  login.dataset['demo'] = card.id;
  card.configure?.(login);
  if (card.slotted) login.append(...card.slotted());
  // Appended as a text node: setting a script's textContent is a Trusted Types sink, whatever its type.
  if (card.inlineConfig) login.append(element('script', { attributes: { type: 'application/json' } }, card.inlineConfig));
  return element(
    'section',
    { className: 'card', attributes: { 'aria-labelledby': `${card.id}-heading` } },
    element('h2', { text: card.title, attributes: { id: `${card.id}-heading` } }),
    element('p', { text: card.description, className: 'muted' }),
    credentialsList(card.credentials),
    login,
    ...(card.extra ? [card.extra(login)] : []),
  );
}

/** datarhei's Auth0 login, simulated: a token from the stand-in's fake Auth0 tenant, exchanged with loginWithToken. */
function auth0Button(login: JwtLogin): HTMLElement {
  const button = element('button', { text: 'Sign in with Auth0 (simulated)', className: 'secondary', attributes: { type: 'button' } });
  button.addEventListener('click', async () => {
    const response = await fetch(`${authServer}/_demo/auth0-token?sub=auth0%7Cdemo-reader`);
    const { token } = (await response.json()) as { token: string };
    // Failures are shown by the widget and fired as login-error.
    await login.loginWithToken(token).catch(() => undefined);
  });
  return element('p', { className: 'extra' }, button);
}



function showOutboxMessage(message: OutboxMessage): void {
  const entry = element(
    'li',
    {},
    element('time', { text: new Date(message.sentAt).toLocaleTimeString() }),
    ' ',
    element('strong', { text: message.channel === 'sms' ? 'SMS' : 'E-mail' }),
    ` to ${message.to}: `,
    element('code', { text: message.code, className: 'otp-code' }),
  );
  document.getElementById('outbox')!.prepend(entry);
}

function followOutbox(): void {
  const source = new EventSource(`${authServer}/_demo/outbox/events`);
  source.addEventListener('message', (event) => showOutboxMessage(JSON.parse(event.data) as OutboxMessage));
}

async function main(): Promise<void> {
  const status = document.getElementById('status')!;
  let info: DemoInfo;
  try {
    const response = await fetch(`${authServer}/_demo/info`);
    info = (await response.json()) as DemoInfo;
  } catch {
    status.textContent = `The stand-in auth server at ${authServer} is not answering. Start the demo with "npm run demo".`;
    status.classList.add('error');
    return;
  }
  status.textContent = `Stand-in auth server: ${authServer}`;
  logWidgetEvents(document.getElementById('events') as HTMLOListElement);
  const { wunder, datarhei, authLogin, exampleId, generic } = info.credentials;
  document.getElementById('widgets')!.append(
    widgetCard({
      id: 'wunder',
      title: 'Wunder platform',
      description: 'preset="wunder" with all four methods. OTP codes appear in the outbox on this page.',
      attributes: { 'base-url': info.apis.wunder, tenant: wunder.tenants.unsigned, preset: 'wunder' },
      credentials: [
        ['tenant', wunder.tenants.unsigned],
        ['E-mail', wunder.email],
        ['Password', wunder.password],
        ['Client ID', wunder.clientId],
        ['Client key', wunder.clientKey],
        ['Phone / e-mail', 'any; the code arrives in the outbox'],
      ],
    }),
    widgetCard({
      id: 'wunder-signed',
      title: 'Wunder, signed OTP requests',
      description:
        'No tenant attribute, so the form asks for it; signing-key signs the code requests, which tenant acme requires.',
      attributes: {
        'base-url': info.apis.wunder,
        preset: 'wunder',
        methods: 'phone-otp email-otp',
        'signing-key': 'demo-signing-key',
        'branch-id': '42',
      },
      credentials: [
        ['Tenant', wunder.tenants.signed],
        ['Phone', wunder.phoneNumber],
        ['signing-key', 'demo-signing-key'],
      ],
    }),
    widgetCard({
      id: 'datarhei',
      title: 'datarhei Core',
      description:
        'preset="datarhei": user name + password against /api/login. A wrong password is answered after a deliberate 5 s delay.',
      attributes: { 'base-url': info.apis.datarhei, preset: 'datarhei' },
      credentials: [
        ['User name', datarhei.username],
        ['Password', datarhei.password],
      ],
      extra: auth0Button,
    }),
    widgetCard({
      id: 'auth-login',
      title: 'The /auth/login API',
      description:
        'preset="auth-login": the user name may also be the e-mail or phone number. Try the unvalidated account for an account-not-validated error.',
      // Under the card's h2, the signed-in view's heading is an h3.
      attributes: { 'base-url': info.apis.authLogin, preset: 'auth-login', 'heading-level': '3' },
      credentials: [
        ['User name', `${authLogin.username} or ${authLogin.email}`],
        ['Password', authLogin.password],
        ['Unvalidated account', authLogin.unvalidatedUsername],
      ],
      slotted: brandedSlots,
    }),
    widgetCard({
      id: 'example-id',
      title: 'Any other JWT API',
      description:
        'Example ID is no preset: the endpoints and headers properties wire it up (PUT /v2/sessions, X-Api-Version: 2, token/renewal/ttl fields).',
      attributes: { 'base-url': info.apis.exampleId, preset: 'auth-login' },
      credentials: [
        ['User name', exampleId.login],
        ['Password', exampleId.secret],
      ],
      configure(login) {
        login.endpoints = EXAMPLE_ID_ENDPOINTS;
        login.headers = { 'X-Api-Version': '2' };
      },
    }),
    widgetCard({
      id: 'generic-session',
      title: 'Any other JWT API, in JSON',
      description:
        'preset="custom" and a child <script type="application/json">, no JavaScript: a nested JSON body with a constant, the token nested in the answer with an absolute expiry, the refresh token in an httpOnly cookie, sign-out revokes it.',
      attributes: { 'base-url': info.apis.generic, preset: 'custom' },
      credentials: [
        ['E-mail', generic.email],
        ['Password', generic.password],
      ],
      inlineConfig: genericSessionApi,
    }),
  );
  followOutbox();
}

void main();
