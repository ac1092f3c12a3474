/** The signed-in view's heading id: focus moves to it after sign-in. */
export const SESSION_HEADING_ID = 'jwt-login-session-heading';
