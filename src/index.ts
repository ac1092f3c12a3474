export { JwtLogin } from './components/login/login.js';
export * from './events/index.js';
export * from './core/index.js';
export * from './bridges/index.js';
export { initLocalization, setWidgetLocale, resolveLocale, isRightToLeft } from './localization.js';
