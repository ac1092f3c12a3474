import { css } from 'lit';

/** The Cancel button of a busy form: a full-width outlined button, its secondary, in the room kept for errors. */
export const credentialsFormStyles = css`
  [part='cancel'] {
    inline-size: 100%;
    color: var(--_primary);
    background: transparent;
    border: 1px solid var(--_primary);
  }
`;
