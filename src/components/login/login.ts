import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { AuthClient } from '../../core/client.js';
import { type WidgetConfig, DEFAULT_TIMEOUT, parseConfig } from '../../core/config.js';
import { type LoginErrorDetail, configError, LoginError } from '../../core/errors.js';
import { type FormStep, firstStep, formFields, otpChannel } from '../../core/form-fields.js';
import type { EndpointsOverride, FieldValues, LoginMethod } from '../../core/presets.js';
import { type Signer, createHmacSigner } from '../../core/signature.js';
import { sessionKey } from '../../core/session-store.js';
import type { SessionEndReason } from '../../core/tab-coordinator.js';
import type { TokenSet } from '../../core/tokens.js';
import { type FieldProblem, fieldProblem, normalizeField } from '../../core/validation.js';
import { CountdownController } from '../../controllers/countdown-controller.js';
import { InlineConfigController } from '../../controllers/inline-config-controller.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { RequestController } from '../../controllers/request-controller.js';
import { SessionController } from '../../controllers/session-controller.js';
import { TypedValuesController } from '../../controllers/typed-values-controller.js';
import { WebOtpController } from '../../controllers/web-otp-controller.js';
import { LoginErrorEvent } from '../../events/login-error-event.js';
import { LoginEvent } from '../../events/login-event.js';
import { LogoutEvent } from '../../events/logout-event.js';
import { OtpSentEvent } from '../../events/otp-sent-event.js';
import { TokenRefreshEvent } from '../../events/token-refresh-event.js';
import { inputId, renderCredentialsForm } from './credentials-form.js';
import { type InputField, type InputName, inputField } from './fields.js';
import { loginStyles } from './login.styles.js';
import { errorMessage } from './messages.js';
import { submitLabels } from './method-labels.js';
import { panelId, renderMethodTabs, tabId } from './method-tabs.js';
import { renderCodeSentIntro, renderCodeStepActions } from './otp-code-step.js';
import { type CopyTarget, copyText, renderSessionView } from './session-view.js';

/** The attributes that make up the configuration; a change to any of them re-validates it. */
const CONFIG_PROPERTIES = ['baseUrl', 'preset', 'methods', 'persist', 'refresh', 'timeout', 'endpoints'] as const;

/** Seconds before "Send again" is offered, unless the server asks for longer. */
const RESEND_AFTER_SECONDS = 30;

/** One form of the element: a method and the step it is at. */
type FormKey = `${LoginMethod}:${FormStep}`;
const formKey = (method: LoginMethod, step: FormStep): FormKey => `${method}:${step}`;
const retryCountdown = (key: FormKey) => `retry:${key}`;
const resendCountdown = (method: LoginMethod) => `resend:${method}`;
const EXPIRY_COUNTDOWN = 'session-expiry';

/** An OTP whose code was sent: where to, and what step one sent, for step two and "send again". */
interface SentCode {
  to: string;
  values: FieldValues;
  tenant?: string;
}

function asLoginError(error: unknown): LoginError {
  return error instanceof LoginError ? error : new LoginError(unexpectedError(error));
}

function unexpectedError(error: unknown): LoginErrorDetail {
  return {
    code: 'invalid-response',
    message: error instanceof Error ? error.message : 'Unexpected failure',
    method: null,
  };
}

/**
 * Signs a person or an API client in against a JWT-issuing API and hands the
 * tokens to the page.
 *
 * @tagname jwt-login
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
 * @csspart otp-sent - "We sent a code to …" on the code step.
 * @csspart otp-actions - The row of "send again" and "use another number / address".
 * @csspart resend - The "send again" button.
 * @csspart change-recipient - The "use another number / address" button.
 * @csspart session - The signed-in view.
 * @csspart session-heading - The signed-in view's heading.
 * @csspart session-user - Who is signed in.
 * @csspart session-expiry - Until when the access token is valid.
 * @csspart session-countdown - The live "expires in" countdown.
 * @csspart session-details - Sign-in method and tenant.
 * @csspart copy-actions - The row of copy buttons.
 * @csspart copy-token - Copies the access token.
 * @csspart copy-header - Copies the `Authorization` header.
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
 * @cssprop [--jwt-login-tab-color-active] - Text and underline of the selected tab; the primary colour by default.
 * @cssprop [--jwt-login-feedback-min-height=4rem] - Room kept for an error message (two lines); 0 lets the widget grow instead.
 */
export class JwtLogin extends LitElement {
  static override styles = loginStyles;

