// The demo pages' event log: what the widgets fire, newest first. DOM APIs only (no innerHTML).

const EVENTS = ['login', 'logout', 'login-error', 'token-refresh', 'otp-sent'] as const;

export function element<K extends keyof HTMLElementTagNameMap>(
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

function logEvent(list: HTMLOListElement, event: Event): void {
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
  list.prepend(entry);
}

/** Lists every event the widgets on the page fire. */
export function logWidgetEvents(list: HTMLOListElement): void {
  for (const type of EVENTS) document.addEventListener(type, (event) => logEvent(list, event));
}
