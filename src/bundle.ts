// Entry of dist/jwt-login.bundle.js: everything inlined, the elements defined on import,
// the texts in the document's language (<html lang>; all five locales are inlined).
import { installBundledLocales } from './bundle-locales.js';
import './define.js';

void installBundledLocales();

export * from './index.js';
