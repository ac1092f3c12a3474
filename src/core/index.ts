export * from './errors.js';
export * from './presets.js';
export * from './tokens.js';
export * from './signature.js';
export * from './url.js';
export * from './config.js';
export * from './validation.js';
export { AuthClient, prepareRequest, type ClientOptions, type PreparedRequest, type BearerValues } from './client.js';
export { errorFromResponse, parseRetryAfter, type ErrorContext, type ErrorResponse } from './error-response.js';
