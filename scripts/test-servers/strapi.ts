// Strapi 5 with its users-permissions plugin, as `create-strapi-app` lays it out (vanilla-js
// template of the same version), on SQLite through better-sqlite3 12 (built from source).
//
// `jwtManagement: 'refresh'` (sessions) arrived in @strapi/plugin-users-permissions 5.24
// (5.23.x has none of it); the template of create-strapi-app 5.54 turns it on with
// `sessions.httpOnly: true`, i.e. the refresh token in an httpOnly cookie.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InstallSpec } from './cache.js';
import { freePort, startProcess, waitForHttp, type Started } from './process.js';

export const STRAPI_VERSION = '5.54.0';

export const strapiSpec: InstallSpec = {
  name: 'strapi',
  version: STRAPI_VERSION,
  dependencies: {
    '@strapi/strapi': STRAPI_VERSION,
    '@strapi/plugin-users-permissions': STRAPI_VERSION,
    'better-sqlite3': '12.6.2',
    react: '18.3.1',
    'react-dom': '18.3.1',
    'react-router-dom': '6.30.3',
    'styled-components': '6.1.19',
  },
};

/** How the users-permissions plugin hands out refresh tokens. */
export type StrapiMode = 'cookie' | 'body';

// The app's files. Everything that differs between runs comes from the environment.
const FILES: Record<string, string> = {
  'config/server.js': `module.exports = ({ env }) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS') },
  logger: { updates: { enabled: false } },
});
`,
  'config/admin.js': `module.exports = ({ env }) => ({
  // No admin panel: nothing to build, the suite speaks only to the Content API.
  serveAdminPanel: false,
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
});
`,
  'config/database.js': `const path = require('path');
module.exports = ({ env }) => ({
  connection: {
    client: 'sqlite',
    connection: { filename: path.join(__dirname, '..', env('DATABASE_FILENAME', '.tmp/data.db')) },
    useNullAsDefault: true,
  },
});
`,
  'config/api.js': `module.exports = { rest: { defaultLimit: 25, maxLimit: 100, withCount: true } };
`,
  // As the template, with CORS opened to the test page's origin, credentials allowed.
  'config/middlewares.js': `module.exports = ({ env }) => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  { name: 'strapi::cors', config: { origin: env.array('CORS_ORIGIN'), credentials: true } },
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
`,
  // As the template (jwtManagement 'refresh', sessions.httpOnly true), with a short access
  // token, the httpOnly switch and the cookie's Secure flag from the environment (plain HTTP
  // here), and a higher sign-in rate limit (the default, 10 a minute, is close to what one run does).
  'config/plugins.js': `module.exports = ({ env }) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      jwtManagement: env('UP_JWT_MANAGEMENT', 'refresh'),
      sessions: {
        accessTokenLifespan: env.int('UP_ACCESS_TOKEN_LIFESPAN', 600),
        httpOnly: env.bool('UP_HTTP_ONLY', true),
        cookie: { secure: env.bool('UP_COOKIE_SECURE', false) },
      },
      ratelimit: { interval: 60000, max: 200 },
    },
  },
});
`,
  // The seeded user, confirmed, in the Authenticated role.
  'src/index.js': `module.exports = {
  register() {},
  async bootstrap({ strapi }) {
    const email = process.env.SEED_EMAIL;
    const password = process.env.SEED_PASSWORD;
    if (!email || !password) return;
    const users = strapi.db.query('plugin::users-permissions.user');
    if (await users.findOne({ where: { email } })) return;
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
    await strapi.plugin('users-permissions').service('user').add({
      username: process.env.SEED_USERNAME || 'tester',
      email,
      password,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    });
  },
};
`,
};

export interface StrapiServer {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  /** the Content API's base: origin + /api */
  api: string;
  mode: StrapiMode;
  accessTokenSeconds: number;
  logFile: string;
  stop(): Promise<void>;
}

export async function startStrapi(
  folder: string,
  options: { mode: StrapiMode; pageOrigin: string; email: string; password: string; accessTokenSeconds: number; logDir: string },
): Promise<StrapiServer> {
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  for (const empty of ['public/uploads', 'src/api', 'src/extensions', 'database/migrations']) mkdirSync(join(folder, empty), { recursive: true });
  const database = `.tmp/${options.mode}.db`;
  rmSync(join(folder, database), { force: true });
  const port = await freePort();
  const secret = (label: string) => `${label}-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    APP_KEYS: [secret('k1'), secret('k2')].join(','),
    API_TOKEN_SALT: secret('salt'),
    ADMIN_JWT_SECRET: secret('admin'),
    TRANSFER_TOKEN_SALT: secret('transfer'),
    ENCRYPTION_KEY: secret('enc'),
    JWT_SECRET: secret('jwt'),
    DATABASE_FILENAME: database,
    CORS_ORIGIN: options.pageOrigin,
    UP_JWT_MANAGEMENT: 'refresh',
    UP_HTTP_ONLY: String(options.mode === 'cookie'),
    UP_ACCESS_TOKEN_LIFESPAN: String(options.accessTokenSeconds),
    UP_COOKIE_SECURE: 'false',
    SEED_EMAIL: options.email,
    SEED_PASSWORD: options.password,
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_HIDE_STARTUP_MESSAGE: 'true',
    BROWSER: 'none',
  };
  const logFile = join(options.logDir, `strapi-${options.mode}.log`);
  const started: Started = startProcess(process.execPath, [join(folder, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'], {
    cwd: folder,
    env,
    logFile,
  });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${origin}/_health`, started, 180_000);
  } catch (error) {
    await started.stop();
    throw new Error(`Strapi (${options.mode}) did not start: ${(error as Error).message}; see ${logFile}`, { cause: error });
  }
  return { origin, api: `${origin}/api`, mode: options.mode, accessTokenSeconds: options.accessTokenSeconds, logFile, stop: () => started.stop() };
}
