// The theme playground: the wunder widget next to live controls for its main custom
// properties, three ready themes and the CSS that reproduces the current look.
// DOM APIs only (no innerHTML). The controls' rule is applied through one constructable
// stylesheet, so the "CSS to copy" is exactly the CSS in force; the Brand theme's
// ::part() rules live in themes/brand.css and apply while the widget has class="brand".
import '../src/define.js';
import { authServer } from './auth-server.js';
import brandSheet from './themes/brand.css?raw';
import { element } from './event-log.js';


type Scheme = 'auto' | 'light' | 'dark';

interface State {
  /** Custom properties the designer has set; a property not here keeps the widget's default. */
  values: Map<string, string>;
  scheme: Scheme;
  brand: boolean;
}

interface ColorSetting {
  property: string;
  label: string;
  defaults: [light: string, dark: string];
}

/** The widget's default colours, light and dark (as in src/components/login/login.styles.ts). */
const COLORS: ColorSetting[] = [
  { property: '--jwt-login-color-primary', label: 'Primary', defaults: ['#1d4ed8', '#93c5fd'] },
  { property: '--jwt-login-color-on-primary', label: 'On primary', defaults: ['#ffffff', '#0f172a'] },
  { property: '--jwt-login-color-text', label: 'Text', defaults: ['#1f2937', '#e5e7eb'] },
  { property: '--jwt-login-color-surface', label: 'Surface', defaults: ['#ffffff', '#1e293b'] },
  { property: '--jwt-login-color-border', label: 'Border', defaults: ['#6b7280', '#94a3b8'] },
  { property: '--jwt-login-color-danger', label: 'Danger', defaults: ['#b91c1c', '#fca5a5'] },
];

const RANGES = [
  { property: '--jwt-login-radius', label: 'Corner radius', unit: 'px', min: 0, max: 32, step: 1, fallback: 8 },
  { property: '--jwt-login-spacing', label: 'Spacing', unit: 'rem', min: 0.25, max: 2.5, step: 0.125, fallback: 1 },
  { property: '--jwt-login-font-size', label: 'Font size', unit: 'rem', min: 0.75, max: 1.5, step: 0.0625, fallback: 1 },
] as const;

const FONT_PROPERTY = '--jwt-login-font-family';
const FONTS: Array<[string, string]> = [
  ['System UI', 'system-ui, sans-serif'],
  ['Humanist sans', "Seravek, 'Gill Sans Nova', Ubuntu, Calibri, 'DejaVu Sans', source-sans-pro, sans-serif"],
  ['Geometric sans', "Avenir, Montserrat, Corbel, 'URW Gothic', source-sans-pro, sans-serif"],
  ['Rounded', "ui-rounded, 'Hiragino Maru Gothic ProN', Quicksand, Comfortaa, Manjari, 'Arial Rounded MT', Calibri, sans-serif"],
  ['Transitional serif', "Charter, 'Bitstream Charter', 'Sitka Text', Cambria, serif"],
  ['Monospace', "ui-monospace, 'Cascadia Code', 'Source Code Pro', Menlo, Consolas, 'DejaVu Sans Mono', monospace"],
];

const THEMES: Array<{ name: string; values: Record<string, string>; scheme: Scheme; brand: boolean }> = [
  { name: 'Default', values: {}, scheme: 'auto', brand: false },
  { name: 'Dark', values: {}, scheme: 'dark', brand: false },
  {
    name: 'Brand',
    values: { '--jwt-login-color-primary': '#6d28d9', '--jwt-login-color-on-primary': '#ffffff' },
    scheme: 'light',
    brand: true,
  },
];

const state: State = { values: new Map(), scheme: 'auto', brand: false };
/** Each control's way of showing the state; all run after every change. */
const syncs: Array<() => void> = [];
const prefersDark = matchMedia('(prefers-color-scheme: dark)');
const sheet = new CSSStyleSheet();
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const login = document.createElement('jwt-login');
login.setAttribute('base-url', `${authServer}/wunder/v1`);
login.setAttribute('tenant', 'globex');
login.setAttribute('methods', 'password api-key phone-otp email-otp');

const usedScheme = (): 'light' | 'dark' =>
  state.scheme === 'auto' ? (prefersDark.matches ? 'dark' : 'light') : state.scheme;

function colorOf(setting: ColorSetting): string {
  return state.values.get(setting.property) ?? setting.defaults[usedScheme() === 'dark' ? 1 : 0];
}

function update(): void {
  sheet.replaceSync(controlsRule());
  login.classList.toggle('brand', state.brand);
  for (const sync of syncs) sync();
}

function set(property: string, value: string | undefined): void {
  if (value === undefined || value === '') state.values.delete(property);
  else state.values.set(property, value);
  update();
}

