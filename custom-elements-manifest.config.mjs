// @custom-elements-manifest/analyzer: the manifest of the public API, from the JSDoc tags in src/.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/generated/**', 'src/bundle.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // Events are documented with @fires; the analyzer also guesses events from
      // `dispatchEvent(new LoginErrorEvent(detail))` calls, naming them after the argument.
      name: 'keep-documented-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name && event.description);
          }
        }
      },
    },
  ],
};
