// The signed-in view, shaped for a docs reader who wants the token for an API explorer.
// Its parts are described once, in JwtLogin's JSDoc.
import { html, nothing, type TemplateResult } from 'lit';
import { literal, html as staticHtml } from 'lit/static-html.js';
import type { CopyOutcome, CopyTarget } from '../../controllers/copy-controller.js';
import { curlCommand } from '../../core/curl.js';
import { displayNameOf, type TokenSet } from '../../core/tokens.js';
import { formatExpiresIn } from './expiry-text.js';
import { addDefaultTexts, defaultTexts, type Texts } from './messages.js';
import { methodLabel } from './method-labels.js';
import { SESSION_HEADING_ID } from './session-ids.js';
import { SESSION_TEXTS } from './session-texts.js';

export { sessionViewStyles } from './session-view.styles.js';

addDefaultTexts(SESSION_TEXTS);

export interface SessionViewState {
  tokens: TokenSet;
  /** The API's base URL, which the copied curl command calls. */
  baseUrl: string;
  locale: string;
  /** Seconds until the access token expires; `undefined` when unknown. */
  expiresInSeconds: number | undefined;
  /** What the last copy did, for the status message; `undefined` before any copy. */
  copied: CopyOutcome;
  /** Copies `text`, which is `what`. */
  onCopy: (what: CopyTarget, text: string) => void;
  onSignOut: () => void;
  /** The heading's level, 1 to 6; 2 when absent or out of range. */
  headingLevel?: number;
  /** The element's texts; the localized defaults when absent. */
  texts?: Texts;
}

const HEADINGS = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/** The heading tag of a level; h2 for anything but a whole number from 1 to 6. */
function headingTag(level: number | undefined) {
  return HEADINGS[Number.isInteger(level) ? level! - 1 : -1] ?? HEADINGS[1]!;
}

