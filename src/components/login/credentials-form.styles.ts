import { css } from 'lit';

/** The Cancel button of a busy form: a full-width outlined button under the submit button, its secondary. */
export const credentialsFormStyles = css`
  [part='cancel'] {
    inline-size: 100%;
    margin-block-start: 0.5rem;
    color: var(--_primary);
    background: transparent;
    border: 1px solid var(--_primary);
  }
`;
