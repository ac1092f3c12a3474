import { JwtLogin } from './components/login/login.js';

/**
 * Registers an element. The same class twice is a no-op; another class under
 * the name (two copies of the widget on one page) is left alone with a warning
 * rather than breaking the page.
 */
function define(name: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(name);
  if (existing === constructor) return;
  if (existing) {
    console.warn(`<${name}> is already defined by another copy of jwt-login-widget; this copy is not used.`);
    return;
  }
  customElements.define(name, constructor);
}

define('jwt-login', JwtLogin);

// Types only, nothing at run time: an app that imports just this entry still gets the
// element's tag and its events in the DOM's type maps (HTMLElementTagNameMap,
// GlobalEventHandlersEventMap), which those modules declare.
export type { JwtLogin } from './components/login/login.js';
export type * from './events/index.js';
