import { lineOf } from '../evaluate/lines';
import { parseCached } from '../evaluate/policies';
import type { AccessLevel, IamCatalog } from '../catalog/catalog';
import { inferPolicyKind } from '../detect';
import type { PolicyKind, StatementModel } from '../model';
import { describeExpanded, type ExpandedAction, expandAction, LEVEL_INFINITIVE, LEVEL_VERB, unionOfLevels } from './actions';
import { describeConditions, describePrincipalElement, describeResource } from './phrases';
import { type ServiceSummary, summarize } from './summary';

export type { ServiceSummary } from './summary';

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
  const allow = summarize(model.statements, statements, expandedByStatement, 'Allow', catalog);
  const deny = summarize(model.statements, statements, expandedByStatement, 'Deny', catalog);
  return {
    kind: resolvedKind,
    role: ROLE[resolvedKind],
    statements,
    allowed: allow.services,
    denied: deny.services,
    everyService: [...allow.every, ...deny.every.map((e) => `denied: ${e}`)],
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
  const assumeOnly = expanded.length > 0 && expanded.every((e) => /^sts:(AssumeRole|TagSession|SetSourceIdentity|SetContext)/i.test(e.pattern));
  if (kind === 'trust' && assumeOnly && named) {
    // A trust policy's Allow reads best as who may become the role (id_roles_terminology.html: trust policy).
    const verbPhrase = effect === 'Deny' ? `Forbids ${named} to assume` : `Lets ${named} assume`;
    sentence = `${verbPhrase} this role (${expanded.map((e) => e.pattern).join(', ')})${when}.`;
  } else if (statement.notAction) {
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
