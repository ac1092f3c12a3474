import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { displayNameOf, type TokenSet } from '../../core/tokens.js';

export interface SessionViewState {
  tokens: TokenSet;
  locale: string;
  onSignOut: () => void;
}

function formatTime(expiresAt: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(expiresAt);
}

/** The signed-in view: who, until when, and a way out. */
export function renderSessionView(state: SessionViewState): TemplateResult {
  const who = displayNameOf(state.tokens.claims);
  const until = state.tokens.expiresAt ? formatTime(state.tokens.expiresAt, state.locale) : undefined;
  return html`
    <section part="session" aria-labelledby="jwt-login-session-heading">
      <h2 part="session-heading" id="jwt-login-session-heading" tabindex="-1">
        ${msg('Signed in', { id: 'jwt-login.session.heading' })}
      </h2>
      <p part="session-user">
        ${who
          ? msg(str`Signed in as ${who}.`, { id: 'jwt-login.session.who' })
          : msg('You are signed in.', { id: 'jwt-login.session.anonymous' })}
      </p>
      ${until
        ? html`<p part="session-expiry">
            ${msg(str`Access valid until ${until}.`, { id: 'jwt-login.session.until' })}
          </p>`
        : ''}
      <button part="sign-out" type="button" @click=${state.onSignOut}>
        ${msg('Sign out', { id: 'jwt-login.session.sign-out' })}
      </button>
    </section>
  `;
}
