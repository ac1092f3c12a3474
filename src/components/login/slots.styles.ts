import { css } from 'lit';

/** Room between what a page puts into the slots and the widget's own pieces. */
export const slotStyles = css`
  slot[name='header']::slotted(*) {
    display: block;
    margin-block-end: var(--jwt-login-spacing, 1rem);
  }

  slot[name='footer']::slotted(*),
  slot[name='session-footer']::slotted(*) {
    display: block;
    margin-block-start: var(--jwt-login-spacing, 1rem);
  }
`;
