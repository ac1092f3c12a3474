import { configError } from './errors.js';
import {
  type EndpointsOverride,
  type LoginMethod,
  type Preset,
  type PresetName,
  isLoginMethod,
  isPresetName,
  PRESET_NAMES,
  resolvePreset,
  supportedMethods,
} from './presets.js';
import { parseBaseUrl } from './url.js';

export const PERSIST_MODES = ['memory', 'session', 'local'] as const;
export type PersistMode = (typeof PERSIST_MODES)[number];

export const REFRESH_MODES = ['auto', 'manual'] as const;
export type RefreshMode = (typeof REFRESH_MODES)[number];

export const DEFAULT_TIMEOUT = 15000;

/** The longest delay setTimeout takes (2^31−1 ms, about 24.8 days). */
export const MAX_TIMER_DELAY = 2 ** 31 - 1;

/** The attributes of `<jwt-login>` as the page set them. */
export interface RawConfig {
  baseUrl?: string | null;
  preset?: string | null;
  methods?: string | null;
  persist?: string | null;
  refresh?: string | null;
  timeout?: number | string | null;
  /** The API's calls over the preset's, as `parseEndpoints` returns them (it checks them against the format). */
  endpoints?: EndpointsOverride | undefined;
}

/** The configuration after validation: everything the widget needs to talk to the API. */
export interface WidgetConfig {
  baseUrl: string;
  presetName: PresetName;
  preset: Preset;
  methods: LoginMethod[];
  persist: PersistMode;
  refresh: RefreshMode;
  timeout: number;
}

function oneOf<T extends string>(attribute: string, allowed: readonly T[], value: string | null | undefined, fallback: T): T {
  const raw = value?.trim();
  if (!raw) return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw configError(attribute, `${attribute} "${raw}" is not one of: ${allowed.join(', ')}`);
}

function parseMethods(value: string | null | undefined, presetName: PresetName, preset: Preset): LoginMethod[] {
  const supported = supportedMethods(preset);
  if (supported.length === 0) {
    throw configError('endpoints', `endpoints.methods: the ${presetName} preset needs at least one sign-in method`);
  }
  const words = value?.trim() ? value.trim().split(/\s+/) : [];
  if (words.length === 0) return supported;
  const methods: LoginMethod[] = [];
  for (const word of words) {
    if (!isLoginMethod(word)) throw configError('methods', `methods: "${word}" is not a sign-in method`);
    if (!supported.includes(word)) {
      throw configError('methods', `methods: the ${presetName} preset cannot sign in with ${word}`);
    }
    if (!methods.includes(word)) methods.push(word);
  }
  return methods;
}

function parseTimeout(value: number | string | null | undefined): number {
  if (value === null || value === undefined || value === '') return DEFAULT_TIMEOUT;
  const timeout = Number(value);
  if (!Number.isFinite(timeout) || timeout <= 0) throw configError('timeout', `timeout must be a positive number of ms`);
  // Browsers fire longer timers at once.
  if (timeout > MAX_TIMER_DELAY) throw configError('timeout', `timeout must be at most ${MAX_TIMER_DELAY} ms`);
  return timeout;
}

/** Validates the attributes; throws a `config-error` LoginError that names the attribute at fault. */
export function parseConfig(raw: RawConfig, documentUrl?: string): WidgetConfig {
  const baseUrl = parseBaseUrl(raw.baseUrl, documentUrl);
  const presetName = raw.preset?.trim() || 'wunder';
  if (!isPresetName(presetName)) {
    throw configError('preset', `preset "${presetName}" is not one of: ${PRESET_NAMES.join(', ')}`);
  }
  const preset = resolvePreset(presetName, raw.endpoints);
  return {
    baseUrl,
    presetName,
    preset,
    methods: parseMethods(raw.methods, presetName, preset),
    persist: oneOf('persist', PERSIST_MODES, raw.persist, 'memory'),
    refresh: oneOf('refresh', REFRESH_MODES, raw.refresh, 'auto'),
    timeout: parseTimeout(raw.timeout),
  };
}
