/**
 * The end-to-end specs that drive the explorers' real packages (Swagger UI, Stoplight
 * Elements, Scalar, RapiDoc) through the bridges and `<jwt-login connect>`, and connect's
 * finders on real React and Vue trees: about three minutes, which `npm test`'s ten-minute
 * budget has no room for. They run in `npm run test:explorers`, or when named;
 * playwright.config.ts leaves them out otherwise.
 */
export const EXPLORER_SPECS = ['test/e2e/explorers.spec.ts', 'test/e2e/explorers-auto.spec.ts', 'test/e2e/explorer-trees.spec.ts'];
