import { UNMATCHED_ROUTE } from './names.ts';

/** The parts of an Express 4 or 5 request the route template is built from. */
export interface RoutedRequest {
  readonly baseUrl?: string;
  readonly route?: unknown;
  readonly app?: unknown;
}

/** A router layer as Express 4 (`keys`, `match`) and Express 5 (`rawPath`) shape it. */
interface Layer {
  readonly route?: unknown;
  readonly handle?: {
    stack?: Layer[];
    router?: { stack?: Layer[] };
    _router?: { stack?: Layer[] };
  };
  readonly rawPath?: unknown;
  readonly keys?: readonly ({ name: string | number } | string)[];
  match?(path: string): boolean;
  readonly path?: string;
  readonly params?: Record<string, string>;
}

/** The router layers leading from the application to each route, found once per route. */
const chains = new WeakMap<object, Layer[] | null>();

/**
 * The route template of a request, never its raw URL: the mount paths of the routers it passed
 * through plus the matched route's path, so nested routers give the full template and a router
 * mounted at `/users/:id` contributes `:id`, not `42`. A request no route matched gets the shared
 * value `unmatched`. Express 5 keeps each mount pattern (`rawPath`); on Express 4 the concrete
 * mount path is matched again and its parameter values put back as `:name`.
 */
export function routeTemplate(req: RoutedRequest): string {
  const route = req.route as { path?: unknown } | undefined;
  if (route === undefined || route === null) return UNMATCHED_ROUTE;

  const routePath = pathToString(route.path);
  const chain = chainTo(req.app, route);
  const mount = chain ? mountTemplate(chain, req.baseUrl ?? '') : undefined;
  return normaliseWildcards(joinPaths(mount ?? maskValues(req.baseUrl ?? ''), routePath));
}

function chainTo(app: unknown, route: object): Layer[] | undefined {
  if (!chains.has(route)) chains.set(route, findChain(rootStack(app), route, 0));
  return chains.get(route) ?? undefined;
}

function rootStack(app: unknown): Layer[] {
  const candidate = app as
    | { router?: { stack?: Layer[] }; _router?: { stack?: Layer[] } }
    | undefined;
  if (candidate === undefined || candidate === null) return [];
  // Express 4 keeps its router in `_router`; its `router` getter throws a deprecation error.
  return '_router' in candidate
    ? (candidate._router?.stack ?? [])
    : (candidate.router?.stack ?? []);
}

/** Depth-first search for the layers (routers, sub-apps) that contain `route`. */
function findChain(stack: Layer[], route: object, depth: number): Layer[] | null {
  if (depth > 32) return null;
  for (const layer of stack) {
    if (layer.route === route) return [];
    const inner = layer.handle?.stack ?? (layer.handle ? rootStack(layer.handle) : undefined);
    const below = inner ? findChain(inner, route, depth + 1) : null;
    if (below) return [layer, ...below];
  }
  return null;
}

function mountTemplate(chain: Layer[], baseUrl: string): string | undefined {
  let template = '';
  let remaining = baseUrl;
  for (const layer of chain) {
    if (typeof layer.rawPath === 'string') {
      template = joinPaths(template, layer.rawPath);
      continue;
    }
    // Express 4: match the concrete mount path again, synchronously, as Express itself does.
    if (!layer.match?.(remaining) || layer.path === undefined) return undefined;
    template = joinPaths(template, restoreParams(layer.path, layer.params ?? {}, layer.keys ?? []));
    remaining = remaining.slice(layer.path.length);
  }
  return template;
}

function restoreParams(path: string, params: Record<string, string>, keys: Layer['keys'] & {}) {
  let result = path;
  for (const key of keys) {
    const name = String(typeof key === 'object' ? key.name : key);
    const value = params[name];
    if (value !== undefined && value !== '') {
      result = result
        .replace(`/${encodeURIComponent(value)}`, `/:${name}`)
        .replace(`/${value}`, `/:${name}`);
    }
  }
  return result;
}

/** Last resort when the router tree cannot be walked: hide segments that look like values. */
function maskValues(path: string): string {
  return path.replace(/\/(?=[^/]*\d)[^/]+/g, '/:param');
}

/**
 * Express 5 names its wildcards (`/*splat`, `{/*rest}`) and Express 4 leaves them bare (`*`);
 * both become `*` so dashboards see one spelling.
 */
export function normaliseWildcards(template: string): string {
  const collapsed = template
    .replace(/\{\/\*[\w$]*\}/g, '/*')
    .replace(/\*[A-Za-z_$][\w$]*/g, '*')
    .replace(/\/{2,}/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

function joinPaths(base: string, path: string): string {
  return `${base}/${path}`.replace(/\/{2,}/g, '/') || '/';
}

function pathToString(path: unknown): string {
  if (typeof path === 'string') return path;
  if (path instanceof RegExp) return `regex:${path.source}`;
  if (Array.isArray(path)) return path.map(pathToString).join(',');
  return String(path);
}
