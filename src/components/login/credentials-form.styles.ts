import { css } from 'lit';

/**
 * The Cancel button of a busy form: a full-width outlined button, its secondary, in the room
 * kept for errors. It shows only once the call is slow (a quick answer shows no flash of it);
 * Escape cancels from the start.
 */
export const credentialsFormStyles = css`
  [part='cancel'] {
    inline-size: 100%;
    color: var(--_primary);
    background: transparent;
    border: 1px solid var(--_primary);
    animation: jwt-login-slow-call 0s var(--jwt-login-cancel-delay, 1s) backwards;
  }

  @keyframes jwt-login-slow-call {
    from {
      visibility: hidden;
    }
  }
`;
