// @ts-check
// Docusaurus 3 + docusaurus-openapi-docs, with <jwt-login connect> on every page
// (src/theme/Root.js): it connects each API page's explorer itself.

/** Where the API lives: the demo stand-in (`npm run demo` in the widget's repository) by default. */
const apiOrigin = process.env.API_ORIGIN ?? 'http://localhost:8787';

/** @type {import('@docusaurus/types').Config} */
const config = {
  title: 'Wunder API docs',
  tagline: 'Sign in once, every Try-it carries the token',
  url: 'http://localhost',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  customFields: {
    // What Root.js gives <jwt-login>: the API the reader signs in to.
    apiBaseUrl: `${apiOrigin}/wunder/v1`,
    tenant: 'acme',
  },
  // Loads the widget's element definition in the browser only (the build renders pages in Node).
  clientModules: ['./src/clientModules/jwt-login.js'],
  presets: [
    [
      'classic',
      /** @type {import('@docusaurus/preset-classic').Options} */
      ({
        docs: {
          // The docs are the whole site: the intro at /, the API pages at /api/….
          routeBasePath: '/',
          sidebarPath: './sidebars.ts',
          docItemComponent: '@theme/ApiItem',
        },
        blog: false,
        theme: { customCss: './src/css/custom.css' },
      }),
    ],
  ],
  plugins: [
    [
      'docusaurus-plugin-openapi-docs',
      {
        id: 'api',
        docsPluginId: 'classic',
        config: {
          wunder: {
            specPath: 'openapi.json',
            outputDir: 'docs/api',
            sidebarOptions: { groupPathsBy: 'tag' },
          },
        },
      },
    ],
  ],
  themes: ['docusaurus-theme-openapi-docs'],
  themeConfig: {
    navbar: {
      title: 'Wunder API',
      items: [{ type: 'docSidebar', sidebarId: 'api', label: 'API', position: 'left' }],
    },
    // The widget holds the session; the explorer keeps no copy of the token in storage.
    api: { authPersistence: false },
  },
};

export default config;
