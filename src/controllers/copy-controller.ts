import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the signed-in view copies: the token, its `Authorization` header, or a curl command carrying it. */
export type CopyTarget = 'token' | 'header' | 'curl';

/** What the last copy did: which text it copied, or `failed`; `undefined` before any copy. */
export type CopyOutcome = CopyTarget | 'failed' | undefined;

/**
 * Writes `text` to the clipboard. `false` when the browser refuses (no clipboard API,
 * an insecure context, permission denied, the document not focused); never throws, and
 * never logs the text: it is a token.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The clipboard for the signed-in view: copies what the view asks for, and remembers the outcome for the status message. */
export class CopyController implements ReactiveController {
  #copied: CopyOutcome;

  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  get copied(): CopyOutcome {
    return this.#copied;
  }

  /** Copies `text`, which is `what` (the access token, its header or a curl command). */
  async copy(what: CopyTarget, text: string): Promise<void> {
    // Cleared first, so the same message twice is announced twice.
    this.reset();
    await this.#host.updateComplete;
    const copied = await copyText(text);
    this.#copied = copied ? what : 'failed';
    this.#host.requestUpdate();
  }

  /** Forgets the last outcome: a new session starts with no status message. */
  reset(): void {
    if (this.#copied === undefined) return;
    this.#copied = undefined;
    this.#host.requestUpdate();
  }

  hostConnected(): void {}
}
