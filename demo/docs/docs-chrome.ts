import type { Plugin } from 'vite';

/** The docs pages, in the navigation's order: the file and the explorer it shows. */
export const DOCS_PAGES = [
  { file: 'swagger-ui.html', explorer: 'Swagger UI' },
  { file: 'stoplight-elements.html', explorer: 'Stoplight Elements' },
  { file: 'scalar.html', explorer: 'Scalar' },
  { file: 'rapidoc.html', explorer: 'RapiDoc' },
] as const;

type DocsPage = (typeof DOCS_PAGES)[number];

const PLACEHOLDER = '<!-- docs-chrome -->';

function navigation(current: DocsPage): string {
  return DOCS_PAGES.map(
    (page) => `<a href="./${page.file}"${page === current ? ' aria-current="page"' : ''}>${page.explorer}</a>`,
  ).join('\n        ');
}

/** The header, the navigation and the sign-in section every docs page shares. */
function chrome(page: DocsPage): string {
  return `<header class="docs-header">
      <a class="brand" href="../">Wunder Platform <span>API docs</span></a>
      <nav aria-label="API explorers">
        ${navigation(page)}
      </nav>
    </header>
    <section class="sign-in" aria-labelledby="sign-in-heading">
      <div>
        <h2 id="sign-in-heading">Try the API</h2>
        <p>
          Sign in once (demo: <code>demo@example.com</code> / <code>demo-password</code>, or the API key
          <code>demo-client</code> / <code>demo-client-key</code>): every Try-it request below then carries your access
          token, through refreshes, until you sign out.
        </p>
        <label class="bridge-toggle"><input type="checkbox" id="bridge" checked /> Hand the token to ${page.explorer}</label>
      </div>
      <jwt-login base-url="%VITE_AUTH_SERVER_URL%/wunder/v1" tenant="acme" methods="password api-key" persist="session"></jwt-login>
    </section>`;
}

/**
 * A docs page's HTML with its `<!-- docs-chrome -->` filled with the shared header,
 * navigation (the page itself marked current) and sign-in section, and its title; any
 * other file as it is.
 */
export function withDocsChrome(html: string, file: string): string {
  const page = DOCS_PAGES.find((candidate) => candidate.file === file);
  if (!page || !html.includes(PLACEHOLDER)) return html;
  return html
    .replace(PLACEHOLDER, chrome(page))
    .replace('</head>', `  <title>Wunder Platform API · ${page.explorer}</title>\n  </head>`);
}

/**
 * The docs pages in the demo's Vite server: one source for what the pages repeat, so each
 * page holds only its explorer. The e2e tests' static docs site applies `withDocsChrome` too.
 */
export function docsChrome(): Plugin {
  return {
    name: 'jwt-login-docs-chrome',
    // Before Vite's own HTML handling, so the %VITE_…% placeholders inside are still replaced.
    transformIndexHtml: {
      order: 'pre',
      handler: (html, { path }) => withDocsChrome(html, path.slice(path.lastIndexOf('/') + 1)),
    },
  };
}
