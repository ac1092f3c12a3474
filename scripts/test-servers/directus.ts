// Directus 10 (the last major that runs on Node 20: 11 and later need Node 22), on SQLite
// through the `sqlite3` driver it names, built from source. `directus bootstrap` creates the
// schema and the admin user from ADMIN_EMAIL / ADMIN_PASSWORD: that is the seeded user.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InstallSpec } from './cache.js';
import { freePort, runToEnd, startProcess, waitForHttp, type Started } from './process.js';

export const DIRECTUS_VERSION = '10.13.4';

export const directusSpec: InstallSpec = {
  name: 'directus',
  version: DIRECTUS_VERSION,
  dependencies: { directus: DIRECTUS_VERSION, sqlite3: '5.1.7' },
};

export interface DirectusServer {
  origin: string;
  accessTokenSeconds: number;
  logFile: string;
  stop(): Promise<void>;
}

export async function startDirectus(
  folder: string,
  options: { pageOrigin: string; email: string; password: string; accessTokenSeconds: number; logDir: string },
): Promise<DirectusServer> {
  const data = join(folder, 'data');
  mkdirSync(join(data, 'uploads'), { recursive: true });
  mkdirSync(join(data, 'extensions'), { recursive: true });
  // Directus looks for extension packages in the package.json of its working folder.
  writeFileSync(join(data, 'package.json'), '{ "name": "directus-data", "private": true }\n');
  const database = join(data, 'directus.db');
  rmSync(database, { force: true });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: origin,
    KEY: `key-${Date.now()}`,
    SECRET: `secret-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`,
    DB_CLIENT: 'sqlite3',
    DB_FILENAME: database,
    STORAGE_LOCATIONS: 'local',
    STORAGE_LOCAL_ROOT: join(data, 'uploads'),
    EXTENSIONS_PATH: join(data, 'extensions'),
    ADMIN_EMAIL: options.email,
    ADMIN_PASSWORD: options.password,
    ACCESS_TOKEN_TTL: `${options.accessTokenSeconds}s`,
    REFRESH_TOKEN_TTL: '7d',
    REFRESH_TOKEN_COOKIE_SECURE: 'false',
    REFRESH_TOKEN_COOKIE_SAME_SITE: 'lax',
    CORS_ENABLED: 'true',
    CORS_ORIGIN: options.pageOrigin,
    CORS_CREDENTIALS: 'true',
    TELEMETRY: 'false',
    LOG_LEVEL: 'warn',
    LOG_STYLE: 'raw',
    CACHE_ENABLED: 'false',
    RATE_LIMITER_ENABLED: 'false',
  };
  // Directus' CLI without the `directus` wrapper's update check (a registry call and a banner).
  const cli = join(folder, 'node_modules', '@directus', 'api', 'dist', 'cli', 'run.js');
  const logFile = join(options.logDir, 'directus.log');
  const bootstrapped = await runToEnd(process.execPath, [cli, 'bootstrap'], { cwd: data, env, logFile });
  if (bootstrapped !== 0) throw new Error(`directus bootstrap failed (exit ${bootstrapped}); see ${logFile}`);
  const started: Started = startProcess(process.execPath, [cli, 'start'], { cwd: data, env, logFile });
  try {
    await waitForHttp(`${origin}/server/ping`, started, 120_000);
  } catch (error) {
    await started.stop();
    throw new Error(`Directus did not start: ${(error as Error).message}; see ${logFile}`, { cause: error });
  }
  return { origin, accessTokenSeconds: options.accessTokenSeconds, logFile, stop: () => started.stop() };
}