const TIME_STYLES = {
  expiry: { dateStyle: 'medium', timeStyle: 'short' },
  issue: { dateStyle: 'medium', timeStyle: 'medium' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * A `<time>` for milliseconds since the epoch, or undefined when there is none to show
 * (`exp: 1e13` is past the last date Intl formats and Date can hold).
 */
function renderTime(at: number, locale: string, style: keyof typeof TIME_STYLES): TemplateResult | undefined {
  try {
    const text = new Intl.DateTimeFormat(locale, TIME_STYLES[style]).format(at);
    return html`<time datetime=${new Date(at).toISOString()}>${text}</time>`;
  } catch {
    return undefined;
  }
}

/** When the access token was issued (`iat`, seconds since the epoch), if it says. */
function issuedAt(tokens: TokenSet): number | undefined {
  const { iat } = tokens.claims;
  return typeof iat === 'number' && Number.isFinite(iat) ? iat * 1000 : undefined;
}

/** Claims deeper than this are shown as "…": JSON.stringify overflows the stack on a token nested 20,000 deep. */
const CLAIMS_DEPTH = 32;

/** `JSON.stringify(claims, null, 2)` for claims of any shape and depth; never throws. */
export function claimsText(value: unknown, depth = 0): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (depth >= CLAIMS_DEPTH) return '"…"';
  const inner = '  '.repeat(depth + 1);
  const entries = Array.isArray(value)
    ? value.map((item) => claimsText(item, depth + 1))
    : Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${claimsText(item, depth + 1)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return open + close;
  return `${open}\n${entries.map((entry) => inner + entry).join(',\n')}\n${'  '.repeat(depth)}${close}`;
}

/** How much of a name the view shows: the claims below hold all of it. */
const NAME_LENGTH = 120;
/** Where a name without spaces may break, so a long one cannot widen the page. */
const NAME_BREAK_EVERY = 16;

/**
 * Who is signed in, as the server named them: shortened, breakable, and isolated in
 * <bdi> so a right-to-left override (U+202E) inside cannot reorder the sentence around it.
 */
function renderName(name: string): TemplateResult {
  const characters = Array.from(name);
  const shown = characters.length > NAME_LENGTH ? [...characters.slice(0, NAME_LENGTH), '…'] : characters;
  const pieces: string[] = [];
  for (let start = 0; start < shown.length; start += NAME_BREAK_EVERY) pieces.push(shown.slice(start, start + NAME_BREAK_EVERY).join(''));
  return html`<bdi>${pieces.map((piece, index) => (index === 0 ? piece : html`<wbr />${piece}`))}</bdi>`;
}

/** A placeholder no name or date contains (a private-use character). */
const SLOT = '\uE000';

/**
 * A translated sentence with `content` where its one placeholder goes: the words stay
 * text and the content keeps its markup, in whatever order the language puts them.
 */
function sentenceAround(sentence: (slot: string) => string, content: TemplateResult): TemplateResult {
  const [before = '', after = ''] = sentence(SLOT).split(SLOT);
  return html`${before}${content}${after}`;
}

function renderWho(name: string | undefined, texts: Texts): TemplateResult | string {
  if (!name) return texts.get('session.anonymous');
  return sentenceAround((who) => texts.get('session.who', { who }), renderName(name));
}

const COPY_STATUS = {
  token: 'session.copied-token',
  header: 'session.copied-header',
  curl: 'session.copied-curl',
  failed: 'session.copy-failed',
} as const satisfies Record<NonNullable<CopyOutcome>, string>;

function sessionMethodLabel(method: TokenSet['method'], texts: Texts): string {
  return method === 'external-token' ? texts.get('session.method-external-token') : methodLabel(method, texts);
}

function renderDetails(tokens: TokenSet, locale: string, texts: Texts): TemplateResult {
  const issued = issuedAt(tokens);
  const issuedTime = issued === undefined ? undefined : renderTime(issued, locale, 'issue');
  return html`
    <dl part="session-details">
      <div>
        <dt>${texts.get('session.method')}</dt>
        <dd>${sessionMethodLabel(tokens.method, texts)}</dd>
      </div>
      ${tokens.tenant
        ? html`<div>
            <dt>${texts.get('session.tenant')}</dt>
            <dd>${tokens.tenant}</dd>
          </div>`
        : nothing}
      ${issuedTime
        ? html`<div>
            <dt>${texts.get('session.issued')}</dt>
            <dd>${issuedTime}</dd>
          </div>`
        : nothing}
    </dl>
  `;
}

// The token field appears only after a failed copy, so the status message's advice can be
// followed; `.value` (a property) keeps the token out of attributes.
function renderCopy(state: SessionViewState, texts: Texts): TemplateResult {
  const { accessToken } = state.tokens;
  return html`
    <div part="copy-actions">
      <button part="copy-token" type="button" @click=${() => state.onCopy('token', accessToken)}>
        ${texts.get('session.copy-token')}
      </button>
      <button part="copy-header" type="button" @click=${() => state.onCopy('header', `Bearer ${accessToken}`)}>
        ${texts.get('session.copy-header')}
      </button>
      <button part="copy-curl" type="button" @click=${() => state.onCopy('curl', curlCommand(state.baseUrl, accessToken))}>
        ${texts.get('session.copy-curl')}
      </button>
    </div>
    <p part="copy-status" role="status">${state.copied ? texts.get(COPY_STATUS[state.copied]) : ''}</p>
    ${state.copied === 'failed'
      ? html`<div part="field">
          <label part="label" for="jwt-login-access-token">
            ${texts.get('session.token-label')}
          </label>
          <textarea
            part="token"
            id="jwt-login-access-token"
            readonly
            rows="4"
            spellcheck="false"
            autocomplete="off"
            .value=${state.tokens.accessToken}
          ></textarea>
        </div>`
      : nothing}
  `;
}

/** The signed-in view: who, how long, the token to copy, its claims, and a way out. */
export function renderSessionView(state: SessionViewState): TemplateResult {
  const { tokens, locale } = state;
  const texts = state.texts ?? defaultTexts;
  const tag = headingTag(state.headingLevel);
  const who = displayNameOf(tokens.claims);
  const until = tokens.expiresAt ? renderTime(tokens.expiresAt, locale, 'expiry') : undefined;
  // A text binding, never markup: claim values are whatever the server put in the token.
  const claimsJson = claimsText(tokens.claims);
  return html`
    <section part="session" aria-labelledby=${SESSION_HEADING_ID}>
      ${staticHtml`<${tag} part="session-heading" id=${SESSION_HEADING_ID} tabindex="-1">${texts.get('session.heading')}</${tag}>`}
      <p part="session-user">${renderWho(who, texts)}</p>
      ${state.expiresInSeconds !== undefined
        ? html`<p part="session-countdown">${formatExpiresIn(state.expiresInSeconds, locale, texts)}</p>`
        : nothing}
      ${until
        ? html`<p part="session-expiry">${sentenceAround((slot) => texts.get('session.until', { until: slot }), until)}</p>`
        : nothing}
      ${renderDetails(tokens, locale, texts)} ${renderCopy(state, texts)}
      <details part="claims">
        <summary part="claims-summary">${texts.get('session.claims')}</summary>
        <pre part="claims-json" tabindex="0">${claimsJson}</pre>
      </details>
      <button part="sign-out" type="button" @click=${state.onSignOut}>
        ${texts.get('session.sign-out')}
      </button>
      <slot name="session-footer"></slot>
    </section>
  `;
}
