import type { IamCatalog } from '../catalog/catalog';
import { parseCached } from './policies';

/**
 * What the editor's Simulate Request form offers: the policy's own actions first (wildcards
 * expanded from the catalog), and for a chosen action the ARN templates of the resource types it
 * acts on and the condition keys it supports (its own and its resource types'), as the Service
 * Authorization Reference lists them.
 */

const MAX_ACTIONS = 200;

export interface SimulateOptions {
  readonly actions: readonly string[];
  readonly resourceTemplates: readonly string[];
  readonly conditionKeys: readonly string[];
}

export function simulateOptions(catalog: IamCatalog, text?: string, action?: string, query?: string): SimulateOptions {
  const actions: string[] = [];
  const seen = new Set<string>();
  if (text !== undefined) {
    for (const statement of parseCached(text).model.statements) {
      for (const entry of statement.action?.strings ?? []) {
        const [service, name] = entry.value.split(':');
        if (!service || name === undefined || !catalog.hasService(service)) continue;
        for (const info of catalog.matchActions(service, name)) {
          const full = `${info.service}:${info.name}`;
          if (actions.length >= MAX_ACTIONS || seen.has(full.toLowerCase())) continue;
          seen.add(full.toLowerCase());
          actions.push(full);
        }
      }
    }
  }
  for (const match of catalogActions(catalog, query)) {
    if (actions.length >= MAX_ACTIONS) break;
    if (seen.has(match.toLowerCase())) continue;
    seen.add(match.toLowerCase());
    actions.push(match);
  }
  const [service, name] = (action ?? '').split(':');
  const info = service && name ? catalog.action(service, name) : undefined;
  if (!info) return { actions, resourceTemplates: [], conditionKeys: [] };
  const types = info.resourceTypes.map((rt) => catalog.resourceType(info.service, rt.name)).filter((rt) => rt !== undefined);
  // An action without resource types takes "*" (no resource-level permissions).
  const resourceTemplates = types.length > 0 ? [...new Set(types.map((rt) => rt.arn))] : ['*'];
  const conditionKeys = [...new Set([...info.conditionKeys, ...types.flatMap((rt) => rt.conditionKeys)])].sort();
  return { actions, resourceTemplates, conditionKeys };
}

/**
 * Catalog actions for what the user typed: `s3:get` → the S3 actions starting with "Get";
 * `getobject` → actions of any service whose name contains it. Nothing for an empty query.
 */
function catalogActions(catalog: IamCatalog, query: string | undefined): string[] {
  const typed = query?.trim().toLowerCase() ?? '';
  if (typed.length === 0) return [];
  const colon = typed.indexOf(':');
  if (colon > 0) {
    const service = typed.slice(0, colon);
    const start = typed.slice(colon + 1);
    if (!catalog.hasService(service)) return [];
    return catalog
      .actions(service)
      .filter((info) => info.name.toLowerCase().startsWith(start))
      .map((info) => `${info.service}:${info.name}`);
  }
  const found: string[] = [];
  for (const service of catalog.servicePrefixes()) {
    for (const info of catalog.actions(service)) {
      if (!`${info.service}:${info.name}`.toLowerCase().includes(typed)) continue;
      found.push(`${info.service}:${info.name}`);
      if (found.length >= MAX_ACTIONS) return found;
    }
  }
  return found;
}
