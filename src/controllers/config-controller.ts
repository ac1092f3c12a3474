import { isServer, type PropertyValues, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { type RawConfig, type WidgetConfig, parseConfig } from '../core/config.js';
import { asLoginError, chunkMissing, configError, type LoginError } from '../core/errors.js';
import type { EndpointsOverride } from '../core/presets.js';
import { InlineConfigController } from './inline-config-controller.js';
import { LazyModuleController } from './lazy-module-controller.js';

/** The attributes that make up the configuration; a change to any of them re-validates it. */
const CONFIG_PROPERTIES = ['baseUrl', 'preset', 'methods', 'persist', 'refresh', 'timeout', 'endpoints'] as const;

/**
 * What a path `base-url` is resolved against during a server render, where there is no page:
 * the form rendered there does not depend on the origin, nothing is requested on the server,
 * and the browser parses the configuration again, against the page's URL, when it hydrates.
 */
const SERVER_RENDER_URL = 'https://server-render.invalid/';

/** What the configuration is read from: the element's attributes and its `endpoints` property. */
export interface ConfigHost extends ReactiveControllerHost, HTMLElement {
  baseUrl?: string | undefined;
  preset?: string | undefined;
  methods?: string | undefined;
  persist?: string | undefined;
  refresh?: string | undefined;
  timeout?: number | undefined;
  endpoints?: EndpointsOverride | undefined;
}

/**
 * The element's configuration: its attributes, and the API's calls from the `endpoints`
 * property or a child `<script type="application/json">`, parsed and checked in each update
 * that changes one of them (the first included: attributes arrive after the constructor).
 * The `endpoints` validator is a chunk of its own, loaded only when there is JSON to check.
 */
export class ConfigController implements ReactiveController {
  /** The parsed configuration; `undefined` before the first update and while the validator is on its way. */
  config: WidgetConfig | LoginError | undefined;
  /** The inline script's text when the configuration was last parsed. */
  #parsedInline: string | undefined;

  readonly #host: ConfigHost;
  readonly #inline: InlineConfigController;
  readonly #validator: LazyModuleController<typeof import('../core/endpoints-json.js')>;

  constructor(host: ConfigHost) {
    this.#host = host;
    this.#inline = new InlineConfigController(host);
    this.#validator = new LazyModuleController(host, () => import('../core/endpoints-json.js'), { preload: false });
    host.addController(this);
  }

  hostConnected(): void {}

  /** The configuration, or before the first update (a `loginWithToken` right after creation) a missing base-url. */
  get current(): WidgetConfig | LoginError {
    return this.config ?? configError('base-url', 'base-url is missing');
  }

  /** Parses again if what it reads changed, or it is still waiting; returns whether it did. For the host's `willUpdate`. */
  read(changed: PropertyValues): boolean {
    const stale = this.config === undefined || CONFIG_PROPERTIES.some((name) => changed.has(name)) || this.#inline.text !== this.#parsedInline;
    if (!stale) return false;
    this.#parsedInline = this.#inline.text;
    this.config = this.#parse();
    return true;
  }

  /** Resolves once the validator the configuration waits for has arrived (at once when it waits for none). */
  async settled(): Promise<void> {
    if (this.config === undefined) await this.#validator.load().catch(() => undefined);
  }

  #parse(): WidgetConfig | LoginError | undefined {
    const { baseUrl, preset, methods, persist, refresh, timeout } = this.#host;
    try {
      const endpoints = this.#endpoints();
      if (endpoints === 'waiting') return undefined;
      const raw: RawConfig = { baseUrl, preset, methods, persist, refresh, timeout, endpoints };
      return parseConfig(raw, isServer ? SERVER_RENDER_URL : this.#host.ownerDocument.baseURI);
    } catch (error) {
      return asLoginError(error);
    }
  }

  /** The checked `endpoints`, none, or `waiting` while the validator loads (the host updates when it arrives). */
  #endpoints(): EndpointsOverride | undefined | 'waiting' {
    const described = this.#host.endpoints ?? this.#inline.text;
    if (described === undefined || (typeof described === 'string' && described.trim() === '')) return undefined;
    const validator = this.#validator.module;
    if (validator) return validator.parseEndpoints(described);
    void this.#validator.load().catch(() => {
      this.config = chunkMissing('The endpoints validator');
      this.#host.requestUpdate();
    });
    return 'waiting';
  }
}