  // `static properties` rather than `@property()`: the decorators' runtime (a helper call per
  // property and Lit's decorator module) cost the single-file bundle half a kilobyte gzipped.
  // The internal state (`state: true`) is registered below the class, out of the manifest.
  static override properties: PropertyDeclarations = {
    baseUrl: { attribute: 'base-url' },
    tenant: {},
    preset: {},
    methods: {},
    branchId: { attribute: 'branch-id' },
    signingKey: { attribute: 'signing-key' },
    persist: {},
    refresh: {},
    timeout: { type: Number },
    endpoints: { attribute: false },
    headers: { attribute: false },
    signer: { attribute: false },
  };

  /** The API's base URL, absolute or a path, e.g. `https://go.api.gourban.services/v1`. Required. */
  baseUrl?: string;

  /** Substituted for `{tenant}` in the preset's paths; when unset and needed, the form asks for it. */
  tenant?: string;

  /** Which API: `wunder`, `datarhei`, `auth-login`, `directus`, `strapi`, or `custom` (all from `endpoints`). */
  preset = 'wunder';

  /** Space-separated sign-in methods, in tab order; every method the preset supports by default. */
  methods?: string;

  /** Sent as `branchId` when requesting an OTP (wunder). */
  branchId?: string;

  /** Key for the default request signature; a key shipped to browsers is public. */
  signingKey?: string;

  /** Where tokens are kept: `memory`, `session` or `local`. */
  persist = 'memory';

  /** `auto` refreshes before expiry, `manual` leaves it to the page. */
  refresh = 'auto';

  /** Request timeout in ms; `DEFAULT_TIMEOUT` is 15000. */
  timeout = DEFAULT_TIMEOUT;

  /**
   * The API's configuration over the preset (README, "Any other JWT API"): per call its method,
   * path, query, body fields and constants, encoding, bearer token, credentials, where the tokens
   * and expiry are, and how errors map; `"none"` removes a call. Plain JSON data, so a page may
   * instead write it in a child `<script type="application/json">`; this property wins over it.
   */
  endpoints?: EndpointsOverride;

  /** Extra request headers. */
  headers?: Record<string, string>;

  /** Custom signature: returns the headers that sign a request. Takes precedence over `signing-key`. */
  signer?: Signer;

  // Reactive internal state: registered with `state: true` below the class.
  // Parsed by every update that changes an attribute it reads, the first one included: the
  // attributes arrive after the constructor, so a parse here would be thrown away (see #currentConfig).
  private config?: WidgetConfig | LoginError;
  private copied?: CopyTarget | 'failed';
  private selectedMethod?: LoginMethod;
  private sentCodes: Partial<Record<LoginMethod, SentCode>> = {};
  private errors: Partial<Record<FormKey, LoginErrorDetail>> = {};
  private problems: Partial<Record<FormKey, Partial<Record<InputName, FieldProblem>>>> = {};
  /** Ids of the secret inputs shown in clear text. */
  private revealed: ReadonlySet<string> = new Set();
  private capsLock = false;

  #reportedConfigError: string | undefined;

