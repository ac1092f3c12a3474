/**
 * `npm run test:servers`: the widget against real open-source auth servers (not part of
 * `npm test`). Installs pinned Directus 10 and Strapi 5 into
 * `${XDG_CACHE_HOME:-~/.cache}/jwt-login-widget/servers/` (once: the first run takes many
 * minutes, native modules build from source), starts each on 127.0.0.1 with SQLite, a seeded
 * user and a short access token, and drives `dist/jwt-login.bundle.js` (run `npm run build`
 * first) in Chromium through sign-in, expiry, refresh, errors and sign-out. Writes
 * docs/compatibility.md (and the table into README.md after a full run), prints the table,
 * and exits 1 when a check fails.
 *
 *   npm run test:servers
 *   npm run test:servers -- --only strapi --ttl 30
 *   npm run test:servers -- --bundle /tmp/other/jwt-login.bundle.js --label "built from abc1234" --no-write
 *   npm run test:servers -- --bundle dist/cdn/jwt-login.js --no-write     (the split build: its chunks load beside it)
 *
 * Server logs: ${XDG_CACHE_HOME:-~/.cache}/jwt-login-widget/servers/logs/.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright';
import { chromiumLaunchOptions } from '../browser.mjs';
import { cacheRoot, ensureInstalled } from './cache.js';
import { CHECKS, runChecks, type Results } from './checks.js';
import { CONFIGURATIONS, type Configuration } from './configs.js';
import { DIRECTUS_VERSION, directusSpec, startDirectus } from './directus.js';
import { startPageServer } from './page-server.js';
import { allPassed, reportMarkdown, tableMarkdown, type Row } from './report.js';
import { STRAPI_VERSION, startStrapi, strapiSpec, type StrapiMode } from './strapi.js';
import { directusWire, strapiWire, type ServerWire } from './wire.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const { values: options } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    ttl: { type: 'string', default: '20' },
    bundle: { type: 'string', default: join(repoRoot, 'dist', 'jwt-login.bundle.js') },
    /** Says where the bundle came from in docs/compatibility.md, e.g. "built from commit abc1234". */
    label: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
  },
});

const EMAIL = 'tester@example.com';
const PASSWORD = 'Correct-Horse-42';
const TTL = Number(options.ttl);
// Beside the installs, out of the repo (so `npm test` cleaning .test-results cannot pull them away).
const logDir = join(cacheRoot(), 'logs');
const log = (line: string) => console.log(line);

const VERSIONS = { directus: DIRECTUS_VERSION, strapi: STRAPI_VERSION } as const;

const SERVER_SETUPS: Record<string, string> = {
  [`directus ${DIRECTUS_VERSION}`]: `npm \`directus@${DIRECTUS_VERSION}\` + \`sqlite3@5.1.7\` (built from source); \`directus bootstrap\` then \`directus start\` with DB_CLIENT=sqlite3, ADMIN_EMAIL/ADMIN_PASSWORD (the seeded user), ACCESS_TOKEN_TTL=${TTL}s, REFRESH_TOKEN_TTL=7d, CORS_ENABLED=true, CORS_ORIGIN=<page origin>, CORS_CREDENTIALS=true, REFRESH_TOKEN_COOKIE_SECURE=false, REFRESH_TOKEN_COOKIE_SAME_SITE=lax`,
  [`strapi ${STRAPI_VERSION}`]: `npm \`@strapi/strapi@${STRAPI_VERSION}\` + \`@strapi/plugin-users-permissions@${STRAPI_VERSION}\` + \`better-sqlite3@12.6.2\` (built from source), the create-strapi-app vanilla-js layout without admin panel; users-permissions config \`jwtManagement: 'refresh'\`, \`sessions: { accessTokenLifespan: ${TTL}, httpOnly: true (cookie rows) | false (body rows), cookie: { secure: false } }\`, \`ratelimit.max: 200\`; CORS \`{ origin: [<page origin>], credentials: true }\`; a confirmed user in the Authenticated role, made in \`bootstrap()\``,
};

function failedResults(note: string): Results {
  return Object.fromEntries(CHECKS.map((name) => [name, { ok: false, note }])) as Results;
}

interface Instance {
  wire: ServerWire;
  stop(): Promise<void>;
}

