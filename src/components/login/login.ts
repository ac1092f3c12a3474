import { localized } from '@lit/localize';
import { adoptStyles, html, isServer, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ConfigController } from '../../controllers/config-controller.js';
import { CopyController } from '../../controllers/copy-controller.js';
import { ExplorerConnectionController } from '../../controllers/explorer-connection-controller.js';
import { LazyModuleController } from '../../controllers/lazy-module-controller.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { sessionSettings, SessionController } from '../../controllers/session-controller.js';
import { SignInController } from '../../controllers/sign-in-controller.js';
import { type WidgetConfig, DEFAULT_TIMEOUT } from '../../core/config.js';
import { chunkMissing, LoginError } from '../../core/errors.js';
import type { FormStep } from '../../core/form-fields.js';
import type { EndpointsOverride, LoginMethod } from '../../core/presets.js';
import type { Signer } from '../../core/signature.js';
import type { TokenSet } from '../../core/tokens.js';
import { LoginErrorEvent } from '../../events/login-error-event.js';
import { credentialsFormStyles } from './credentials-form.styles.js';
import { fieldsFor } from './fields.js';
import { loginStyles } from './login.styles.js';
import { slotStyles } from './slots.styles.js';
import { errorMessage, type TextOverrides, Texts } from './messages.js';
import { SESSION_HEADING_ID } from './session-ids.js';
import { renderSignIn } from './sign-in-form.js';

/**
 * Signs a person or an API client in against a JWT-issuing API and hands the
 * tokens to the page.
 *
 * @tagname jwt-login
 *
 * @slot header - Above the form and the signed-in view: a logo, a heading.
 * @slot footer - Below the form while signed out: links such as "Forgot password?", sign-up, terms.
 * @slot session-footer - At the end of the signed-in view: links such as the account page.
 *
 * @attr lang - The language of the texts (BCP 47): the element's own, else the nearest ancestor's, else the document's, else `en`. A change re-renders in place.
 *
 * @fires login - Tokens were obtained. `detail`: the TokenSet.
 * @fires logout - The session ended. `detail`: `{ reason: 'user' | 'expired' | 'refresh-failed' }`.
 * @fires login-error - A failure was shown to the user. `detail`: `{ code, message, method, status?, traceId?, retryAfter?, serverCode? }`.
 * @fires otp-sent - A one-time code was requested. `detail`: `{ channel: 'sms' | 'email', to }`.
 * @fires token-refresh - The tokens were refreshed, here or in another tab. `detail`: the TokenSet.
 *
 * @csspart base - The wrapper of everything, carrying the text direction of the widget's language.
 * @csspart tabs - The row of method tabs (two or more methods).
 * @csspart tab - One method tab.
 * @csspart panel - The content of one method tab.
 * @csspart form - A sign-in form.
 * @csspart field - One label, input and its messages.
 * @csspart label - An input's visible label.
 * @csspart hint - Extra help under a label.
 * @csspart input - A text, e-mail, password, phone or code input.
 * @csspart input-row - A secret input with its "show" toggle.
 * @csspart reveal - The toggle that shows a password or client key in clear text (`aria-pressed`).
 * @csspart caps-lock - The hint under a secret input while Caps Lock is on.
 * @csspart field-error - The message under an input whose value cannot be sent.
 * @csspart feedback - Room kept below the submit button for the error, so a late error shifts nothing.
 * @csspart error - The error region (`role="alert"`).
 * @csspart submit - A submit button.
 * @csspart cancel - Cancels the request in flight (so does Escape); shown while the form is busy.
 * @csspart otp-sent - "We sent a code to …" on the code step.
 * @csspart otp-actions - The row of "send again" and "use another number / address".
 * @csspart resend - The "send again" button.
 * @csspart change-recipient - The "use another number / address" button.
 * @csspart session - The signed-in view.
 * @csspart session-heading - The signed-in view's heading.
 * @csspart session-user - Who is signed in.
 * @csspart session-expiry - Until when the access token is valid.
 * @csspart session-countdown - The live "expires in" countdown.
 * @csspart session-details - Sign-in method, tenant, and when the access token was issued.
 * @csspart copy-actions - The row of copy buttons.
 * @csspart copy-token - Copies the access token.
 * @csspart copy-header - Copies the `Authorization` header.
 * @csspart copy-curl - Copies a curl command that calls the API's base URL with the access token.
 * @csspart copy-status - Says whether copying worked (`role="status"`).
 * @csspart token - The access token, shown for copying by hand when the clipboard refused.
 * @csspart claims - The decoded token claims, on demand (`<details>`).
 * @csspart claims-summary - The claims' summary line.
 * @csspart claims-json - The claims as JSON.
 * @csspart sign-out - The sign-out button.
 *
 * @cssprop [--jwt-login-color-primary=#1d4ed8] - Submit button background, links and focus ring; #93c5fd in dark.
 * @cssprop [--jwt-login-color-on-primary=#ffffff] - Text on the primary colour; #0f172a in dark.
 * @cssprop [--jwt-login-color-text=#1f2937] - Text colour; #e5e7eb in dark.
 * @cssprop [--jwt-login-color-muted=#4b5563] - Hint text colour; #cbd5e1 in dark.
 * @cssprop [--jwt-login-color-surface=#ffffff] - Background; #1e293b in dark.
 * @cssprop [--jwt-login-color-border=#6b7280] - Input and tab borders; #94a3b8 in dark.
 * @cssprop [--jwt-login-color-danger=#b91c1c] - Errors; #fca5a5 in dark.
 * @cssprop [--jwt-login-radius=0.5rem] - Corner radius.
 * @cssprop [--jwt-login-spacing=1rem] - Space between pieces.
 * @cssprop [--jwt-login-font-family=inherit] - Font; the page's by default.
 * @cssprop [--jwt-login-font-size=1rem] - Base font size.
 * @cssprop [--jwt-login-max-width=28rem] - Largest width.
 * @cssprop [--jwt-login-padding=1rem] - Inner padding.
 * @cssprop [--jwt-login-focus-ring] - Box shadow of the focus indicator.
 * @cssprop [--jwt-login-input-background] - Input background; the surface colour by default.
 * @cssprop [--jwt-login-input-border-color] - Input border; the border colour by default.
 * @cssprop [--jwt-login-input-radius] - Input corner radius.
 * @cssprop [--jwt-login-input-padding=0.5rem 0.75rem] - Input padding.
 * @cssprop [--jwt-login-button-radius] - Button corner radius.
 * @cssprop [--jwt-login-tab-color-active] - Text and border of the selected tab; the primary colour by default.
 * @cssprop [--jwt-login-cancel-delay=1s] - How long a call runs before its Cancel button shows (Escape cancels at once).
 * @cssprop [--jwt-login-feedback-min-height=4rem] - Room kept for an error message (two lines); 0 lets the widget grow instead.
 */
