import { sendKeys } from '@web/test-runner-commands';
import type { FaultSpec } from '../../demo/server/faults.js';
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
  exampleId: `${window.AUTH_SERVER_URL}/example-id`,
};

/** An address where nothing listens. */
export const unreachable = 'http://127.0.0.1:9/v1';

export function shadow(element: JwtLogin): ShadowRoot {
  return element.shadowRoot!;
}

/** The inputs whose label matches, found as a user would: by their label. */
function inputsLabelled(element: JwtLogin, label: RegExp, visibleOnly: boolean): Array<HTMLElement | null> {
  return [...shadow(element).querySelectorAll('label')]
    .filter((candidate) => label.test(candidate.textContent ?? '') && (!visibleOnly || candidate.checkVisibility()))
    .map((candidate) => candidate.control);
}

function onlyInput(inputs: Array<HTMLElement | null>, what: string): HTMLInputElement {
  const [input] = inputs;
  if (inputs.length !== 1 || !(input instanceof HTMLInputElement)) throw new Error(`expected one ${what}, found ${inputs.length}`);
  return input;
}

/** The one input labelled so, hidden or not. */
export function inputByLabel(element: JwtLogin, label: RegExp): HTMLInputElement {
  return onlyInput(inputsLabelled(element, label, false), `input labelled ${label}`);
}

/** The first button whose text matches. */
function findButton(element: JwtLogin, name: RegExp, visibleOnly: boolean): HTMLButtonElement {
  const found = [...shadow(element).querySelectorAll('button')].find(
    (candidate) => name.test(candidate.textContent ?? '') && (!visibleOnly || candidate.checkVisibility()),
  );
  if (!found) throw new Error(`no ${visibleOnly ? 'visible ' : ''}button named ${name}`);
  return found;
}

export function button(element: JwtLogin, name: RegExp): HTMLButtonElement {
  return findButton(element, name, false);
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


/** Makes the stand-in answer the next request whose path contains `match` as told. */
export async function injectFault(spec: FaultSpec): Promise<void> {
  const response = await fetch(`${window.AUTH_SERVER_URL}/_demo/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(spec),
  });
  if (!response.ok) throw new Error(`fault not accepted: ${response.status}`);
}

export async function clearFaults(): Promise<void> {
  await fetch(`${window.AUTH_SERVER_URL}/_demo/faults`, { method: 'DELETE' });
}

/** The newest one-time code the stand-in "sent" to `to`. */
export async function latestCode(to: string): Promise<string> {
  const response = await fetch(`${window.AUTH_SERVER_URL}/_demo/outbox`);
  const messages = (await response.json()) as Array<{ to: string; code: string }>;
  const message = messages.find((candidate) => candidate.to === to);
  if (!message) throw new Error(`no code was sent to ${to}`);
  return message.code;
}

/** A phone number no other test uses, so the stand-in's resend cooldown never bites. */
export function uniquePhoneNumber(): string {
  return `+43664${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
}

export function uniqueEmail(): string {
  return `reader-${Math.random().toString(36).slice(2, 10)}@example.com`;
}

export function tab(element: JwtLogin, name: RegExp): HTMLButtonElement {
  const found = [...shadow(element).querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((candidate) =>
    name.test(candidate.textContent ?? ''),
  );
  if (!found) throw new Error(`no tab named ${name}`);
  return found;
}

/** The visible input whose label matches (other tabs' and steps' forms are hidden). */
export function visibleInput(element: JwtLogin, label: RegExp): HTMLInputElement {
  return onlyInput(inputsLabelled(element, label, true), `visible input labelled ${label}`);
}

export function visibleButton(element: JwtLogin, name: RegExp): HTMLButtonElement {
  return findButton(element, name, true);
}

/** Types an identifier and a password with real key presses and submits the visible form. */
export async function submitCredentials(element: JwtLogin, identifier: RegExp, user: string, password: string): Promise<void> {
  await typeInto(visibleInput(element, identifier), user);
  await typeInto(visibleInput(element, /password/i), password);
  visibleButton(element, /sign in/i).click();
}