async function main(): Promise<number> {
  const startedAt = Date.now();
  const bundle = resolve(options.bundle);
  if (!existsSync(bundle)) {
    console.error(`No bundle at ${bundle}: run \`npm run build\` first (or pass --bundle).`);
    return 2;
  }
  if (!Number.isFinite(TTL) || TTL < 5) {
    console.error('--ttl: seconds, at least 5');
    return 2;
  }
  mkdirSync(logDir, { recursive: true });
  const only = new Set(options.only ?? ['directus', 'strapi']);
  const configurations = CONFIGURATIONS.filter((configuration) => only.has(configuration.server));

  // Install (in parallel: one mostly downloads while the other compiles).
  const installed: Partial<Record<'directus' | 'strapi', { folder?: string; error?: string }>> = {};
  const installStarted = Date.now();
  await Promise.all(
    ([['directus', directusSpec], ['strapi', strapiSpec]] as const)
      .filter(([name]) => only.has(name))
      .map(async ([name, spec]) => {
        try {
          installed[name] = { folder: (await ensureInstalled(spec, log)).folder };
        } catch (error) {
          installed[name] = { error: (error as Error).message };
          log(`✗ ${(error as Error).message}`);
        }
      }),
  );
  log(`servers ready in ${Math.round((Date.now() - installStarted) / 1000)} s`);

  const pages = await startPageServer(bundle, 0);
  let browser: Browser | undefined;
  const rows: Row[] = [];
  try {
    browser = await chromium.launch(chromiumLaunchOptions());
    const chromiumVersion = `Chromium ${browser.version()}`;
    const instances = [...new Set(configurations.map((configuration) => configuration.instance))];
    for (const instanceName of instances) {
      const server = instanceName === 'directus' ? 'directus' : 'strapi';
      const own = configurations.filter((configuration) => configuration.instance === instanceName);
      const add = (configuration: Configuration, results: Results) =>
        rows.push({ server, version: VERSIONS[server], configuration, serverSetup: '', results });
      const folder = installed[server]?.folder;
      if (!folder) {
        for (const configuration of own) add(configuration, failedResults(`not installed: ${installed[server]?.error ?? 'unknown'}`));
        continue;
      }
      log(`\n▶ starting ${instanceName}`);
      let instance: Instance;
      const serverStarted = Date.now();
      try {
        if (server === 'directus') {
          const started = await startDirectus(folder, { pageOrigin: pages.origin, email: EMAIL, password: PASSWORD, accessTokenSeconds: TTL, logDir });
          instance = { wire: directusWire(started.origin), stop: started.stop };
        } else {
          const mode: StrapiMode = instanceName === 'strapi-cookie' ? 'cookie' : 'body';
          const started = await startStrapi(folder, { mode, pageOrigin: pages.origin, email: EMAIL, password: PASSWORD, accessTokenSeconds: TTL, logDir });
          instance = { wire: strapiWire(started.origin), stop: started.stop };
        }
      } catch (error) {
        log(`✗ ${(error as Error).message}`);
        for (const configuration of own) add(configuration, failedResults(`server did not start: ${(error as Error).message}`));
        continue;
      }
      log(`  up at ${instance.wire.origin} in ${Math.round((Date.now() - serverStarted) / 1000)} s`);
      try {
        for (const configuration of own) {
          log(`\n● ${server} ${VERSIONS[server]}: ${configuration.label}`);
          const url = pages.add({ attributes: { ...configuration.attributes, 'base-url': instance.wire.baseUrl }, endpoints: configuration.endpoints });
          const context = await browser.newContext();
          try {
            const results = await runChecks({ context, url, wire: instance.wire, configuration, email: EMAIL, password: PASSWORD, accessTokenSeconds: TTL, log });
            add(configuration, results);
          } finally {
            await context.close();
          }
        }
      } finally {
        await instance.stop();
      }
    }

    const date = new Date().toISOString().slice(0, 10);
    const table = tableMarkdown(rows);
    console.log(`\n${table}\n`);
    if (!options['no-write']) {
      const file = join(repoRoot, 'docs', 'compatibility.md');
      const hash = createHash('sha256').update(readFileSync(bundle)).digest('hex').slice(0, 12);
      const shown = bundle.startsWith(repoRoot) ? relative(repoRoot, bundle) : bundle;
      const description = `\`${shown}\` (sha256 ${hash}${options.label ? `, ${options.label}` : ''})`;
      writeFileSync(file, reportMarkdown(rows, { date, chromium: chromiumVersion, bundle: description, ttlSeconds: TTL, serverSetups: SERVER_SETUPS }));
      console.log(`wrote ${file}`);
      // The README shows the table of a full run only: a partial one would hide a server.
      if (!options.only) {
        const summary = `Last run ${date}: Directus ${DIRECTUS_VERSION}, Strapi ${STRAPI_VERSION}, Chromium ${chromiumVersion}, ${description}.`;
        updateReadme(join(repoRoot, 'README.md'), `${summary}\n\n${table}`);
      }
    }
  } finally {
    await browser?.close();
    await pages.close();
  }
  const passed = rows.reduce((sum, row) => sum + CHECKS.filter((name) => row.results[name].ok).length, 0);
  const failed = rows.length * CHECKS.length - passed;
  console.log(`took ${Math.round((Date.now() - startedAt) / 1000)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  return allPassed(rows) ? 0 : 1;
}

/** Replaces what stands between the README's compatibility markers. */
function updateReadme(file: string, content: string): void {
  const readme = readFileSync(file, 'utf8');
  const pattern = /(<!-- compatibility:start -->\n)[\s\S]*?(\n<!-- compatibility:end -->)/;
  if (!pattern.test(readme)) throw new Error('README.md has no compatibility markers');
  writeFileSync(file, readme.replace(pattern, (_, start: string, end: string) => `${start}${content}${end}`));
  console.log(`updated ${file}`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
