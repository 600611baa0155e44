import { lineOf } from '../evaluate/lines';
import { parseCached } from '../evaluate/policies';
import type { AccessLevel, IamCatalog } from '../catalog/catalog';
import { inferPolicyKind } from '../detect';
import type { PolicyKind, StatementModel } from '../model';
import { describeExpanded, type ExpandedAction, expandAction, LEVEL_INFINITIVE, LEVEL_ORDER, LEVEL_VERB, unionOfLevels } from './actions';
import { describeConditions, describePrincipalElement, describeResource } from './phrases';

/**
 * "What does this policy allow?" in plain words: one sentence per statement and a per-service
 * access-level summary like the IAM console's policy summary
 * (IAM User Guide, access_policies_understand-policy-summary.html: Full access, or Limited with
 * the access levels granted, plus the resources and request conditions that limit it).
 */

export interface StatementExplanation {
  readonly index: number;
  readonly sid?: string;
  /** 1-based line of the statement. */
  readonly line: number;
  readonly effect: string;
  readonly sentence: string;
  readonly actions: readonly { readonly pattern: string; readonly description: string; readonly count: number; readonly levels: readonly AccessLevel[] }[];
  readonly resources: readonly string[];
  readonly conditions: readonly string[];
}

export interface ServiceSummary {
  readonly service: string;
  readonly name: string;
  /** "Full access" or "Limited: Read, List". */
  readonly access: string;
  readonly levels: readonly { readonly level: AccessLevel; readonly granted: number; readonly total: number }[];
  readonly resources: readonly string[];
  readonly conditions: readonly string[];
}

export interface PolicyExplanation {
  readonly kind: PolicyKind;
  /** What this kind of policy does in the evaluation, in a sentence. */
  readonly role: string;
  readonly statements: readonly StatementExplanation[];
  /** Services the Allow statements reach. */
  readonly allowed: readonly ServiceSummary[];
  /** Services the Deny statements reach. */
  readonly denied: readonly ServiceSummary[];
  /** Statements with NotAction, or Action "*", that reach every service and cannot be listed per service. */
  readonly everyService: readonly string[];
}

const ROLE: Readonly<Record<PolicyKind, string>> = {
  identity: 'An identity-based policy: it grants its principal (user, group or role) what it allows, unless something else denies.',
  resource: 'A resource-based policy: it grants the principals it names access to the resource it is attached to.',
  trust: "A role trust policy: it says who may assume the role; the role's permissions policies say what the role can do.",
  scp: 'A service control policy: it grants nothing; it caps what principals of the accounts below it can be granted.',
  rcp: 'A resource control policy: it grants nothing; it caps what can be done with the resources of the accounts below it.',
  endpoint: 'A VPC endpoint policy: it caps what can be done through the endpoint; it grants nothing by itself.',
};

const descriptions = new WeakMap<ExpandedAction, string>();
function describedOnce(e: ExpandedAction, catalog: IamCatalog): string {
  let description = descriptions.get(e);
  if (description === undefined) {
    description = describeExpanded(e, catalog);
    descriptions.set(e, description);
  }
  return description;
}

