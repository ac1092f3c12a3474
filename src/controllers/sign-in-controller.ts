import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AuthClient } from '../core/client.js';
import type { WidgetConfig } from '../core/config.js';
import { asLoginError, chunkMissing, configError, type LoginErrorDetail, LoginError } from '../core/errors.js';
import { type FormStep, type InputName, firstStep, METHODS } from '../core/form-fields.js';
import type { FieldValues, LoginMethod } from '../core/presets.js';
import type { Signer } from '../core/signature.js';
import type { TokenSet } from '../core/tokens.js';
import { type FieldProblem, readFields } from '../core/validation.js';
import { LoginErrorEvent } from '../events/login-error-event.js';
import { OtpSentEvent } from '../events/otp-sent-event.js';
import { CountdownController } from './countdown-controller.js';
import { LazyModuleController } from './lazy-module-controller.js';
import { RequestController } from './request-controller.js';
import { SecretInputController } from './secret-input-controller.js';
import { type SentCode, SentCodeController } from './sent-code-controller.js';
import { sessionKeyOf } from './session-controller.js';
import { TypedValuesController } from './typed-values-controller.js';
import { WebOtpController } from './web-otp-controller.js';
import { errorId, type FormKey, formKey, inputId, submitId } from './form-ids.js';

const retryCountdown = (key: FormKey) => `retry:${key}`;

/** What a form needs to know about an input to read and focus it. */
export interface FormInput {
  name: InputName;
  type: string;
}

/** What the sign-in controller reads from its element. */
export interface SignInHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  tenant?: string;
  branchId?: string;
  signingKey?: string;
  headers?: Record<string, string>;
  signer?: Signer;
}

export interface SignInOptions {
  /** The element's parsed configuration, or the config error. */
  config(): WidgetConfig | LoginError;
  /** The inputs of a form, in order. */
  fields(config: WidgetConfig, method: LoginMethod, step: FormStep): FormInput[];
  /** Starts the session; rejects with the LoginError of tokens the session refuses. */
  startSession(tokens: TokenSet): Promise<void>;
  /** A request is about to be sent: load what showing its outcome needs. */
  prepare(): void;
}

/**
 * The sign-in flow: which method is selected, the forms and their OTP steps, one request at a
 * time with its busy state, the errors and field problems each form shows, "send again", and
 * where focus goes after each. Builds the AuthClient from the element's configuration. State
 * lives here, outside `render()` (as lit's Task does); the element's template only reads it.
 */
export class SignInController implements ReactiveController {
  /** The codes sent, for the OTP methods' second step and "Send again". */
  readonly sentCodes: SentCodeController;
  /** Shown or hidden secrets, and Caps Lock. */
  readonly secrets: SecretInputController;

  #selected: LoginMethod | undefined;
  #errors: Partial<Record<FormKey, LoginErrorDetail>> = {};
  #problems: Partial<Record<FormKey, Partial<Record<InputName, FieldProblem>>>> = {};

  readonly #host: SignInHost;
  readonly #options: SignInOptions;
  readonly #requests: RequestController<FormKey>;
  readonly #countdown: CountdownController;
  readonly #typed: TypedValuesController;
  readonly #webOtp: WebOtpController;
  /** The HTTP client: loaded when the browser is idle after the first form, or by the first request. */
  readonly #clientModule: LazyModuleController<typeof import('../core/client-for-config.js')>;

  constructor(host: SignInHost, options: SignInOptions) {
    this.#host = host;
    this.#options = options;
    this.#requests = new RequestController(host);
    this.#countdown = new CountdownController(host);
    this.#typed = new TypedValuesController(host);
    this.#webOtp = new WebOtpController(host);
    this.#clientModule = new LazyModuleController(host, () => import('../core/client-for-config.js'));
    this.sentCodes = new SentCodeController(host);
    this.secrets = new SecretInputController(host);
    host.addController(this);
  }

  hostConnected(): void {}

  // What the views read.

  activeMethod(config: WidgetConfig): LoginMethod {
    return this.#selected && config.methods.includes(this.#selected) ? this.#selected : config.methods[0]!;
  }

  /** The step a method's form is at: its first, or the code step once a code was sent. */
  currentStep(config: WidgetConfig, method: LoginMethod): FormStep {
    const step = firstStep(config.preset, method);
    return step === 'request-code' && this.sentCodes.get(method) ? 'submit-code' : step;
  }

  /** The form whose request is in flight, or undefined. */
  get busy(): FormKey | undefined {
    return this.#requests.busy;
  }

  /** Seconds until a 429's Retry-After has run out for this form; 0 when it has. */
  waitSeconds(key: FormKey): number {
    return this.#countdown.remaining(retryCountdown(key));
  }

  error(key: FormKey): LoginErrorDetail | undefined {
    return this.#errors[key];
  }

  problems(key: FormKey): Partial<Record<InputName, FieldProblem>> {
    return this.#problems[key] ?? {};
  }

  // What the views call.

  async select(method: LoginMethod, focusId?: string): Promise<void> {
    this.#selected = method;
    this.#host.requestUpdate();
    if (!focusId) return;
    await this.#host.updateComplete;
    this.#byId(focusId)?.focus();
  }

