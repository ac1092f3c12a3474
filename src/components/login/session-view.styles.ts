import { css } from 'lit';

/** The signed-in view: heading, expiry, details, copy buttons, token and claims. */
export const sessionViewStyles = css`
  [part='session-heading'] {
    margin: 0;
    font-size: 1.25em;
  }

  [part='session-heading']:focus {
    outline: none;
  }

  [part='session'] p {
    margin: 0;
  }

  [part='session-countdown'] {
    font-weight: 600;
    /* Digits of equal width, so the text does not jiggle as it counts down. */
    font-variant-numeric: tabular-nums;
  }

  [part='session-expiry'] {
    color: var(--_muted);
  }

  [part='session-details'] {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
    font-size: 0.875em;
  }

  [part='session-details'] > div {
    display: contents;
  }

  [part='session-details'] dt {
    color: var(--_muted);
  }

  [part='session-details'] dd {
    margin: 0;
    overflow-wrap: anywhere;
  }

  [part='copy-actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  [part='copy-token'],
  [part='copy-header'],
  [part='copy-curl'] {
    color: var(--_on-primary);
    background: var(--_primary);
    border: 1px solid var(--_primary);
  }

  [part='session'] [part='copy-status'] {
    /* Holds its line while empty, so the view does not jump when a message appears. */
    min-block-size: 1.5em;
    margin-block-start: calc(var(--_gap) * -0.5);
    color: var(--_muted);
    font-size: 0.875em;
  }

  [part='token'],
  [part='claims-json'] {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.8125em;
    line-height: 1.4;
  }

  [part='token'] {
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.5rem 0.75rem;
    inline-size: 100%;
    resize: vertical;
    word-break: break-all;
  }

  [part='claims'] {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  [part='claims-summary'] {
    /* 44 px tall from padding and line height, with the text in the middle. */
    padding: 0.625rem 0.75rem;
    font-weight: 600;
    cursor: pointer;
    border-radius: var(--_radius);
  }

  [part='claims-json'] {
    margin: 0;
    padding: 0.5rem 0.75rem;
    max-block-size: 16rem;
    overflow: auto;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    border-block-start: 1px solid var(--_border);
    border-radius: 0 0 var(--_radius) var(--_radius);
  }
`;
