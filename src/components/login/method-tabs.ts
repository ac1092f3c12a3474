import { html, type TemplateResult } from 'lit';
import type { LoginMethod } from '../../core/presets.js';
import { methodLabel } from './method-labels.js';
import type { Texts } from './messages.js';

export const tabId = (method: LoginMethod) => `jwt-login-tab-${method}`;
export const panelId = (method: LoginMethod) => `jwt-login-panel-${method}`;

export interface MethodTabsState {
  methods: LoginMethod[];
  active: LoginMethod;
  /** The element's texts, its `i18n` overrides included. */
  texts: Texts;
  onSelect: (method: LoginMethod, focus: boolean) => void;
}

/** The tab a key press moves to (WAI-ARIA tabs: arrows wrap, Home and End), or undefined. */
export function tabAfterKey(key: string, methods: LoginMethod[], active: LoginMethod, rtl: boolean): LoginMethod | undefined {
  const index = methods.indexOf(active);
  const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
  const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
  if (key === forward) return methods[(index + 1) % methods.length];
  if (key === backward) return methods[(index - 1 + methods.length) % methods.length];
  if (key === 'Home') return methods[0];
  if (key === 'End') return methods[methods.length - 1];
  return undefined;
}

/** The method tabs: one tab stop, arrow keys move and select (automatic activation). */
export function renderMethodTabs(state: MethodTabsState): TemplateResult {
  const onKeydown = (event: KeyboardEvent) => {
    const rtl = getComputedStyle(event.currentTarget as Element).direction === 'rtl';
    const next = tabAfterKey(event.key, state.methods, state.active, rtl);
    if (!next) return;
    event.preventDefault();
    state.onSelect(next, true);
  };
  return html`
    <div part="tabs" role="tablist" aria-label=${state.texts.get('tabs.label')} @keydown=${onKeydown}>
      ${state.methods.map(
        (method) => html`
          <button
            part="tab"
            role="tab"
            type="button"
            id=${tabId(method)}
            aria-selected=${method === state.active ? 'true' : 'false'}
            aria-controls=${panelId(method)}
            tabindex=${method === state.active ? 0 : -1}
            @click=${() => state.onSelect(method, false)}
          >
            ${methodLabel(method, state.texts)}
          </button>
        `,
      )}
    </div>
  `;
}
