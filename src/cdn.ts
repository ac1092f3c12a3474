// Entry of the split build, dist/cdn/jwt-login.js: defines <jwt-login> with what the first
// form needs; the rest (a language, the OTP step, the session and its view, the HTTP
// client) comes in chunks beside it, loaded when needed. The bridges are their own entry,
// dist/cdn/bridges.js, loaded only by a page that imports it.
import './define.js';

export { JwtLogin } from './components/login/login.js';
export * from './events/index.js';
export { initLocalization, isRightToLeft, resolveLocale, setWidgetLocale } from './localization.js';
