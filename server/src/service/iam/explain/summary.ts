import type { AccessLevel, IamCatalog } from '../catalog/catalog';
import type { StatementModel } from '../model';
import { type ExpandedAction, LEVEL_ORDER } from './actions';
import type { StatementExplanation } from './index';

/**
 * The per-service summary, as the IAM console's policy summary shows it
 * (IAM User Guide, access_policies_understand-policy-summary.html): for each service, Full access
 * or Limited with the access levels granted, the resources and the request conditions.
 */

export interface ServiceSummary {
  readonly service: string;
  readonly name: string;
  /** "Full access" or "Limited: Read, List". */
  readonly access: string;
  readonly levels: readonly { readonly level: AccessLevel; readonly granted: number; readonly total: number }[];
  readonly resources: readonly string[];
  readonly conditions: readonly string[];
}

export function summarize(
  statementModels: readonly StatementModel[],
  statements: readonly StatementExplanation[],
  expandedByStatement: readonly (readonly ExpandedAction[])[],
  effect: 'Allow' | 'Deny',
  catalog: IamCatalog,
): { services: ServiceSummary[]; every: string[] } {
  const byService = new Map<string, ServiceEntry>();
  const every: string[] = [];
  statementModels.forEach((statement, i) => {
    if (statement.effect?.value !== effect) return;
    const explanation = statements[i]!;
    const label = explanation.sid ? `"${explanation.sid}"` : `statement ${i + 1}`;
    const seen = new Set<string>();
    if (statement.notAction) every.push(`${label} (line ${explanation.line}): every action except ${list(statement.notAction.strings.map((s) => s.value))}`);
    for (const e of expandedByStatement[i]!) {
      if (e.service === '*') {
        every.push(`${label} (line ${explanation.line}): every action of every service`);
        continue;
      }
      if (e.unknown) continue;
      let entry = byService.get(e.service);
      if (!entry) {
        entry = { expansions: new Set(), resources: new Set(), conditions: new Map(), statements: 0 };
        byService.set(e.service, entry);
      }
      // Patterns repeat across statements: keep each expansion once and unite the names at the end.
      entry.expansions.add(e);
      for (const r of explanation.resources) entry.resources.add(r);
      if (seen.has(e.service)) continue;
      seen.add(e.service);
      entry.statements++;
      for (const c of explanation.conditions) entry.conditions.set(c, (entry.conditions.get(c) ?? 0) + 1);
    }
  });
  const services = [...byService.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([service, entry]) => summarizeService(service, entry, catalog));
  return { services, every };
}

interface ServiceEntry {
  readonly expansions: Set<ExpandedAction>;
  readonly resources: Set<string>;
  readonly conditions: Map<string, number>;
  statements: number;
}

/** A summary cell stays readable: the first resources, then how many more. */
const MAX_LISTED = 8;
function shortList(items: string[]): string[] {
  return items.length <= MAX_LISTED ? items : [...items.slice(0, MAX_LISTED), `and ${items.length - MAX_LISTED} more`];
}

function summarizeService(service: string, entry: ServiceEntry, catalog: IamCatalog): ServiceSummary {
  const all = catalog.actions(service);
  const names = new Set<string>();
  for (const e of entry.expansions) for (const a of e.actions) names.add(a.name);
  const granted = all.filter((a) => names.has(a.name));
  const levels = LEVEL_ORDER.map((level) => ({
    level,
    granted: granted.filter((a) => a.accessLevels.includes(level)).length,
    total: all.filter((a) => a.accessLevels.includes(level)).length,
  })).filter((l) => l.total > 0);
  const full = granted.length === all.length;
  const access = full
    ? 'Full access'
    : `Limited: ${levels
        .filter((l) => l.granted > 0)
        .map((l) => (l.granted === l.total ? `${l.level} (all)` : `${l.level} (${l.granted} of ${l.total})`))
        .join(', ')}`;
  return {
    service,
    name: catalog.serviceName(service) ?? service,
    access,
    levels,
    resources: entry.resources.size === 0 ? ['(the resource the policy is attached to)'] : shortList([...entry.resources]),
    // A condition that only some of the service's statements carry limits only those.
    conditions: shortList([...entry.conditions].map(([c, n]) => (n === entry.statements ? c : `${c} (some statements)`))),
  };
}

function list(values: readonly string[]): string {
  return values.map((v) => `\`${v}\``).join(', ');
}
