// The demo's language switch: sets `lang` on every widget of the page, so each re-renders
// in place (what was typed stays). The page itself stays English. DOM APIs only.

const LANGUAGES: Array<[string, string]> = [
  ['', 'Page language (English)'],
  ['en', 'English'],
  ['de', 'Deutsch'],
  ['fr', 'Français'],
  ['es', 'Español'],
  ['ar', 'العربية (right to left)'],
];

function applyLanguage(lang: string): void {
  for (const login of document.querySelectorAll('jwt-login')) {
    if (!lang) login.removeAttribute('lang');
    else if (login.getAttribute('lang') !== lang) login.setAttribute('lang', lang);
  }
}

/** Fills the `<select>` with the widget languages and applies the chosen one to every widget. */
export function connectLanguageSwitch(select: HTMLSelectElement): void {
  select.replaceChildren(
    ...LANGUAGES.map(([value, label]) => {
      const option = new Option(label, value);
      if (value) option.lang = value;
      return option;
    }),
  );
  select.addEventListener('change', () => applyLanguage(select.value));
  // Widgets the page adds later (the cards appear once the stand-in answers) follow too.
  new MutationObserver(() => {
    if (select.value) applyLanguage(select.value);
  }).observe(document.body, { childList: true, subtree: true });
}

const select = document.getElementById('widget-language');
if (select instanceof HTMLSelectElement) connectLanguageSwitch(select);
