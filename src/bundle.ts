// Entry of dist/jwt-login.bundle.js: everything inlined, the elements defined on import.
import './define.js';

export * from './index.js';