/** The `jwt-login { … }` rule the controls stand for, its properties in the controls' order. */
function controlsRule(): string {
  const order = [...COLORS, ...RANGES].map(({ property }) => property).concat(FONT_PROPERTY);
  const lines = [...state.values]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([property, value]) => `  ${property}: ${value};`);
  if (state.scheme !== 'auto') lines.push(`  color-scheme: ${state.scheme};`);
  if (lines.length === 0) lines.push("  /* No overrides: the widget's defaults, light or dark as the reader prefers. */");
  return `jwt-login {\n${lines.join('\n')}\n}\n`;
}

/** What to copy: the controls' rule, plus the Brand rules (without the playground's class) when on. */
function cssToCopy(): string {
  if (!state.brand) return controlsRule();
  const rules = brandSheet.replace(/^\/\*[\s\S]*?\*\/\s*/, '').replaceAll('jwt-login.brand::part', 'jwt-login::part');
  return `${controlsRule()}\n/* Brand: ::part() rules */\n${rules}`;
}

function resetButton(label: string, property: string): HTMLButtonElement {
  const button = element('button', {
    text: 'Reset',
    className: 'reset',
    attributes: { type: 'button', 'aria-label': `Reset ${label}` },
  });
  // aria-disabled rather than disabled: a disabled button would drop the focus it just had.
  button.addEventListener('click', () => {
    if (state.values.has(property)) set(property, undefined);
  });
  syncs.push(() => button.setAttribute('aria-disabled', String(!state.values.has(property))));
  return button;
}

function controlRow(id: string, label: string, property: string, input: HTMLElement, shown: HTMLElement): HTMLElement {
  return element(
    'div',
    { className: 'control' },
    element('label', { text: label, attributes: { for: id } }),
    input,
    shown,
    resetButton(label, property),
    element('code', { text: property, className: 'property', attributes: { id: `${id}-property` } }),
  );
}

function colorControl(setting: ColorSetting): HTMLElement {
  const id = `control${setting.property}`;
  const input = element('input', { attributes: { id, type: 'color', 'aria-describedby': `${id}-property` } });
  const shown = element('span', { className: 'value' });
  input.addEventListener('input', () => set(setting.property, input.value));
  syncs.push(() => {
    input.value = colorOf(setting);
    shown.textContent = state.values.has(setting.property) ? input.value : `${input.value} (default)`;
  });
  return controlRow(id, setting.label, setting.property, input, shown);
}

function rangeControl(setting: (typeof RANGES)[number]): HTMLElement {
  const id = `control${setting.property}`;
  const { min, max, step } = setting;
  const input = element('input', {
    attributes: { id, type: 'range', min: `${min}`, max: `${max}`, step: `${step}`, 'aria-describedby': `${id}-property` },
  });
  const shown = element('span', { className: 'value' });
  input.addEventListener('input', () => set(setting.property, `${input.value}${setting.unit}`));
  syncs.push(() => {
    const value = state.values.get(setting.property);
    input.value = value === undefined ? `${setting.fallback}` : `${parseFloat(value)}`;
    const text = `${input.value}${setting.unit}` + (setting.unit === 'rem' ? ` (${Number(input.value) * 16}px)` : '');
    input.setAttribute('aria-valuetext', text);
    shown.textContent = value === undefined ? `${text} (default)` : text;
  });
  return controlRow(id, setting.label, setting.property, input, shown);
}

function fontControl(): HTMLElement {
  const id = `control${FONT_PROPERTY}`;
  const select = element(
    'select',
    { attributes: { id, 'aria-describedby': `${id}-property` } },
    element('option', { text: "The page's font (default)", attributes: { value: '' } }),
    ...FONTS.map(([name, stack]) => element('option', { text: name, attributes: { value: stack } })),
  );
  select.addEventListener('change', () => set(FONT_PROPERTY, select.value));
  syncs.push(() => (select.value = state.values.get(FONT_PROPERTY) ?? ''));
  return controlRow(id, 'Font family', FONT_PROPERTY, select, element('span'));
}

function schemeControl(): HTMLElement {
  const options: Array<[Scheme, string]> = [
    ['auto', "Auto (the reader's preference)"],
    ['light', 'Light'],
    ['dark', 'Dark'],
  ];
  return element(
    'fieldset',
    { className: 'scheme' },
    element('legend', { text: 'Colour scheme (color-scheme)' }),
    ...options.map(([scheme, label]) => {
      const radio = element('input', { attributes: { type: 'radio', name: 'scheme', id: `scheme-${scheme}`, value: scheme } });
      radio.addEventListener('change', () => {
        state.scheme = scheme;
        update();
      });
      syncs.push(() => (radio.checked = state.scheme === scheme));
      return element('div', { className: 'choice' }, radio, element('label', { text: label, attributes: { for: radio.id } }));
    }),
  );
}