@localized()
export class JwtLogin extends LitElement {
  static override styles = [loginStyles, credentialsFormStyles, slotStyles];

  /** The API's base URL, absolute or a path, e.g. `https://go.api.gourban.services/v1`. Required. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** Substituted for `{tenant}` in the preset's paths; when unset and needed, the form asks for it. */
  @property() tenant?: string;

  /** Which API: `wunder`, `datarhei`, `auth-login`, `directus`, `strapi`, or `custom` (all from `endpoints`). */
  @property() preset = 'wunder';

  /** Space-separated sign-in methods, in tab order; every method the preset supports by default. */
  @property() methods?: string;

  /** Sent as `branchId` when requesting an OTP (wunder). */
  @property({ attribute: 'branch-id' }) branchId?: string;

  /** Key for the default request signature; a key shipped to browsers is public. */
  @property({ attribute: 'signing-key' }) signingKey?: string;

  /** Where tokens are kept: `memory`, `session` or `local`. */
  @property() persist = 'memory';

  /** `auto` refreshes before expiry, `manual` leaves it to the page. */
  @property() refresh = 'auto';

  /** Request timeout in ms; `DEFAULT_TIMEOUT` is 15000. */
  @property({ type: Number }) timeout = DEFAULT_TIMEOUT;

  /**
   * The API's configuration over the preset (README, "Any other JWT API"): per call its method,
   * path, query, body fields and constants, encoding, bearer token, credentials, where the tokens
   * and expiry are, and how errors map; `"none"` removes a call. Plain JSON data, so a page may
   * instead write it in a child `<script type="application/json">`; this property wins over it.
   */
  @property({ attribute: false }) endpoints?: EndpointsOverride;

