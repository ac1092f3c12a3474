// `npm run demo`: the stand-in auth server and the demo page, one URL to open.
// Environment: PORT (demo page, default 5173), AUTH_PORT (auth server, default 8787),
// ACCESS_TTL (access-token lifetime in seconds for all three APIs).
import { startDemo } from './demo-server.js';

function portFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} must be a port number`);
  return value;
}

const accessTtl = process.env.ACCESS_TTL ? Number(process.env.ACCESS_TTL) : undefined;
const demo = await startDemo({
  port: portFromEnv('PORT', 5173),
  auth: {
    port: portFromEnv('AUTH_PORT', 8787),
    ...(accessTtl ? { accessTtl } : {}),
    log: (line) => console.log(`  auth  ${line}`),
  },
});

console.log(`
  jwt-login-widget demo:  ${demo.url}

  (stand-in auth server at ${demo.auth.url}; demo credentials are on the page; Ctrl+C stops both)
`);

const stop = () => void demo.close().finally(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
