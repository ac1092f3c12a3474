export interface OutboxMessage {
  channel: 'sms' | 'email';
  to: string;
  code: string;
  tenant: string;
  /** ISO 8601. */
  sentAt: string;
  /** ISO 8601. */
  expiresAt: string;
}

const KEPT_MESSAGES = 50;

type Listener = (message: OutboxMessage) => void;

/**
 * Stands in for the SMS gateway and the mail server: one-time codes land here, where
 * the demo page (over HTTP) and the tests (in process) can read them.
 */
export class OtpOutbox {
  private readonly messages: OutboxMessage[] = [];
  private readonly listeners = new Set<Listener>();

  send(message: OutboxMessage): void {
    this.messages.unshift(message);
    this.messages.length = Math.min(this.messages.length, KEPT_MESSAGES);
    for (const listener of this.listeners) listener(message);
  }

  /** The latest messages, newest first. */
  list(): OutboxMessage[] {
    return this.messages.map((message) => ({ ...message }));
  }

  /** The newest code sent to `to` (a phone number or an e-mail address), if any. */
  latest(to: string): string | undefined {
    const wanted = to.trim().toLowerCase();
    return this.messages.find((message) => message.to.toLowerCase() === wanted)?.code;
  }

  /** Calls `listener` for every message sent from now on; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.messages.length = 0;
  }
}