  async submit(event: SubmitEvent, method: LoginMethod, step: FormStep): Promise<void> {
    event.preventDefault();
    const config = this.#options.config();
    const key = formKey(method, step);
    if (config instanceof LoginError || this.#requests.busy || this.waitSeconds(key) > 0) return;
    const values = this.#readForm(key, method, this.#options.fields(config, method, step), event.currentTarget as HTMLFormElement);
    if (!values) return;
    const { tenant: typed, ...entered } = values;
    if (step === 'request-code') {
      const tenant = this.#host.tenant || typed;
      const branchId = this.#host.branchId;
      const sent = { ...entered, ...(branchId ? { branchId } : {}) };
      const recipient = METHODS[method].otp?.recipient;
      const to = (recipient && (entered as FieldValues)[recipient]) || '';
      await this.#requestCode(method, { to, values: sent, ...(tenant ? { tenant } : {}) });
      return;
    }
    const sentCode = step === 'submit-code' ? this.sentCodes.get(method) : undefined;
    const tenant = this.#host.tenant || typed || sentCode?.tenant;
    const outcome = await this.#send(key, tenant, (client, signal) => client.signIn(method, { ...sentCode?.values, ...entered }, signal));
    if ('value' in outcome) await this.#signIn(outcome.value);
  }

  /** "Send again": the code request once more, after its countdown. */
  resend(method: LoginMethod): void {
    const code = this.sentCodes.get(method);
    if (!code || this.#requests.busy || this.sentCodes.resendIn(method) > 0) return;
    void this.#requestCode(method, code);
  }

  /**
   * Cancel, or Escape, while a request is in flight: it is aborted, the form stays as typed and
   * nothing is reported as an error; focus goes back to the form's submit button.
   */
  async cancel(): Promise<void> {
    const key = this.#requests.busy;
    if (!key) return;
    const cancelFocused = this.#host.matches(':focus-within');
    this.#requests.cancel();
    await this.#host.updateComplete;
    if (cancelFocused) this.#byId(submitId(key))?.focus();
  }

  /** "Use another number / address": back to step one, as typed. */
  async changeRecipient(method: LoginMethod): Promise<void> {
    this.sentCodes.forget(method);
    this.#errors = { ...this.#errors, [formKey(method, 'submit-code')]: undefined };
    this.#webOtp.stop();
    await this.#host.updateComplete;
    this.focusFirstField({ skipTenant: true });
  }

  /**
   * Exchanges an external identity provider's token; its errors show where the reader is,
   * on the first form of the selected method.
   */
  async loginWithToken(externalToken: string): Promise<TokenSet> {
    const config = this.#options.config();
    if (config instanceof LoginError) throw config;
    const method = this.activeMethod(config);
    const key = formKey(method, firstStep(config.preset, method));
    const outcome = await this.#send(key, this.#host.tenant, (client, signal) => client.exchangeExternalToken(externalToken, signal));
    if ('error' in outcome) throw outcome.error;
    await this.#signIn(outcome.value);
    return outcome.value;
  }

  /** The AuthClient for the element's configuration and a tenant (the client is a chunk of its own). */
  async client(config: WidgetConfig, tenant: string | undefined): Promise<AuthClient> {
    const { clientForConfig } = await this.#clientModule.load().catch(() => {
      throw chunkMissing('The HTTP client');
    });
    const { signer, signingKey, headers } = this.#host;
    return clientForConfig(config, { tenant, signer, signingKey, headers });
  }

  /** A session ended: the form is back, with the error that says why (expired, not renewed), if any. */
  sessionEnded(error: LoginErrorDetail | undefined): void {
    const config = this.#options.config();
    if (!error || config instanceof LoginError) return;
    const method = this.activeMethod(config);
    this.#errors = { [formKey(method, firstStep(config.preset, method))]: error };
    this.#host.requestUpdate();
    this.#host.dispatchEvent(new LoginErrorEvent(error));
  }

  /** Focuses the first input of the form on show (after "Sign out"; "Use another number" skips the tenant). */
  focusFirstField({ skipTenant = false } = {}): void {
    const config = this.#options.config();
    if (config instanceof LoginError) return;
    const method = this.activeMethod(config);
    const step = this.currentStep(config, method);
    const first = this.#options.fields(config, method, step).find((field) => !skipTenant || field.name !== 'tenant');
    if (first) this.#byId(inputId(formKey(method, step), first.name))?.focus();
  }

  // The flow.

