export { LoginEvent } from './login-event.js';
export { LogoutEvent, type LogoutDetail, type LogoutReason } from './logout-event.js';
export { LoginErrorEvent } from './login-error-event.js';
export { OtpSentEvent, type OtpSentDetail } from './otp-sent-event.js';
export { TokenRefreshEvent } from './token-refresh-event.js';