function brandControl(): HTMLElement {
  const box = element('input', { attributes: { type: 'checkbox', id: 'brand-parts', 'aria-describedby': 'brand-parts-note' } });
  box.addEventListener('change', () => {
    state.brand = box.checked;
    update();
  });
  syncs.push(() => (box.checked = state.brand));
  return element(
    'div',
    { className: 'choice brand-choice' },
    box,
    element('label', { text: 'Brand ::part() rules', attributes: { for: box.id } }),
    element('span', { text: 'Pill shapes and purple accents from themes/brand.css.', className: 'muted', attributes: { id: 'brand-parts-note' } }),
  );
}

function isTheme(theme: (typeof THEMES)[number]): boolean {
  const entries = Object.entries(theme.values);
  return (
    theme.scheme === state.scheme &&
    theme.brand === state.brand &&
    entries.length === state.values.size &&
    entries.every(([property, value]) => state.values.get(property) === value)
  );
}

function themeButtons(): HTMLElement {
  return element(
    'div',
    { className: 'themes', attributes: { role: 'group', 'aria-labelledby': 'themes-heading' } },
    element('h3', { text: 'Ready themes', attributes: { id: 'themes-heading' } }),
    ...THEMES.map((theme) => {
      const button = element('button', { text: theme.name, className: 'secondary', attributes: { type: 'button' } });
      button.addEventListener('click', () => {
        state.values = new Map(Object.entries(theme.values));
        state.scheme = theme.scheme;
        state.brand = theme.brand;
        update();
      });
      syncs.push(() => button.setAttribute('aria-pressed', String(isTheme(theme))));
      return button;
    }),
  );
}

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

function contrastReport(): HTMLElement {
  const [primary, onPrimary, text, surface, border, danger] = COLORS;
  const pairs: Array<[string, ColorSetting, ColorSetting, number]> = [
    ['Text on surface', text, surface, 4.5],
    ['Button text on primary', onPrimary, primary, 4.5],
    ['Primary (tabs, links) on surface', primary, surface, 4.5],
    ['Danger on surface', danger, surface, 4.5],
    ['Border on surface', border, surface, 3],
  ];
  const list = element('ul', { className: 'contrast' });
  syncs.push(() =>
    list.replaceChildren(
      ...pairs.map(([label, foreground, background, needed]) => {
        const ratio = contrast(colorOf(foreground), colorOf(background));
        const verdict = ratio >= needed ? 'passes AA' : `fails AA (needs ${needed}:1)`;
        return element('li', { className: ratio >= needed ? 'pass' : 'fail' }, `${label}: ${ratio.toFixed(1)}:1, ${verdict}`);
      }),
    ),
  );
  return element(
    'div',
    { className: 'contrast-report' },
    element('h3', { text: 'Contrast' }),
    element('p', { text: 'Of the colours above, in the scheme the widget uses now.', className: 'muted' }),
    list,
  );
}

function cssBox(): HTMLElement {
  const box = element('textarea', {
    className: 'css',
    attributes: { readonly: '', rows: '12', spellcheck: 'false', 'aria-labelledby': 'css-heading' },
  });
  const status = element('p', { className: 'copy-status', attributes: { role: 'status' } });
  const copy = element('button', { text: 'Copy CSS', className: 'secondary', attributes: { type: 'button' } });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(box.value);
      status.textContent = 'Copied the CSS to the clipboard.';
    } catch {
      box.focus();
      box.select();
      status.textContent = 'The browser did not allow copying: the CSS is selected, press Ctrl+C or ⌘C.';
    }
  });
  syncs.push(() => {
    box.value = cssToCopy();
    status.textContent = '';
  });
  return element('div', {}, box, element('div', { className: 'copy-row' }, copy, status));
}

function outbox(): HTMLElement {
  const list = element('ol', { className: 'log', attributes: { 'aria-live': 'polite' } });
  new EventSource(`${authServer}/_demo/outbox/events`).addEventListener('message', (event) => {
    const { channel, to, code } = JSON.parse(event.data) as { channel: string; to: string; code: string };
    list.prepend(element('li', {}, `${channel === 'sms' ? 'SMS' : 'E-mail'} to ${to}: `, element('code', { text: code })));
  });
  return element(
    'section',
    { className: 'outbox', attributes: { 'aria-labelledby': 'outbox-heading' } },
    element('h3', { text: 'OTP outbox', attributes: { id: 'outbox-heading' } }),
    element('p', { text: 'The codes the stand-in server "sends" for the phone and e-mail methods.', className: 'muted' }),
    list,
  );
}

document.getElementById('controls')!.append(
  themeButtons(),
  element('fieldset', {}, element('legend', { text: 'Colours' }), ...COLORS.map(colorControl)),
  element('fieldset', {}, element('legend', { text: 'Shape and type' }), ...RANGES.map(rangeControl), fontControl()),
  schemeControl(),
  brandControl(),
  contrastReport(),
);
document.getElementById('preview')!.append(login, outbox());
document.getElementById('css')!.append(cssBox());
prefersDark.addEventListener('change', update);
update();