  /** Extra request headers. */
  @property({ attribute: false }) headers?: Record<string, string>;

  /** Custom signature: returns the headers that sign a request. Takes precedence over `signing-key`. */
  @property({ attribute: false }) signer?: Signer;

  /** The level (1–6) of the signed-in view's heading, to fit the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /**
   * Overrides for any visible text of this element, over the translated defaults (README, "Texts"):
   * `{ "field.email": "Work e-mail", "de": { "field.email": "Dienst-E-Mail" } }`; `{to}` in a
   * text stands for its value.
   */
  @property({ attribute: false }) i18n?: TextOverrides;

  /**
   * Connects the page's API explorers (Swagger UI, Stoplight Elements, Scalar, RapiDoc,
   * docusaurus-openapi-docs, vitepress-openapi) to this element, those there now and those
   * that appear later (README, "Connect without a script"): `""` or `auto` every one, else a
   * CSS selector naming the ones to connect (an explorer whose element, or an ancestor of it,
   * matches). Loads the bridges only when set. As a
   * property also `true` (every explorer) and `false` (none), which is what frameworks that
   * set properties (React 19) make of a bare `connect`.
   */
  @property() connect?: string | boolean | null;

  #reportedConfigError: string | undefined;
  /** A sign-in here is starting its session: focus goes to the signed-in view's heading once it shows. */
  #focusSessionHeading = false;

