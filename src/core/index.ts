export {
  LOGIN_ERROR_CODES,
  SERVER_ERROR_CODES,
  LoginError,
  isLoginErrorCode,
  isServerErrorCode,
  type LoginErrorCode,
  type LoginErrorDetail,
  type ServerErrorCode,
  type CallPurpose,
} from './errors.js';
export * from './presets.js';
export * from './tokens.js';
export * from './signature.js';
export * from './url.js';
export * from './config.js';
export * from './endpoints-json.js';
export * from './validation.js';
export { AuthClient, prepareRequest, type ClientOptions, type PreparedRequest, type BearerValues } from './client.js';
export { errorFromResponse, parseRetryAfter, type ErrorContext, type ErrorResponse } from './error-response.js';
export * from './phone.js';
export * from './form-fields.js';
export * from './refresh-schedule.js';
export * from './session-store.js';
export * from './tab-coordinator.js';
export { SessionManager, type SessionEvents, type SessionOptions, type Timers } from './session.js';