export function explainPolicy(text: string, catalog: IamCatalog, kind?: PolicyKind): PolicyExplanation {
  // The same cache as simulations: the editor explains and simulates the same texts again and again.
  const { model, starts } = parseCached(text);
  const resolvedKind = kind ?? model.wrapperKind ?? inferPolicyKind(model);
  // Large policies repeat the same action patterns: expand and describe each once.
  const expansions = new Map<string, ExpandedAction>();
  const expand = (pattern: string): ExpandedAction => {
    let e = expansions.get(pattern);
    if (!e) {
      e = expandAction(pattern, catalog);
      expansions.set(pattern, e);
    }
    return e;
  };
  const statements: StatementExplanation[] = [];
  const expandedByStatement: ExpandedAction[][] = [];
  for (const statement of model.statements) {
    const expanded = (statement.action?.strings ?? []).map((s) => expand(s.value));
    expandedByStatement.push(expanded);
    statements.push(explainStatement(statement, expanded, lineOf(starts, statement.node.offset), resolvedKind, catalog));
  }
  const summarize = (effect: string): { services: ServiceSummary[]; every: string[] } => {
    const byService = new Map<string, ServiceEntry>();
    const every: string[] = [];
    model.statements.forEach((statement, i) => {
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
  };
  const allow = summarize('Allow');
  const deny = summarize('Deny');
  return {
    kind: resolvedKind,
    role: ROLE[resolvedKind],
    statements,
    allowed: allow.services,
    denied: deny.services,
    everyService: [...allow.every, ...deny.every.map((e) => `denied: ${e}`)],
  };
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

function explainStatement(statement: StatementModel, expanded: ExpandedAction[], line: number, kind: PolicyKind, catalog: IamCatalog): StatementExplanation {
  const effect = statement.effect?.value ?? '(no Effect)';
  const resources = [...(statement.resource?.strings ?? []).map((s) => describeResource(s.value))];
  const notResources = (statement.notResource?.strings ?? []).map((s) => describeResource(s.value));
  const conditions = describeConditions(statement.condition);
  const actions = expanded.map((e) => ({
    pattern: e.pattern,
    description: describedOnce(e, catalog),
    count: e.service === '*' ? catalog.totalActionCount() : e.actions.length,
    levels: e.levels,
  }));

  const verb =
    effect === 'Deny'
      ? 'Denies'
      : effect === 'Allow'
        ? kind === 'scp' || kind === 'rcp' || kind === 'endpoint'
          ? 'Permits (as a ceiling)'
          : 'Allows'
        : 'Would allow or deny (the Effect is invalid)';
  const principal = describePrincipalElement(statement.principal);
  const notPrincipal = describePrincipalElement(statement.notPrincipal);
  const named = principal ?? (notPrincipal ? `everyone except ${notPrincipal}` : undefined);
  // With a principal the sentence takes an infinitive: "Allows account 111122223333 to read …".
  const who = named ? (effect === 'Deny' ? ` ${named} permission to` : ` ${named} to`) : '';
  const form = named ? 'infinitive' : 'gerund';

  const on =
    resources.length > 0
      ? joinWords(resources)
      : notResources.length > 0
        ? `every resource except ${joinWords(notResources)}`
        : 'the resource this policy is attached to';
  const when = conditions.length > 0 ? ` ${conditions.join(' and ')}` : '';
  let sentence: string;
  if (statement.notAction) {
    sentence = `${verb}${who} ${named ? 'perform ' : ''}every action except ${list(statement.notAction.strings.map((s) => s.value))} on ${on}${when}.`;
  } else {
    const actionText = actions.map((a) => (a.levels.length > 0 && a.pattern !== '*' ? `${a.description}, ${a.levels.join(' / ')}` : a.description)).join('; ');
    sentence = `${verb}${who} ${doing(expanded, catalog, form)} ${on} (${actionText || 'no actions'})${when}.`;
  }
  return { index: statement.index, sid: statement.sid?.value, line, effect, sentence: sentence.replace(/\s+/g, ' '), actions, resources, conditions };
}

/** "reading and listing", "every S3 action on", "everything on": the verb phrase before the resources. */
function doing(expanded: readonly ExpandedAction[], catalog: IamCatalog, form: 'gerund' | 'infinitive'): string {
  const perform = form === 'infinitive' ? 'perform ' : '';
  if (expanded.some((e) => e.service === '*')) return `${perform}every action on`;
  const whole = expanded.filter((e) => !e.unknown && e.actions.length === catalog.actions(e.service).length);
  if (whole.length > 0 && whole.length === expanded.length)
    return `${perform}every ${joinWords(whole.map((e) => catalog.serviceName(e.service) ?? e.service))} action on`;
  const levels = unionOfLevels(expanded.map((e) => e.levels));
  const verbs = form === 'infinitive' ? LEVEL_INFINITIVE : LEVEL_VERB;
  return levels.length > 0 ? joinWords(levels.map((l) => verbs[l])) : `${perform}actions on`;
}

function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