  readonly #requests = new RequestController<FormKey>(this);
  readonly #typed = new TypedValuesController(this);
  readonly #language = new LocaleController(this);
  readonly #inlineConfig = new InlineConfigController(this);
  /** The inline configuration's text when the last configuration was parsed. */
  #parsedInlineConfig: string | undefined;
  readonly #countdown = new CountdownController(this);
  readonly #webOtp = new WebOtpController(this);
  readonly #sessions = new SessionController(this, {
    login: (tokens) => this.#onSessionChange(new LoginEvent(tokens)),
    refreshed: (tokens) => this.#onSessionChange(new TokenRefreshEvent(tokens)),
    ended: (reason) => this.#onSessionEnd(reason),
  });

  constructor() {
    super();
    // What `@localized()` does: re-render when the page's locale changes.
    updateWhenLocaleChanges(this);
  }

  /**
   * The parsed configuration. Before the first update (a `loginWithToken` call right after
   * creation) it is what a parse in the constructor gave: parseBaseUrl's error, no `base-url` yet.
   */
  get #currentConfig(): WidgetConfig | LoginError {
    return this.config ?? configError('base-url', 'base-url is missing');
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

  async #revoke(tokens: TokenSet): Promise<void> {
    const config = this.#currentConfig;
    if (config instanceof LoginError || !config.preset.signOut) return;
    try {
      await this.#client(config, tokens.tenant).signOut(tokens);
    } catch (error) {
      const status = error instanceof LoginError && error.detail.status ? ` (HTTP ${error.detail.status})` : '';
      console.warn(`<jwt-login>: signed out here, but the server did not confirm the sign-out${status}.`);
    }
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
  async loginWithToken(externalToken: string): Promise<TokenSet> {
    const config = this.#currentConfig;
    if (config instanceof LoginError) throw config;
    const method = this.#activeMethod(config);
    // Its errors show where the reader is: on the first form of the selected method.
    const key = formKey(method, firstStep(config.preset, method));
    const outcome = await this.#send(key, this.tenant, (client, signal) =>
      client.exchangeExternalToken(externalToken, signal),
    );
    if ('error' in outcome) throw outcome.error;
    await this.#signIn(outcome.value);
    return outcome.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const configChanged =
      this.config === undefined ||
      CONFIG_PROPERTIES.some((name) => changed.has(name)) ||
      this.#inlineConfig.text !== this.#parsedInlineConfig;
    if (configChanged) {
      this.#parsedInlineConfig = this.#inlineConfig.text;
      this.config = parseConfigSafely(this, this.#inlineConfig.text);
    }
    if (configChanged || changed.has('tenant')) {
      const config = this.#currentConfig;
      this.#sessions.configure(
        config instanceof LoginError
          ? undefined
          : {
              key: this.#sessionKey(config),
              persist: config.persist,
              autoRefresh: config.refresh === 'auto',
              refresh: (tokens) => this.#client(config, tokens.tenant).refresh(tokens),
              refreshable: (tokens) => this.#client(config, tokens.tenant).canRefresh(tokens),
              configuration: { preset: config.presetName, ...(this.tenant ? { tenant: this.tenant } : {}) },
            },
      );
    }
  }

  /** Which API a session belongs to: base URL, preset and tenant. */
  #sessionKey(config: WidgetConfig): string {
    return sessionKey({ baseUrl: config.baseUrl, preset: config.presetName, ...(this.tenant ? { tenant: this.tenant } : {}) });
  }

  #onSessionChange(event: LoginEvent | TokenRefreshEvent): void {
    const expiresAt = this.#sessions.expiresAt;
    if (expiresAt !== undefined) this.#countdown.start(EXPIRY_COUNTDOWN, (expiresAt - Date.now()) / 1000);
    this.requestUpdate();
    this.dispatchEvent(event);
  }

  #onSessionEnd(reason: SessionEndReason): void {
    this.#countdown.clear(EXPIRY_COUNTDOWN);
    this.copied = undefined;
    const config = this.#currentConfig;
    if (reason !== 'user' && !(config instanceof LoginError)) {
      // Say why the form is back, where the reader will look: on the selected method's form.
      const method = this.#activeMethod(config);
      const detail: LoginErrorDetail =
        reason === 'refresh-failed'
          ? { code: 'refresh-failed', message: 'The session could not be renewed', method: 'refresh' }
          : { code: 'token-expired', message: 'The session expired', method: 'refresh' };
      this.errors = { [formKey(method, firstStep(config.preset, method))]: detail };
      this.dispatchEvent(new LoginErrorEvent(detail));
    }
    this.requestUpdate();
    this.dispatchEvent(new LogoutEvent({ reason }));
  }

  async #copy(what: CopyTarget): Promise<void> {
    const tokens = this.session;
    if (!tokens) return;
    // Cleared first, so the same message twice is announced twice.
    this.copied = undefined;
    await this.updateComplete;
    const copied = await copyText(what === 'header' ? `Bearer ${tokens.accessToken}` : tokens.accessToken);
    this.copied = copied ? what : 'failed';
  }

  protected override updated(): void {
    const config = this.#currentConfig;
    if (!(config instanceof LoginError)) {
      this.#reportedConfigError = undefined;
    } else if (this.#reportedConfigError !== config.message) {
      this.#reportedConfigError = config.message;
      console.warn(`<jwt-login>: ${config.message}`);
      this.dispatchEvent(new LoginErrorEvent(config.detail));
    }
  }

  #activeMethod(config: WidgetConfig): LoginMethod {
    return this.selectedMethod && config.methods.includes(this.selectedMethod) ? this.selectedMethod : config.methods[0]!;
  }

  #fieldsFor(config: WidgetConfig, method: LoginMethod, step: FormStep): InputField[] {
    const names = formFields(config.preset, method, step, { tenantKnown: Boolean(this.tenant) });
    const context = { anyIdentifier: config.preset.usernameTakesAnyIdentifier, withPassword: names.includes('password') };
    return names.map((name) => inputField(name as InputName, context));
  }

  #form(key: FormKey): HTMLFormElement | null {
    return this.renderRoot.querySelector<HTMLFormElement>(`form[data-form="${key}"]`);
  }

  #input(key: FormKey, name: InputName): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${inputId(key, name)}`);
  }

  /** Sets an input's value as if typed, so it is remembered too. */
  #setInputValue(key: FormKey, name: InputName, value: string): HTMLInputElement | null {
    const input = this.#input(key, name);
    if (input) this.#typed.set(input, value);
    return input;
  }

  async #selectMethod(method: LoginMethod, focusTab: boolean): Promise<void> {
    this.selectedMethod = method;
    if (!focusTab) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${tabId(method)}`)?.focus();
  }

  #client(config: WidgetConfig, tenant: string | undefined): AuthClient {
    const signer = this.signer ?? (this.signingKey ? createHmacSigner(this.signingKey) : undefined);
    return new AuthClient({
      baseUrl: config.baseUrl,
      presetName: config.presetName,
      preset: config.preset,
      ...(tenant ? { tenant } : {}),
      ...(this.headers ? { headers: this.headers } : {}),
      timeout: config.timeout,
      ...(signer ? { signer } : {}),
    });
  }

  /** Reads and checks a form; shows what cannot be sent and returns `undefined` then. */
  #readForm(key: FormKey, method: LoginMethod, fields: InputField[], form: HTMLFormElement) {
    const data = new FormData(form);
    const values: Partial<Record<InputName, string>> = {};
    const problems: Partial<Record<InputName, FieldProblem>> = {};
    for (const field of fields) {
      const raw = data.get(field.name);
      const value = typeof raw === 'string' ? raw : '';
      const problem = fieldProblem(field.name, value);
      if (problem) problems[field.name] = problem;
      values[field.name] = normalizeField(field.name, value);
    }
    this.problems = { ...this.problems, [key]: problems };
    this.errors = { ...this.errors, [key]: undefined };
    const firstInvalid = fields.find((field) => problems[field.name]);
    if (!firstInvalid) return values;
    this.dispatchEvent(
      new LoginErrorEvent({
        code: 'invalid-input',
        message: `${firstInvalid.name}: ${problems[firstInvalid.name]}`,
        method,
        field: firstInvalid.name,
      }),
    );
    void this.updateComplete.then(() => this.#input(key, firstInvalid.name)?.focus());
    return undefined;
  }

  async #onSubmit(event: SubmitEvent, method: LoginMethod, step: FormStep): Promise<void> {
    event.preventDefault();
    const config = this.#currentConfig;
    const key = formKey(method, step);
    if (config instanceof LoginError || this.#requests.busy || this.#countdown.remaining(retryCountdown(key)) > 0) return;
    const values = this.#readForm(key, method, this.#fieldsFor(config, method, step), event.currentTarget as HTMLFormElement);
    if (!values) return;
    const { tenant: typed, ...entered } = values;
    if (step === 'request-code') {
      const tenant = this.tenant || typed;
      const sent = { ...entered, ...(this.branchId ? { branchId: this.branchId } : {}) };
      await this.#requestCode(method, { to: entered.phoneNumber ?? entered.email ?? '', values: sent, ...(tenant ? { tenant } : {}) });
      return;
    }
    const sentCode = step === 'submit-code' ? this.sentCodes[method] : undefined;
    const tenant = this.tenant || typed || sentCode?.tenant;
    const outcome = await this.#send(key, tenant, (client, signal) =>
      client.signIn(method, { ...sentCode?.values, ...entered }, signal),
    );
    if ('value' in outcome) await this.#signIn(outcome.value);
  }

  /** OTP step one, and "send again": on success, on to (or stay at) the code step. */
  async #requestCode(method: LoginMethod, code: SentCode): Promise<void> {
    const resending = Boolean(this.sentCodes[method]);
    const key = formKey(method, resending ? 'submit-code' : 'request-code');
    const outcome = await this.#send(key, code.tenant, (client, signal) =>
      client.requestCode(method, code.values, signal),
    );
    if ('error' in outcome) {
      if (resending && outcome.error.code === 'rate-limited') {
        this.#countdown.start(resendCountdown(method), outcome.error.detail.retryAfter ?? RESEND_AFTER_SECONDS);
      }
      return;
    }
    this.sentCodes = { ...this.sentCodes, [method]: code };
    this.#countdown.start(resendCountdown(method), RESEND_AFTER_SECONDS);
    const channel = otpChannel(method)!;
    this.dispatchEvent(new OtpSentEvent({ channel, to: code.to }));
    await this.updateComplete;
    const codeKey = formKey(method, 'submit-code');
    this.#setInputValue(codeKey, 'code', '')?.focus();
    if (channel === 'sms') {
      this.#webOtp.listen((received) => {
        if (this.#setInputValue(codeKey, 'code', received)) this.#form(codeKey)?.requestSubmit();
      });
    }
  }

  #resend(method: LoginMethod): void {
    const code = this.sentCodes[method];
    if (!code || this.#requests.busy || this.#countdown.remaining(resendCountdown(method)) > 0) return;
    void this.#requestCode(method, code);
  }

  async #changeRecipient(method: LoginMethod): Promise<void> {
    const { [method]: _left, ...rest } = this.sentCodes;
    this.sentCodes = rest;
    this.errors = { ...this.errors, [formKey(method, 'submit-code')]: undefined };
    this.#webOtp.stop();
    await this.updateComplete;
    this.#form(formKey(method, 'request-code'))?.querySelector<HTMLInputElement>('input:not([name="tenant"])')?.focus();
  }

  /**
   * Sends one request at a time: busy state, abort on removal, an error shown
   * on the form `key`.
   */
  async #send<T>(
    key: FormKey,
    tenant: string | undefined,
    run: (client: AuthClient, signal: AbortSignal) => Promise<T>,
  ): Promise<{ value: T } | { error: LoginError }> {
    const config = this.#currentConfig as WidgetConfig;
    const requestedFor = this.#sessionKey(config);
    const outcome = await this.#requests.run(key, (signal) => run(this.#client(config, tenant), signal));
    if (!outcome) {
      return { error: new LoginError({ code: 'invalid-input', message: 'Another request is in flight', method: null }) };
    }
    // Tokens belong to the API that issued them: not to the one the page switched to meanwhile.
    const now = this.#currentConfig;
    const switched = now instanceof LoginError || this.#sessionKey(now) !== requestedFor;
    if ('value' in outcome && !switched) return { value: outcome.value };
    const error =
      'value' in outcome
        ? configError('base-url', 'base-url, preset or tenant changed during the request; sign in again')
        : asLoginError(outcome.error);
    // The element left the page meanwhile: nobody to show the error to.
    if (!outcome.aborted) void this.#showError(key, error.detail);
    return { error };
  }

  async #signIn(tokens: TokenSet): Promise<void> {
    try {
      this.#sessions.start(tokens);
    } catch (error) {
      // Tokens another configuration requested (the session refuses them): say so, keep the form as typed.
      if (!(error instanceof LoginError)) throw error;
      this.dispatchEvent(new LoginErrorEvent(error.detail));
      return;
    }
    this.#typed.clear();
    this.revealed = new Set();
    this.sentCodes = {};
    this.errors = {};
    this.problems = {};
    this.copied = undefined;
    this.#webOtp.stop();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="session-heading"]')?.focus();
  }

  async #showError(key: FormKey, detail: LoginErrorDetail): Promise<void> {
    this.errors = { ...this.errors, [key]: detail };
    const config = this.#currentConfig;
    if (detail.code === 'network-error' && navigator.onLine !== false && !(config instanceof LoginError)) {
      // The browser hides why (refused, DNS, CORS) from scripts; the page's developer needs a lead.
      console.warn(
        `<jwt-login>: no answer from ${config.baseUrl}. If the API is up, check that it allows requests from ` +
          `${location.origin} (CORS: Access-Control-Allow-Origin, allowed headers). The browser console shows the cause.`,
      );
    }
    if (detail.code === 'rate-limited' && detail.retryAfter) this.#countdown.start(retryCountdown(key), detail.retryAfter);
    this.dispatchEvent(new LoginErrorEvent(detail));
    await this.updateComplete;
    const codeInput = detail.code === 'invalid-code' ? this.#setInputValue(key, 'code', '') : null;
    // Move focus only when the reader was here: a page's own loginWithToken call keeps its focus.
    if (!this.matches(':focus-within')) return;
    const secret = this.#form(key)?.querySelector<HTMLInputElement>('[part="input-row"] input');
    if (codeInput) {
      codeInput.focus();
    } else if (detail.code === 'bad-credentials' && secret) {
      secret.focus();
      secret.select();
    } else {
      this.#form(key)?.querySelector<HTMLElement>('[part="error"]')?.focus();
    }
  }


  #renderForm(config: WidgetConfig, method: LoginMethod, step: FormStep): TemplateResult {
    const key = formKey(method, step);
    const waitSeconds = this.#countdown.remaining(retryCountdown(key));
    const labels = submitLabels(step);
    const wait = waitSeconds > 0 ? msg(str`Try again in ${waitSeconds} s`, { id: 'jwt-login.submit.wait' }) : undefined;
    const submitLabel = this.#requests.busy === key ? labels.busy : (wait ?? labels.idle);
    const error = this.errors[key];
    const sent = this.sentCodes[method];
    const codeStep =
      step === 'submit-code' && sent
        ? {
            method,
            to: sent.to,
            resendIn: this.#countdown.remaining(resendCountdown(method)),
            blocked: Boolean(this.#requests.busy),
            onResend: () => this.#resend(method),
            onChangeRecipient: () => void this.#changeRecipient(method),
          }
        : undefined;
    return renderCredentialsForm({
      key,
      fields: this.#fieldsFor(config, method, step),
      problems: this.problems[key] ?? {},
      blocked: Boolean(this.#requests.busy) || waitSeconds > 0,
      busy: this.#requests.busy === key,
      submitLabel,
      submitLabels: [labels.idle, labels.busy, ...(wait ? [wait] : [])],
      error: error ? errorMessage(error) : undefined,
      ...(codeStep ? { intro: renderCodeSentIntro(codeStep), actions: renderCodeStepActions(codeStep) } : {}),
      revealed: this.revealed,
      capsLock: this.capsLock,
      onToggleReveal: (id) => {
        const revealed = new Set(this.revealed);
        if (!revealed.delete(id)) revealed.add(id);
        this.revealed = revealed;
      },
      onSecretKey: (event) => (this.capsLock = event.getModifierState('CapsLock')),
      onSubmit: (event) => void this.#onSubmit(event, method, step),
    });
  }

  #renderMethod(config: WidgetConfig, method: LoginMethod): TemplateResult {
    const step = firstStep(config.preset, method);
    return this.#renderForm(config, method, step === 'request-code' && this.sentCodes[method] ? 'submit-code' : step);
  }

  protected override render(): TemplateResult {
    return html`<div part="base" dir=${this.#language.rtl ? 'rtl' : 'ltr'}>${this.#renderContent()}</div>`;
  }

  #renderContent(): TemplateResult {
    const config = this.#currentConfig;
    if (config instanceof LoginError) {
      return html`<div part="error" role="alert">${errorMessage(config.detail)}</div>`;
    }
    const tokens = this.session;
    if (tokens) {
      return renderSessionView({
        tokens,
        locale: this.#language.tag,
        expiresInSeconds: this.#sessions.expiresAt === undefined ? undefined : this.#countdown.remaining(EXPIRY_COUNTDOWN),
        copied: this.copied,
        onCopy: (what) => void this.#copy(what),
        onSignOut: () => this.logout(),
      });
    }
    const active = this.#activeMethod(config);
    if (config.methods.length === 1) {
      return this.#renderMethod(config, active);
    }
    // Only the selected panel has content: hidden copies of the same labels would make
    // "the input labelled E-mail" ambiguous. For the same reason the panels take no
    // accessible name from their tabs ("E-mail code" would match /e-?mail/ and /code/);
    // each tab names its panel through aria-controls.
    return html`
      ${renderMethodTabs({ methods: config.methods, active, onSelect: (method, focus) => void this.#selectMethod(method, focus) })}
      <div>
        ${config.methods.map(
          (method) => html`
            <div part="panel" role="tabpanel" id=${panelId(method)} ?hidden=${method !== active}>
              ${method === active ? this.#renderMethod(config, active) : nothing}
            </div>
          `,
        )}
      </div>
    `;
  }
}

// What `@state()` does: internal reactive properties, never attributes.
for (const name of ['config', 'copied', 'selectedMethod', 'sentCodes', 'errors', 'problems', 'revealed', 'capsLock']) {
  JwtLogin.createProperty(name, { state: true });
}

function parseConfigSafely(element: JwtLogin, inlineEndpoints: string | undefined): WidgetConfig | LoginError {
  try {
    const { baseUrl, preset, methods, persist, refresh, timeout } = element;
    const endpoints = element.endpoints ?? inlineEndpoints;
    return parseConfig({ baseUrl, preset, methods, persist, refresh, timeout, endpoints }, element.ownerDocument.baseURI);
  } catch (error) {
    return asLoginError(error);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jwt-login': JwtLogin;
  }
}
