// The demo's "bring your own API" card: a reader pastes an API configuration (the JSON of
// README "Any other JWT API"), a base URL and a starting preset, and a <jwt-login> follows
// live. The widget shows its own config errors (a key it does not know, a bad path); this
// card only says when the text is not JSON at all. DOM APIs only (no innerHTML).
import '../src/define.js';
import type { JwtLogin } from '../src/components/login/login.js';
import type { EndpointsOverride } from '../src/core/presets.js';
import { authServer } from './auth-server.js';
import { element } from './event-log.js';
import genericApiKey from './apis/generic-api-key.json?raw';
import genericOauth from './apis/generic-oauth.json?raw';
import genericSession from './apis/generic-session.json?raw';

interface Example {
  label: string;
  json: string;
  preset: string;
  /** What to sign in with at the stand-in. */
  credentials: string;
}

const genericApi = `${authServer}/generic`;

const EXAMPLES: Record<string, Example> = {
  oauth: { label: 'OAuth 2 password grant (form body)', json: genericOauth, preset: 'custom', credentials: 'grace@example.com / cobol-1959' },
  session: { label: 'Session with a refresh cookie (nested JSON)', json: genericSession, preset: 'custom', credentials: 'grace@example.com / cobol-1959' },
  'api-key': { label: 'API key, no refresh', json: genericApiKey, preset: 'custom', credentials: 'docs-key / docs-key-secret' },
};

const PRESETS = ['custom', 'wunder', 'datarhei', 'auth-login', 'directus', 'strapi'];

/** The parsed configuration, or the reason it is not JSON; empty text means "no configuration". */
function parseJson(text: string): { value: EndpointsOverride | undefined } | { problem: string } {
  if (!text.trim()) return { value: undefined };
  try {
    return { value: JSON.parse(text) as EndpointsOverride };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

function labelled<T extends HTMLElement>(id: string, label: string, control: T): HTMLElement {
  control.id = id;
  return element('p', { className: 'byo-field' }, element('label', { text: label, attributes: { for: id } }), control);
}

/** The card: example picker, base URL, preset, the JSON, what is wrong with it, and the widget. */
export function byoApiCard(): HTMLElement {
  const login = document.createElement('jwt-login') as JwtLogin;
  login.dataset['demo'] = 'byo-api';

  const example = element('select');
  example.append(new Option('Choose an example…', ''), ...Object.entries(EXAMPLES).map(([key, { label }]) => new Option(label, key)));
  const baseUrl = element('input', { attributes: { type: 'text', spellcheck: 'false', autocomplete: 'off', value: genericApi } });
  const preset = element('select');
  preset.append(...PRESETS.map((name) => new Option(name, name)));
  const json = element('textarea', { className: 'byo-json', attributes: { rows: '14', spellcheck: 'false', autocapitalize: 'off' } });
  const hint = element('p', { className: 'muted', attributes: { id: 'byo-hint' } });
  // Polite live text, not role="status": the page's one status is the stand-in's line.
  const problem = element('p', { className: 'byo-problem', attributes: { id: 'byo-problem', 'aria-live': 'polite' } });
  json.setAttribute('aria-describedby', 'byo-hint byo-problem');

  const apply = () => {
    login.setAttribute('base-url', baseUrl.value.trim());
    login.setAttribute('preset', preset.value);
    const parsed = parseJson(json.value);
    json.setAttribute('aria-invalid', 'problem' in parsed ? 'true' : 'false');
    problem.textContent = 'problem' in parsed ? `Not JSON yet: ${parsed.problem}` : '';
    // Invalid JSON leaves the widget on the last configuration that parsed.
    if ('value' in parsed) login.endpoints = parsed.value;
  };
  let pending: ReturnType<typeof setTimeout> | undefined;
  const applySoon = () => {
    clearTimeout(pending);
    pending = setTimeout(apply, 250);
  };
  const choose = (key: string) => {
    const chosen = EXAMPLES[key];
    if (!chosen) return;
    json.value = chosen.json;
    baseUrl.value = genericApi;
    preset.value = chosen.preset;
    hint.textContent = `At the stand-in, sign in with ${chosen.credentials}. Change a key and watch the widget name it.`;
    apply();
  };
  example.addEventListener('change', () => choose(example.value));
  for (const control of [baseUrl, json]) control.addEventListener('input', applySoon);
  preset.addEventListener('change', apply);

  example.value = 'oauth';
  choose('oauth');

  return element(
    'section',
    { className: 'card byo', attributes: { 'aria-labelledby': 'byo-heading' } },
    element('h2', { text: 'Bring your own API', attributes: { id: 'byo-heading' } }),
    element('p', {
      className: 'muted',
      text: 'Paste your API’s configuration (the JSON format of “Any other JWT API” in the README), its base URL and the preset it starts from; the widget follows as you type and names any key it cannot use.',
    }),
    element(
      'div',
      { className: 'byo-grid' },
      element(
        'div',
        { className: 'byo-controls' },
        labelled('byo-example', 'Example', example),
        labelled('byo-base-url', 'base-url', baseUrl),
        labelled('byo-preset', 'preset', preset),
        labelled('byo-config', 'Configuration (JSON)', json),
        hint,
        problem,
      ),
      login,
    ),
  );
}

const slot = document.getElementById('byo-api');
if (slot) slot.replaceWith(byoApiCard());
