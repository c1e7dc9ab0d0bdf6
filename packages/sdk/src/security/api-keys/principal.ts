/** The authenticated caller of one request. */
export interface ApiKeyPrincipal {
  /** Public id of the key, safe to log. */
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly string[];
}

// Keyed by the request object, so nothing is added to Express's request type and the entry
// disappears with the request.
const principals = new WeakMap<object, ApiKeyPrincipal>();

/** The API key that authenticated `req`, or undefined for an anonymous request. */
export function getApiKeyPrincipal(req: object): ApiKeyPrincipal | undefined {
  return principals.get(req);
}

/** Records the caller of `req`; only the authentication middleware calls it. */
export function setApiKeyPrincipal(req: object, principal: ApiKeyPrincipal): void {
  principals.set(req, principal);
}
