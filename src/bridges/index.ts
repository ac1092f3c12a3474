export { connectSwaggerUI, type SwaggerUIInstance } from './swagger-ui.js';
export { connectStoplightElements, type StoplightElementsElement, type StoplightBridgeOptions } from './stoplight-elements.js';
export { connectScalar, type ScalarApiReference, type ScalarConfiguration } from './scalar.js';
export { connectRapiDoc, type RapiDocElement } from './rapidoc.js';
export { connectDocusaurusOpenApi, type DocusaurusOpenApiStore, type DocusaurusOpenApiAuthState } from './docusaurus-openapi.js';
export {
  connectVitepressOpenApi,
  type VitepressOpenApiSpec,
  type VitepressOpenApiTheme,
  type VitepressOpenApiBridgeOptions,
} from './vitepress-openapi.js';
export type { BridgeOptions, SessionSource } from './session-source.js';
export { connectExplorers, type ConnectExplorersOptions } from './connect-explorers.js';
export { EXPLORER_FINDERS, type ExplorerFinder, type FoundExplorer } from './explorer-finders.js';
