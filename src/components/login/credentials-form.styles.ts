import { css } from 'lit';

/** The Cancel button of a busy form: quiet, like the code step's links, centred under the submit button. */
export const credentialsFormStyles = css`
  [part='cancel'] {
    display: block;
    margin-inline: auto;
    margin-block-start: 0.5rem;
    font: inherit;
    color: var(--_primary);
    background: transparent;
    border: none;
    padding-inline: 0.25rem;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    cursor: pointer;
  }
`;
