/** The part of the Web Storage API the store uses (localStorage, sessionStorage). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * Storage for `persist="memory"`: held by the element, not the page, so a session
 * survives the element being moved (disconnected and connected again) and leaves
 * with the element.
 */
export class ElementMemory implements KeyValueStorage {
  readonly #items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, value);
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
}
