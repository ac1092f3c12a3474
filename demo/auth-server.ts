/** The stand-in auth server's origin: handed to the pages by `npm run demo` (demo/demo-server.ts). */
export const authServer = import.meta.env.VITE_AUTH_SERVER_URL ?? 'http://127.0.0.1:8787';
