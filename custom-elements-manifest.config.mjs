// @custom-elements-manifest/analyzer: the manifest of the public API, from the JSDoc tags in src/.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/generated/**', 'src/bundle.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      // Events are documented with @fires; `dispatchEvent(new LoginEvent(...))` would add nameless duplicates.
      name: 'drop-nameless-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          }
        }
      },
    },
  ],
};
