import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Remembers what was typed into each form (`form[data-form]`, by input name)
 * so a form that is rendered anew (another tab, "use another number") shows it
 * again. The tenant is one value shared by every form. Listens on the host's
 * render root; cleared on sign-in so no password outlives its use.
 */
export class TypedValuesController implements ReactiveController {
  readonly #values = new Map<string, string>();
  readonly #restored = new WeakSet<HTMLFormElement>();
  /** The tenant typed into any form, kept after sign-out. */
  tenant = '';

  readonly #host: ReactiveControllerHost & { renderRoot: ParentNode & EventTarget };

  constructor(host: ReactiveControllerHost & { renderRoot: ParentNode & EventTarget }) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.renderRoot.addEventListener('input', this.#onInput);
  }

  hostDisconnected(): void {
    this.#host.renderRoot.removeEventListener('input', this.#onInput);
  }

  hostUpdated(): void {
    for (const form of this.#host.renderRoot.querySelectorAll<HTMLFormElement>('form[data-form]')) {
      if (this.#restored.has(form)) continue;
      this.#restored.add(form);
      for (const input of form.querySelectorAll<HTMLInputElement>('input[name]')) {
        const value = input.name === 'tenant' ? this.tenant : this.#values.get(key(form.dataset['form'], input.name));
        if (value) input.value = value;
      }
    }
  }

  /** Sets an input's value as if typed, so it is remembered too. */
  set(input: HTMLInputElement, value: string): void {
    input.value = value;
    this.#remember(input);
  }

  /** Forgets every value but the tenant. */
  clear(): void {
    this.#values.clear();
  }

  readonly #onInput = (event: Event): void => {
    const input = event.composedPath()[0];
    if (input instanceof HTMLInputElement) this.#remember(input);
  };

  #remember(input: HTMLInputElement): void {
    if (!input.form) return;
    if (input.name === 'tenant') this.tenant = input.value;
    else this.#values.set(key(input.form.dataset['form'], input.name), input.value);
  }
}

const key = (form: string | undefined, name: string) => `${form ?? ''}/${name}`;
