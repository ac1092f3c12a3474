import { sendKeys } from '@web/test-runner-commands';
import type { JwtLogin } from '../../src/components/login/login.js';

declare global {
  interface Window {
    AUTH_SERVER_URL: string;
  }
}

/** Base URLs of the three APIs on the stand-in server the test runner started. */
export const api = {
  wunder: `${window.AUTH_SERVER_URL}/wunder/v1`,
  datarhei: `${window.AUTH_SERVER_URL}/datarhei`,
  authLogin: `${window.AUTH_SERVER_URL}/auth-login`,
};

/** An address where nothing listens. */
export const unreachable = 'http://127.0.0.1:9/v1';

export function shadow(element: JwtLogin): ShadowRoot {
  return element.shadowRoot!;
}

/** The input whose visible label matches, found as a user would: by its label. */
export function inputByLabel(element: JwtLogin, label: RegExp): HTMLInputElement {
  const labels = [...shadow(element).querySelectorAll('label')].filter((candidate) => label.test(candidate.textContent ?? ''));
  if (labels.length !== 1) throw new Error(`expected one label matching ${label}, found ${labels.length}`);
  const input = labels[0]!.control;
  if (!(input instanceof HTMLInputElement)) throw new Error(`label ${label} has no input`);
  return input;
}

export function button(element: JwtLogin, name: RegExp): HTMLButtonElement {
  const found = [...shadow(element).querySelectorAll('button')].find((candidate) => name.test(candidate.textContent ?? ''));
  if (!found) throw new Error(`no button named ${name}`);
  return found;
}

export function part(element: JwtLogin, name: string): HTMLElement | null {
  return shadow(element).querySelector(`[part~="${name}"]`);
}

/** Types into an input with real key presses. */
export async function typeInto(input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  await sendKeys({ type: text });
}

/** Counts the fetch calls made while `run` runs, passing them through to the network. */
export async function countingFetches<T>(run: () => Promise<T>): Promise<{ result: T; urls: string[] }> {
  const original = window.fetch;
  const urls: string[] = [];
  window.fetch = (input, init) => {
    urls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return original(input, init);
  };
  try {
    return { result: await run(), urls };
  } finally {
    window.fetch = original;
  }
}
