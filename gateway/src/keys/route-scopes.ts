/**
 * Which scope a request needs, from the route table (`proto/src/routes.ts`, column `scope`) and the
 * module routes (OpenAI API, log stream). Looked up before routing (auth runs first): one map probe
 * for a fixed path, a few regex tests for the paths with a parameter.
 */
import { MODULE_ROUTE_SCOPES, ROUTES, type Scope } from "@sinhome/proto";

/** `undefined` = the path is not ours (404/405 follows); `null` = any valid key. */
export type ScopeLookup = (method: string, path: string) => Scope | null | undefined;

export function routeScopes(): ScopeLookup {
  const fixed = new Map<string, Scope | null>();
  const patterns: { method: string; regex: RegExp; scope: Scope | null }[] = [];
  for (const r of ROUTES) {
    if (r.path.includes(":")) patterns.push({ method: r.method, regex: new RegExp(`^${r.path.replace(/:[a-z_]+/g, "[^/]+")}$`), scope: r.scope });
    else fixed.set(`${r.method} ${r.path}`, r.scope);
  }
  const modules = new Map(Object.entries(MODULE_ROUTE_SCOPES));
  return (method, path) => {
    const scope = fixed.get(`${method} ${path}`) ?? modules.get(path);
    if (scope !== undefined) return scope;
    for (const p of patterns) if (p.method === method && p.regex.test(path)) return p.scope;
    return undefined;
  };
}

/**
 * The OpenAPI security requirement of an operation: either key form, naming the scope the key needs
 * (OpenAPI 3.1 lets non-OAuth schemes list roles), repeated as `x-sinhome-scope` for tools; `[]` when public.
 */
export function securityDoc(scope: Scope | null, isPublic = false): { security: Record<string, string[]>[]; "x-sinhome-scope"?: Scope | null } {
  if (isPublic) return { security: [] };
  const roles = scope ? [scope] : [];
  return { security: [{ bearer: roles }, { apiKey: roles }], "x-sinhome-scope": scope };
}
