import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * What the secret inputs (password, client key) show: which are revealed in clear text by
 * "Show", and whether Caps Lock was on at the last key typed into one of them.
 */
export class SecretInputController implements ReactiveController {
  /** Ids of the secret inputs shown in clear text. */
  revealed: ReadonlySet<string> = new Set();
  capsLock = false;

  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  toggleReveal(id: string): void {
    const revealed = new Set(this.revealed);
    if (!revealed.delete(id)) revealed.add(id);
    this.revealed = revealed;
    this.#host.requestUpdate();
  }

  noteKey(event: KeyboardEvent): void {
    this.capsLock = event.getModifierState('CapsLock');
    this.#host.requestUpdate();
  }

  /** After a sign-in: every secret hidden again. */
  reset(): void {
    this.revealed = new Set();
    this.capsLock = false;
  }
}