  #byId(id: string): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>(`#${id}`);
  }

  #input(key: FormKey, name: InputName): HTMLInputElement | null {
    return this.#byId(inputId(key, name)) as HTMLInputElement | null;
  }

  #form(key: FormKey): HTMLFormElement | null {
    return this.#host.renderRoot.querySelector<HTMLFormElement>(`form[data-form="${key}"]`);
  }

  /** Sets an input's value as if typed, so it is remembered too. */
  #setInputValue(key: FormKey, name: InputName, value: string): HTMLInputElement | null {
    const input = this.#input(key, name);
    if (input) this.#typed.set(input, value);
    return input;
  }

  /** Reads and checks a form; shows what cannot be sent and returns `undefined` then. */
  #readForm(key: FormKey, method: LoginMethod, fields: FormInput[], form: HTMLFormElement) {
    const { values, problems, firstInvalid } = readFields(
      fields.map((field) => field.name),
      new FormData(form),
    );
    this.#problems = { ...this.#problems, [key]: problems };
    this.#errors = { ...this.#errors, [key]: undefined };
    this.#host.requestUpdate();
    if (!firstInvalid) return values;
    const message = `${firstInvalid}: ${problems[firstInvalid]}`;
    this.#host.dispatchEvent(new LoginErrorEvent({ code: 'invalid-input', message, method, field: firstInvalid }));
    void this.#host.updateComplete.then(() => this.#input(key, firstInvalid)?.focus());
    return undefined;
  }

  /** OTP step one, and "send again": on success, on to (or stay at) the code step. */
  async #requestCode(method: LoginMethod, code: SentCode): Promise<void> {
    const resending = Boolean(this.sentCodes.get(method));
    const key = formKey(method, resending ? 'submit-code' : 'request-code');
    const outcome = await this.#send(key, code.tenant, (client, signal) => client.requestCode(method, code.values, signal));
    if ('error' in outcome) {
      if (resending && outcome.error.code === 'rate-limited') this.sentCodes.resendRefused(method, outcome.error.detail.retryAfter);
      return;
    }
    this.sentCodes.sent(method, code);
    const channel = METHODS[method].otp!.channel;
    this.#host.dispatchEvent(new OtpSentEvent({ channel, to: code.to }));
    await this.#host.updateComplete;
    const codeKey = formKey(method, 'submit-code');
    this.#setInputValue(codeKey, 'code', '')?.focus();
    if (channel === 'sms') {
      this.#webOtp.listen((received) => {
        if (this.#setInputValue(codeKey, 'code', received)) this.#form(codeKey)?.requestSubmit();
      });
    }
  }

  /** Sends one request at a time: busy state, abort on removal, an error shown on the form `key`. */
  async #send<T>(
    key: FormKey,
    tenant: string | undefined,
    run: (client: AuthClient, signal: AbortSignal) => Promise<T>,
  ): Promise<{ value: T } | { error: LoginError }> {
    const config = this.#options.config() as WidgetConfig;
    const requestedFor = sessionKeyOf(config, this.#host.tenant);
    this.#options.prepare();
    const outcome = await this.#requests.run(key, async (signal) => run(await this.client(config, tenant), signal));
    if (!outcome) {
      return { error: new LoginError({ code: 'invalid-input', message: 'Another request is in flight', method: null }) };
    }
    // Tokens belong to the API that issued them: not to the one the page switched to meanwhile.
    const now = this.#options.config();
    const switched = now instanceof LoginError || sessionKeyOf(now, this.#host.tenant) !== requestedFor;
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
      await this.#options.startSession(tokens);
    } catch (error) {
      // Tokens another configuration requested (the session refuses them): say so, keep the form as typed.
      if (!(error instanceof LoginError)) throw error;
      this.#host.dispatchEvent(new LoginErrorEvent(error.detail));
      return;
    }
    this.#typed.clear();
    this.secrets.reset();
    this.sentCodes.clear();
    this.#errors = {};
    this.#problems = {};
    this.#webOtp.stop();
    this.#host.requestUpdate();
  }

  async #showError(key: FormKey, detail: LoginErrorDetail): Promise<void> {
    this.#errors = { ...this.#errors, [key]: detail };
    this.#host.requestUpdate();
    const config = this.#options.config();
    if (detail.code === 'network-error' && navigator.onLine !== false && !(config instanceof LoginError)) {
      // The browser hides why (refused, DNS, CORS) from scripts; the page's developer needs a lead.
      console.warn(
        `<jwt-login>: no answer from ${config.baseUrl}. If the API is up, check that it allows requests from ` +
          `${location.origin} (CORS: Access-Control-Allow-Origin, allowed headers). The browser console shows the cause.`,
      );
    }
    if (detail.code === 'rate-limited' && detail.retryAfter) this.#countdown.start(retryCountdown(key), detail.retryAfter);
    this.#host.dispatchEvent(new LoginErrorEvent(detail));
    await this.#host.updateComplete;
    const codeInput = detail.code === 'invalid-code' ? this.#setInputValue(key, 'code', '') : null;
    // Move focus only when the reader was here: a page's own loginWithToken call keeps its focus.
    if (!this.#host.matches(':focus-within')) return;
    const [method, step] = key.split(':') as [LoginMethod, FormStep];
    const secret = config instanceof LoginError ? undefined : this.#options.fields(config, method, step).find((field) => field.type === 'password');
    const secretInput = secret ? this.#input(key, secret.name) : null;
    if (codeInput) {
      codeInput.focus();
    } else if (detail.code === 'bad-credentials' && secretInput) {
      secretInput.focus();
      secretInput.select();
    } else {
      this.#byId(errorId(key))?.focus();
    }
  }
}
