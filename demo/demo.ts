// The demo page: one widget per preset, the demo credentials, the events as they fire
// and the OTP outbox. Built with DOM APIs only (no innerHTML), so it runs under a strict CSP.
import '../src/define.js';
import type { JwtLogin } from '../src/components/login/login.js';

interface DemoInfo {
  apis: { wunder: string; datarhei: string; authLogin: string };
  credentials: {
    wunder: { tenants: { signed: string; unsigned: string }; email: string; password: string };
    datarhei: { username: string; password: string };
    authLogin: { username: string; email: string; password: string; unvalidatedUsername: string };
  };
}

interface OutboxMessage {
  channel: 'sms' | 'email';
  to: string;
  code: string;
  tenant?: string;
  sentAt: string;
}

const authServer = import.meta.env.VITE_AUTH_SERVER_URL ?? 'http://127.0.0.1:8787';
const EVENTS = ['login', 'logout', 'login-error', 'token-refresh', 'otp-sent'] as const;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: { text?: string; className?: string; attributes?: Record<string, string> } = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.text !== undefined) node.textContent = options.text;
  if (options.className) node.className = options.className;
  for (const [name, value] of Object.entries(options.attributes ?? {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function credentialsList(rows: Array<[string, string]>): HTMLDListElement {
  return element(
    'dl',
    { className: 'credentials' },
    ...rows.flatMap(([term, value]) => [element('dt', { text: term }), element('dd', {}, element('code', { text: value }))]),
  );
}

function widgetCard(id: string, title: string, description: string, attributes: Record<string, string>, rows: Array<[string, string]>) {
  const login = document.createElement('jwt-login') as JwtLogin;
  for (const [name, value] of Object.entries(attributes)) login.setAttribute(name, value);
  login.dataset['demo'] = id;
  return element(
    'section',
    { className: 'card', attributes: { 'aria-labelledby': `${id}-heading` } },
    element('h2', { text: title, attributes: { id: `${id}-heading` } }),
    element('p', { text: description, className: 'muted' }),
    credentialsList(rows),
    login,
  );
}

function summary(event: CustomEvent): string {
  const detail = event.detail as Record<string, unknown>;
  switch (event.type) {
    case 'login':
    case 'token-refresh': {
      const claims = detail['claims'] as Record<string, unknown>;
      const who = claims['name'] ?? claims['email'] ?? claims['sub'] ?? 'unknown';
      const until = typeof detail['expiresAt'] === 'number' ? new Date(detail['expiresAt']).toLocaleTimeString() : 'unknown';
      const token = String(detail['accessToken']);
      return `${String(who)} via ${String(detail['method'])}; expires ${until}; accessToken ${token.slice(0, 16)}…`;
    }
    case 'login-error':
      return `${String(detail['code'])}${detail['status'] ? ` (HTTP ${String(detail['status'])})` : ''}: ${String(detail['message'])}`;
    default:
      return JSON.stringify(detail);
  }
}

function logEvent(event: Event): void {
  if (!(event instanceof CustomEvent)) return;
  const source = (event.target as HTMLElement).dataset['demo'] ?? 'page';
  const entry = element(
    'li',
    { attributes: { 'data-event': event.type } },
    element('time', { text: new Date().toLocaleTimeString() }),
    ' ',
    element('strong', { text: event.type }),
    ' ',
    element('span', { text: `[${source}] `, className: 'muted' }),
    element('span', { text: summary(event) }),
  );
  document.getElementById('events')!.prepend(entry);
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
  for (const type of EVENTS) document.addEventListener(type, logEvent);
  const { wunder, datarhei, authLogin } = info.credentials;
  document.getElementById('widgets')!.append(
    widgetCard(
      'wunder',
      'Wunder platform',
      'preset="wunder": e-mail + password against /{tenant}/auth/sign-in-email. The tenant is fixed here.',
      { 'base-url': info.apis.wunder, tenant: wunder.tenants.unsigned, preset: 'wunder' },
      [
        ['base-url', info.apis.wunder],
        ['tenant', wunder.tenants.unsigned],
        ['E-mail', wunder.email],
        ['Password', wunder.password],
      ],
    ),
    widgetCard(
      'datarhei',
      'datarhei Core',
      'preset="datarhei": user name + password against /api/login. A wrong password is answered after a deliberate 5 s delay.',
      { 'base-url': info.apis.datarhei, preset: 'datarhei' },
      [
        ['base-url', info.apis.datarhei],
        ['User name', datarhei.username],
        ['Password', datarhei.password],
      ],
    ),
    widgetCard(
      'auth-login',
      'The /auth/login API',
      'preset="auth-login": the user name may also be the e-mail or phone number. Try the unvalidated account for an account-not-validated error.',
      { 'base-url': info.apis.authLogin, preset: 'auth-login' },
      [
        ['base-url', info.apis.authLogin],
        ['User name', `${authLogin.username} or ${authLogin.email}`],
        ['Password', authLogin.password],
        ['Unvalidated account', authLogin.unvalidatedUsername],
      ],
    ),
  );
  followOutbox();
}

void main();