  readonly #language = new LocaleController(this);
  readonly #configuration = new ConfigController(this);
  readonly #copy = new CopyController(this);
  readonly #signIn: SignInController = new SignInController(this, {
    config: () => this.#configuration.current,
    fields: (config, method, step) => this.#fields(config, method, step),
    startSession: (tokens) => this.#startSession(tokens),
    prepare: () => {
      this.#sessions.prepare();
      void this.#sessionView.load().catch(() => undefined);
    },
  });
  /** The signed-in view: a chunk of its own, loaded when idle or when a sign-in starts. */
  readonly #sessionView = new LazyModuleController(this, async () => {
    const view = await import('./session-view.js');
    // Its styles came with it: added to the element's own.
    adoptStyles(this.renderRoot as ShadowRoot, [...JwtLogin.elementStyles, view.sessionViewStyles]);
    return view;
  });
  readonly #sessions = new SessionController(this, (error) => {
    this.#copy.reset();
    this.#signIn.sessionEnded(error);
  });

  constructor() {
    super();
    // Works through its own lifecycle hooks (the `connect` attribute): nothing here calls it.
    new ExplorerConnectionController(this);
  }

  /** The current token set, or `null` when signed out. */
  get session(): TokenSet | null {
    return this.#sessions.tokens;
  }

  /**
   * Ends the session (in every tab that shares it) and shows the form again. Where the API
   * has a sign-out call, the server is asked to revoke the tokens too; the local sign-out
   * does not wait for it, and holds when it fails.
   */
  logout(): void {
    const tokens = this.session;
    if (!tokens) return;
    this.#sessions.end('user');
    void this.#revoke(tokens);
  }

  /** A valid access token, refreshed first when it is expired or about to expire; `null` when signed out. */
  getAccessToken(): Promise<string | null> {
    return this.#sessions.getAccessToken();
  }

  /** Refreshes the tokens now; concurrent calls (and other tabs) share one request. */
  refreshTokens(): Promise<TokenSet> {
    return this.#sessions.refreshTokens();
  }

  /**
   * Exchanges a token from an external identity provider (datarhei's Auth0
   * login) for this API's tokens. Resolves with the TokenSet and fires `login`;
   * rejects with the LoginError it also shows and fires as `login-error`.
   */
  loginWithToken(externalToken: string): Promise<TokenSet> {
    return this.#signIn.loginWithToken(externalToken);
  }

  /**
   * Rendered on the server (a declarative shadow root before the first update): the first
   * update hydrates it, and must render the form the server did, not the blank of texts on their way.
   */
  #hydrating = !isServer && this.shadowRoot !== null;

  protected override scheduleUpdate(): void | Promise<unknown> {
    if (!this.#hydrating) return super.scheduleUpdate();
    this.#hydrating = false;
    return this.#language.loaded().then(() => super.scheduleUpdate());
  }

  /** Also waits for the texts of the element's language and the `endpoints` validator when they are on their way, and the render that follows. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    if (!this.hasUpdated || (this.#configuration.config !== undefined && this.#language.ready)) return complete;
    await Promise.all([this.#language.loaded(), this.#configuration.settled()]);
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const reread = this.#configuration.read(changed);
    const config = this.#configuration.config;
    // Waiting for the endpoints validator: nothing to configure yet.
    if (config && (reread || changed.has('tenant'))) {
      this.#sessions.configure(
        config instanceof LoginError ? undefined : sessionSettings(config, this.tenant, (tenant) => this.#signIn.client(config, tenant)),
      );
    }
  }

  protected override updated(): void {
    const heading = this.#focusSessionHeading ? this.renderRoot.querySelector<HTMLElement>(`#${SESSION_HEADING_ID}`) : null;
    if (heading) {
      // Signed in here: the reader goes on from the signed-in view's heading.
      this.#focusSessionHeading = false;
      heading.focus();
    }
    const config = this.#configuration.config;
    if (!(config instanceof LoginError)) {
      this.#reportedConfigError = undefined;
    } else if (this.#reportedConfigError !== config.message) {
      this.#reportedConfigError = config.message;
      console.warn(`<jwt-login>: ${config.message}`);
      this.dispatchEvent(new LoginErrorEvent(config.detail));
    }
  }

  #fields(config: WidgetConfig, method: LoginMethod, step: FormStep) {
    return fieldsFor(config, method, step, Boolean(this.tenant));
  }

  /** Rejects with the LoginError of tokens the session refuses. */
  async #startSession(tokens: TokenSet): Promise<void> {
    await this.#sessionView.load().catch(() => {
      throw chunkMissing('The signed-in view');
    });
    this.#copy.reset();
    this.#focusSessionHeading = true;
    try {
      await this.#sessions.start(tokens);
    } finally {
      if (!this.session) this.#focusSessionHeading = false;
    }
  }

  async #revoke(tokens: TokenSet): Promise<void> {
    const config = this.#configuration.current;
    if (config instanceof LoginError || !config.preset.signOut) return;
    try {
      await (await this.#signIn.client(config, tokens.tenant)).signOut(tokens);
    } catch (error) {
      const status = error instanceof LoginError && error.detail.status ? ` (HTTP ${error.detail.status})` : '';
      console.warn(`<jwt-login>: signed out here, but the server did not confirm the sign-out${status}.`);
    }
  }

  protected override render(): TemplateResult {
    return html`<div part="base" dir=${this.#language.rtl ? 'rtl' : 'ltr'}>
      <slot name="header"></slot>
      ${this.#renderContent()}
      ${this.session ? nothing : html`<slot name="footer"></slot>`}
    </div>`;
  }

  #renderContent(): TemplateResult {
    // The endpoints validator or the language's texts are on their way: a moment with nothing
    // rather than a wrong form or a flash of English.
    const config = this.#configuration.config;
    if (!config || !this.#language.hasTexts) return html``;
    const texts = new Texts(this.i18n, this.#language.tag);
    if (config instanceof LoginError) return html`<div part="error" role="alert">${errorMessage(config.detail, texts)}</div>`;
    const tokens = this.session;
    if (!tokens) {
      const fields = (method: LoginMethod, step: FormStep) => this.#fields(config, method, step);
      return renderSignIn({ config, signIn: this.#signIn, fields, texts });
    }
    const view = this.#sessionView.module;
    // Signed in before the view arrived (a session restored from storage): it shows a moment later.
    if (!view) return html``;
    return view.renderSessionView({
      tokens,
      locale: this.#language.tag,
      expiresInSeconds: this.#sessions.expiresInSeconds,
      copied: this.#copy.copied,
      baseUrl: config.baseUrl,
      onCopy: (what, text) => void this.#copy.copy(what, text),
      onSignOut: () => void this.#signOut(),
      headingLevel: this.headingLevel,
      texts,
    });
  }

  /** "Sign out": focus goes to the form's first input, not to the page's body. */
  async #signOut(): Promise<void> {
    this.logout();
    await this.updateComplete;
    this.#signIn.focusFirstField();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jwt-login': JwtLogin;
  }
}
