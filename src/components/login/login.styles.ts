import { css } from 'lit';

export const loginStyles = css`
  /*
   * Light and dark: the defaults follow the used color-scheme, which the widget inherits
   * from the page. A light-only page (no color-scheme, or \`light\`) gets the light widget
   * whatever the reader's preference; a page that declares \`color-scheme: light dark\`
   * gets dark for readers who prefer it; a theme opts in or forces one with
   * \`jwt-login { color-scheme: light dark }\` (or \`dark\`). Every pair meets WCAG AA contrast.
   */
  :host {
    --_primary: var(--jwt-login-color-primary, light-dark(#1d4ed8, #93c5fd));
    --_on-primary: var(--jwt-login-color-on-primary, light-dark(#ffffff, #0f172a));
    --_text: var(--jwt-login-color-text, light-dark(#1f2937, #e5e7eb));
    --_muted: var(--jwt-login-color-muted, light-dark(#4b5563, #cbd5e1));
    --_surface: var(--jwt-login-color-surface, light-dark(#ffffff, #1e293b));
    --_border: var(--jwt-login-color-border, light-dark(#6b7280, #94a3b8));
    --_danger: var(--jwt-login-color-danger, light-dark(#b91c1c, #fca5a5));
    --_radius: var(--jwt-login-radius, 0.5rem);
    --_gap: var(--jwt-login-spacing, 1rem);
    --_focus: var(--jwt-login-focus-ring, 0 0 0 3px color-mix(in srgb, var(--_primary) 45%, transparent));

    display: block;
    box-sizing: border-box;
    max-inline-size: var(--jwt-login-max-width, 28rem);
    padding: var(--jwt-login-padding, var(--_gap));
    color: var(--_text);
    background: var(--_surface);
    border-radius: var(--_radius);
    font-family: var(--jwt-login-font-family, inherit);
    font-size: var(--jwt-login-font-size, 1rem);
    line-height: 1.5;
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  form,
  section {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    margin: 0;
  }

  /*
   * Each field keeps one line below its input for its error, so an error appearing moves
   * nothing (no submit button jumping away from the pointer). A message of two lines
   * spills into the gap below; longer ones are not written.
   */
  form [part='field'] {
    --_field-error-room: calc(0.8125em * 1.25 + 0.25rem);
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    padding-block-end: var(--_field-error-room);
  }

  [part='label'] {
    font-weight: 600;
  }

  [part='hint'] {
    color: var(--_muted);
    font-size: 0.875em;
  }

  [part='input'] {
    font: inherit;
    color: inherit;
    background: var(--jwt-login-input-background, var(--_surface));
    border: 1px solid var(--jwt-login-input-border-color, var(--_border));
    border-radius: var(--jwt-login-input-radius, calc(var(--_radius) * 0.75));
    padding: var(--jwt-login-input-padding, 0.5rem 0.75rem);
    min-block-size: 2.75rem;
    inline-size: 100%;
  }

  [part='input-row'] {
    display: flex;
    gap: 0.5rem;
  }

  [part='input-row'] [part='input'] {
    flex: 1;
    min-inline-size: 0;
  }

  [part='reveal'] {
    color: var(--_primary);
    background: transparent;
    border: 1px solid var(--_border);
    border-radius: var(--jwt-login-input-radius, calc(var(--_radius) * 0.75));
    font-weight: 600;
  }

  [part='reveal'][aria-pressed='true'] {
    color: var(--_on-primary);
    background: var(--_primary);
    border-color: var(--_primary);
  }

  [part='caps-lock'] {
    color: var(--_muted);
    font-size: 0.875em;
  }

  [part='input'][aria-invalid='true'] {
    border-color: var(--_danger);
  }

  [part='field-error'],
  [part='error'] {
    color: var(--_danger);
  }

  [part='field-error'] {
    position: absolute;
    inset-block-start: calc(100% - var(--_field-error-room) + 0.25rem);
    inset-inline: 0;
    font-size: 0.8125em;
    line-height: 1.25;
  }

  /*
   * Room for an error is kept below the submit button, so an answer that comes
   * late (datarhei takes 5 s to refuse a password) shifts nothing on the page.
   */
  [part='feedback'] {
    min-block-size: var(--jwt-login-feedback-min-height, 4rem);
  }

  [part='error'] {
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_danger);
    background: color-mix(in srgb, var(--_danger) 8%, var(--_surface));
    border-radius: calc(var(--_radius) * 0.5);
    overflow-wrap: anywhere;
  }

  button {
    font: inherit;
    font-weight: 600;
    min-block-size: 2.75rem;
    padding: 0.5rem 1rem;
    border-radius: var(--jwt-login-button-radius, var(--_radius));
    cursor: pointer;
  }

  [part='submit'] {
    color: var(--_on-primary);
    background: var(--_primary);
    border: 1px solid var(--_primary);
  }

  /* Every text the button may show takes the same cell, so a change of text moves nothing. */
  [part='submit'] .labels {
    display: inline-grid;
    font-variant-numeric: tabular-nums;
  }

  [part='submit'] .label {
    grid-area: 1 / 1;
  }

  [part='submit'] .label:not([data-active]) {
    visibility: hidden;
  }

  [part='submit'][aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }

  [part='sign-out'] {
    color: var(--_primary);
    background: transparent;
    border: 1px solid currentColor;
    align-self: flex-start;
  }

  /*
   * The method tabs are a segmented control: one row while the labels fit, two equal
   * columns when the list is narrower (the default 28rem with four tabs, any locale at
   * 320 px), where a long label may take two lines inside its cell; never a lone tab on
   * a row of its own with its underline apart.
   * The list is a size container, so the tabs follow its width, not the viewport's.
   */
  [part='tabs'] {
    container: jwt-login-tabs / inline-size;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin-block-end: var(--_gap);
    padding: 0.25rem;
    background: color-mix(in srgb, var(--_text) 7%, var(--_surface));
    border: 1px solid color-mix(in srgb, var(--_border) 45%, transparent);
    border-radius: var(--_radius);
  }

  /*
   * A label wraps only when its cell is too narrow for it (two columns): in one row the
   * list wraps whole tabs first, as flex lines break on each tab's full width.
   */
  [part='tab'] {
    flex: 1 1 var(--_tab-basis, auto);
    min-inline-size: 0;
    color: var(--_muted);
    background: transparent;
    border: 1px solid transparent;
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.375rem 0.5rem;
    min-block-size: 2.5rem;
    font-weight: 600;
  }

  [part='tab']:hover {
    color: var(--_text);
  }

  [part='tab'][aria-selected='true'] {
    color: var(--jwt-login-tab-color-active, var(--_primary));
    background: var(--_surface);
    border-color: var(--jwt-login-tab-color-active, var(--_primary));
    box-shadow: 0 1px 2px color-mix(in srgb, var(--_text) 20%, transparent);
  }

  /* Two columns when a row would not hold them: four tabs below 34em, three below 24em. */
  @container jwt-login-tabs (inline-size < 34em) {
    [part='tabs']:has(> :nth-child(4)) > [part='tab'] {
      --_tab-basis: calc(50% - 0.125rem);
    }
  }

  @container jwt-login-tabs (inline-size < 24em) {
    [part='tabs']:has(> :nth-child(3)) > [part='tab'] {
      --_tab-basis: calc(50% - 0.125rem);
    }

    [part='tab'] {
      font-size: 0.9375em;
    }
  }

  [part='otp-sent'] {
    margin: 0;
  }

  [part='otp-actions'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.5rem;
  }

  [part='resend'],
  [part='change-recipient'] {
    color: var(--_primary);
    background: transparent;
    border: none;
    padding-inline: 0.25rem;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }

  [part='resend'][aria-disabled='true'] {
    color: var(--_muted);
    text-decoration: none;
    cursor: default;
  }

  :focus-visible {
    outline: 2px solid var(--_primary);
    outline-offset: 2px;
    box-shadow: var(--_focus);
  }
`;
