import { localized, msg } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AuthClient } from '../../core/client.js';
import { type WidgetConfig, DEFAULT_TIMEOUT, parseConfig } from '../../core/config.js';
import { type LoginErrorDetail, LoginError } from '../../core/errors.js';
import { type EndpointsOverride, type FieldValues, type LoginMethod, presetNeedsTenant } from '../../core/presets.js';
import { type Signer, createHmacSigner } from '../../core/signature.js';
import type { TokenSet } from '../../core/tokens.js';
import { type FieldProblem, fieldProblem } from '../../core/validation.js';
import { LoginErrorEvent } from '../../events/login-error-event.js';
import { LoginEvent } from '../../events/login-event.js';
import { LogoutEvent } from '../../events/logout-event.js';
import { renderCredentialsForm } from './credentials-form.js';
import { type InputField, type InputName, inputField } from './fields.js';
import { loginStyles } from './login.styles.js';
import { errorMessage } from './messages.js';
import { renderSessionView } from './session-view.js';

/** The attributes that make up the configuration; a change to any of them re-validates it. */
const CONFIG_PROPERTIES = ['baseUrl', 'preset', 'methods', 'persist', 'refresh', 'timeout', 'endpoints'] as const;

/** Values that are secrets or typed by the user are sent as typed; identifiers lose stray spaces. */
function formValues(form: HTMLFormElement, fields: InputField[]): Partial<Record<InputName, string>> {
  const data = new FormData(form);
  const values: Partial<Record<InputName, string>> = {};
  for (const field of fields) {
    const raw = data.get(field.name);
    const value = typeof raw === 'string' ? raw : '';
    values[field.name] = field.identifier ? value.trim() : value;
  }
  return values;
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
 * @fires login - Tokens were obtained. `detail`: the TokenSet.
 * @fires logout - The session ended. `detail`: `{ reason: 'user' | 'expired' | 'refresh-failed' }`.
 * @fires login-error - A failure was shown to the user. `detail`: `{ code, message, method, status?, traceId?, retryAfter?, serverCode? }`.
 *
 * @csspart form - The sign-in form.
 * @csspart field - One label, input and its messages.
 * @csspart label - An input's visible label.
 * @csspart hint - Extra help under a label.
 * @csspart input - A text, e-mail, password or phone input.
 * @csspart field-error - The message under an input whose value cannot be sent.
 * @csspart error - The error region (`role="alert"`).
 * @csspart submit - The submit button.
 * @csspart session - The signed-in view.
 * @csspart session-heading - The signed-in view's heading.
 * @csspart session-user - Who is signed in.
 * @csspart session-expiry - Until when the access token is valid.
 * @csspart sign-out - The sign-out button.
 *
 * @cssprop [--jwt-login-color-primary=#1d4ed8] - Submit button background, links and focus ring.
 * @cssprop [--jwt-login-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--jwt-login-color-text=#1f2937] - Text colour.
 * @cssprop [--jwt-login-color-muted=#4b5563] - Hint text colour.
 * @cssprop [--jwt-login-color-surface=#ffffff] - Background.
 * @cssprop [--jwt-login-color-border=#6b7280] - Input borders.
 * @cssprop [--jwt-login-color-danger=#b91c1c] - Errors.
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
 */
@localized()
export class JwtLogin extends LitElement {
  static override styles = loginStyles;

  /** The API's base URL, absolute or a path, e.g. `https://go.api.gourban.services/v1`. Required. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** Substituted for `{tenant}` in the preset's paths; when unset and needed, the form asks for it. */
  @property() tenant?: string;

  /** Which API: `wunder`, `datarhei` or `auth-login`. */
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

  /** Request timeout in ms. */
  @property({ type: Number }) timeout = DEFAULT_TIMEOUT;

  /** A partial override of the preset: paths, field names, the refresh call. */
  @property({ attribute: false }) endpoints?: EndpointsOverride;

  /** Extra request headers. */
  @property({ attribute: false }) headers?: Record<string, string>;

  /** Custom signature: returns the headers that sign a request. Takes precedence over `signing-key`. */
  @property({ attribute: false }) signer?: Signer;

  @state() private config: WidgetConfig | LoginError = parseConfigSafely(this);
  @state() private tokens: TokenSet | null = null;
  @state() private busy = false;
  @state() private error: LoginErrorDetail | null = null;
  @state() private problems: Partial<Record<InputName, FieldProblem>> = {};

  private reportedConfigError?: string;
  private inFlight?: AbortController;

  /** The current token set, or `null` when signed out. */
  get session(): TokenSet | null {
    return this.tokens;
  }

  /** Ends the session and shows the form again. */
  logout(): void {
    if (!this.tokens) return;
    this.tokens = null;
    this.dispatchEvent(new LogoutEvent({ reason: 'user' }));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.inFlight?.abort(new DOMException('The element was removed', 'AbortError'));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (CONFIG_PROPERTIES.some((name) => changed.has(name))) {
      this.config = parseConfigSafely(this);
    }
  }

  protected override updated(): void {
    const config = this.config;
    if (config instanceof LoginError) {
      if (this.reportedConfigError !== config.message) {
        this.reportedConfigError = config.message;
        console.warn(`<jwt-login>: ${config.message}`);
        this.dispatchEvent(new LoginErrorEvent(config.detail));
      }
    } else {
      this.reportedConfigError = undefined;
    }
  }

  private get activeMethod(): LoginMethod | undefined {
    return this.config instanceof LoginError ? undefined : this.config.methods[0];
  }

  private fieldsOf(config: WidgetConfig, method: LoginMethod): InputField[] {
    const endpoint = config.preset.methods[method]!.submit;
    const names = Object.keys(endpoint.body ?? {}).filter(
      (name): name is InputName => name !== 'branchId' && name !== 'refreshToken',
    );
    if (presetNeedsTenant(config.preset) && !this.tenant) names.unshift('tenant');
    return names.map((name) => inputField(name, { anyIdentifier: config.preset.usernameTakesAnyIdentifier }));
  }

  private get effectiveSigner(): Signer | undefined {
    return this.signer ?? (this.signingKey ? createHmacSigner(this.signingKey) : undefined);
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const config = this.config;
    const method = this.activeMethod;
    if (this.busy || config instanceof LoginError || !method) return;
    const form = event.currentTarget as HTMLFormElement;
    const fields = this.fieldsOf(config, method);
    const values = formValues(form, fields);
    const problems: Partial<Record<InputName, FieldProblem>> = {};
    for (const field of fields) {
      const problem = fieldProblem(field.name, values[field.name] ?? '');
      if (problem) problems[field.name] = problem;
    }
    this.problems = problems;
    this.error = null;
    const firstInvalid = fields.find((field) => problems[field.name]);
    if (firstInvalid) {
      this.dispatchEvent(
        new LoginErrorEvent({
          code: 'invalid-input',
          message: `${firstInvalid.name}: ${problems[firstInvalid.name]}`,
          method,
          field: firstInvalid.name,
        }),
      );
      await this.updateComplete;
      form.querySelector<HTMLInputElement>(`[name="${firstInvalid.name}"]`)?.focus();
      return;
    }
    const { tenant, ...credentials } = values;
    const client = new AuthClient({
      baseUrl: config.baseUrl,
      presetName: config.presetName,
      preset: config.preset,
      ...(this.tenant || tenant ? { tenant: this.tenant || tenant } : {}),
      ...(this.headers ? { headers: this.headers } : {}),
      timeout: config.timeout,
      ...(this.effectiveSigner ? { signer: this.effectiveSigner } : {}),
    });
    const fieldValues: FieldValues = { ...credentials, ...(this.branchId ? { branchId: this.branchId } : {}) };
    this.busy = true;
    const inFlight = (this.inFlight = new AbortController());
    let outcome: { tokens: TokenSet } | { error: unknown };
    try {
      outcome = { tokens: await client.signIn(method, fieldValues, inFlight.signal) };
    } catch (error) {
      outcome = { error };
    }
    this.inFlight = undefined;
    if (inFlight.signal.aborted) return;
    // Usable again before anyone hears of the outcome.
    this.busy = false;
    if ('tokens' in outcome) {
      this.tokens = outcome.tokens;
      this.dispatchEvent(new LoginEvent(outcome.tokens));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="session-heading"]')?.focus();
      return;
    }
    this.error = outcome.error instanceof LoginError ? outcome.error.detail : unexpectedError(outcome.error);
    this.dispatchEvent(new LoginErrorEvent(this.error));
    if (this.error.code === 'bad-credentials') {
      await this.updateComplete;
      const secret = form.querySelector<HTMLInputElement>('input[type="password"]');
      secret?.focus();
      secret?.select();
    }
  }

  private get locale(): string {
    return this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
  }

  protected override render(): TemplateResult | typeof nothing {
    const config = this.config;
    if (config instanceof LoginError) {
      return html`<div part="error" role="alert">${errorMessage(config.detail)}</div>`;
    }
    if (this.tokens) {
      return renderSessionView({ tokens: this.tokens, locale: this.locale, onSignOut: () => this.logout() });
    }
    const method = this.activeMethod;
    if (!method) return nothing;
    return renderCredentialsForm({
      fields: this.fieldsOf(config, method),
      problems: this.problems,
      busy: this.busy,
      submitLabel: msg('Sign in', { id: 'jwt-login.submit.sign-in' }),
      busyLabel: msg('Signing in…', { id: 'jwt-login.submit.signing-in' }),
      error: this.error ? errorMessage(this.error) : undefined,
      onSubmit: (event) => void this.onSubmit(event),
    });
  }
}

function parseConfigSafely(element: JwtLogin): WidgetConfig | LoginError {
  try {
    return parseConfig(
      {
        baseUrl: element.baseUrl,
        preset: element.preset,
        methods: element.methods,
        persist: element.persist,
        refresh: element.refresh,
        timeout: element.timeout,
        endpoints: element.endpoints,
      },
      element.ownerDocument.baseURI,
    );
  } catch (error) {
    return error instanceof LoginError ? error : new LoginError(unexpectedError(error));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'jwt-login': JwtLogin;
  }
}
