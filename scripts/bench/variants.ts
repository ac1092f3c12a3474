import { fileURLToPath } from 'node:url';

/** The three elements the bench compares: the widget and two baselines. */
export type VariantId = 'jwt-login' | 'bare-lit' | 'vaadin';

export interface Variant {
  id: VariantId;
  /** As printed in the tables. */
  label: string;
  /** The element a page shows. */
  tag: string;
  /** What the load page sets on it. */
  attributes: Record<string, string>;
  /** The fixture to bundle; the widget's entry is the repo's own vite.config.ts. */
  entry?: string;
}

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

export const VARIANTS: Record<VariantId, Variant> = {
  'jwt-login': {
    id: 'jwt-login',
    label: '<jwt-login>',
    tag: 'jwt-login',
    // A path on the page's own origin: nothing is requested on load, and nothing could reach the internet.
    attributes: { 'base-url': '/v1', tenant: 'acme' },
  },
  'bare-lit': {
    id: 'bare-lit',
    label: 'bare Lit form',
    tag: 'bare-lit-form',
    attributes: {},
    entry: fixture('bare-lit-form.ts'),
  },
  vaadin: {
    id: 'vaadin',
    label: '<vaadin-login-form>',
    tag: 'vaadin-login-form',
    attributes: {},
    entry: fixture('vaadin-login-form.ts'),
  },
};

export const VARIANT_IDS = Object.keys(VARIANTS) as VariantId[];
