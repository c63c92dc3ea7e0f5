/**
 * Paths the service itself answers outside the console: everything else a browser GETs is a console
 * address, answered with the console's index.html (the client-side router draws the screen).
 */
const SERVICE_PREFIXES = ['/api', '/docs', '/docs-json', '/docs-yaml', '/health', '/metrics', '/status', '/admin/queues'];

/** The console's own screens (the router in web/src/shell/routes.tsx); any other path is its not-found screen. */
const CONSOLE_ROUTES: RegExp[] = [
  /^\/$/,
  /^\/join\/[^/]+$/,
  /^\/desk$/,
  /^\/conversations(\/[^/]+)?$/,
  /^\/incidents(\/[^/]+)?$/,
  /^\/(live-queue|roster|agents|rules|events|accounts|roster-import|flights|planning|unroutable)$/,
];

export function isServicePath(path: string): boolean {
  return SERVICE_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

export function isConsoleRoute(path: string): boolean {
  const normalised = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return CONSOLE_ROUTES.some((route) => route.test(normalised));
}
