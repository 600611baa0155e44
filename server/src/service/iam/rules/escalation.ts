import escalationData from '../../../../../knowledge/iam/privilege-escalation.json';
import type { RuleDefinition } from '../../common/findings';
import { type Matcher, wildcardMatcher } from '../catalog/wildcard';
import { propertyMap, stringsOf, type JsonString, type StatementModel } from '../model';
import type { RuleContext } from './context';

/**
 * Known privilege-escalation paths (knowledge/iam/privilege-escalation.json) that the Allow
 * statements of an identity policy complete, counting only grants an attacker could use: not
 * those confined by conditions to requests made by AWS services or to named policies, not
 * iam:PassRole limited to other services, and for resource-policy paths only grants on every
 * resource.
 */

interface EscalationPath {
  readonly id: string;
  readonly actions: readonly string[];
  readonly summary: string;
  /** For iam:PassRole paths: the service principal the role is passed to. */
  readonly passedTo?: string;
  /** Counts only when granted on every resource ("*" or the service's every ARN): rewriting one's own bucket policy is no escalation. */
  readonly broadResource?: boolean;
}
const ESCALATION_PATHS: readonly EscalationPath[] = escalationData.paths;
const MAX_PATHS_PER_FINDING = 3;

export function checkEscalation(context: RuleContext, allows: readonly StatementModel[], rule: RuleDefinition): void {
  // Every grant that could be a step of a path, with what limits it: large policies repeat the
  // same actions, so exact names go in a map and wildcards are compiled once.
  const exact = new Map<string, Grant[]>();
  const wildcards: (Grant & { regex: Matcher })[] = [];
  for (const statement of allows) {
    const grants = stepGrants(context, statement);
    if (grants.star) return; // full admin is reported on its own
    for (const { key, grant } of grants.exact) {
      const list = exact.get(key);
      if (!list) exact.set(key, [grant]);
      else if (adds(list, grant)) list.push(grant);
    }
    for (const wildcard of grants.wildcards) if (adds(wildcards, wildcard, wildcard.text.value)) wildcards.push(wildcard);
  }
  if (exact.size === 0 && wildcards.length === 0) return;
  const grantsOf = (needed: string): Grant[] => [...(exact.get(needed.toLowerCase()) ?? []), ...wildcards.filter((w) => w.regex.test(needed))];
  const byLocation = new Map<JsonString, EscalationPath[]>();
  for (const path of ESCALATION_PATHS) {
    const chosen: Grant[] = [];
    for (const needed of path.actions) {
      const usable = grantsOf(needed).filter(
        (grant) =>
          (!path.broadResource || grant.broad) &&
          (needed.toLowerCase() !== 'iam:passrole' ||
            !grant.passedTo ||
            (path.passedTo !== undefined && grant.passedTo.some((pattern) => pattern.test(path.passedTo!)))),
      );
      if (usable.length === 0) break;
      chosen.push(usable[0]!);
    }
    if (chosen.length !== path.actions.length) continue;
    const location = chosen[0]!.text;
    byLocation.set(location, [...(byLocation.get(location) ?? []), path]);
  }
  for (const [location, paths] of byLocation) {
    const shown = paths.slice(0, MAX_PATHS_PER_FINDING).map((p) => `${p.actions.join(' + ')}: ${p.summary}`);
    const more = paths.length > MAX_PATHS_PER_FINDING ? ` (and ${paths.length - MAX_PATHS_PER_FINDING} more paths)` : '';
    context.report(rule, context.stringRange(location), `This policy allows a known privilege-escalation path. ${shown.join(' ')}${more}`);
  }
}

/** The actions any known path needs, lower-case: a grant of any other action is never a step. */
const STEP_ACTIONS = new Set(ESCALATION_PATHS.flatMap((path) => path.actions.map((action) => action.toLowerCase())));

interface StepGrants {
  /** The statement allows `*` without a neutralising condition. */
  readonly star: boolean;
  readonly exact: readonly { readonly key: string; readonly grant: Grant }[];
  readonly wildcards: readonly (Grant & { regex: Matcher })[];
}

const NO_STEPS: StepGrants = { star: false, exact: [], wildcards: [] };

/**
 * A statement's grants that could be steps of a path, kept by statement model across analyses:
 * on a keystroke in a 5,000-statement policy every other statement keeps its model (reparse.ts),
 * and most of them grant nothing any path needs. Leaving those out changes nothing: a path only
 * ever looks up the actions it needs.
 */
const stepGrantsOf = new WeakMap<StatementModel, { readonly catalog: object; readonly grants: StepGrants }>();

function stepGrants(context: RuleContext, statement: StatementModel): StepGrants {
  const known = stepGrantsOf.get(statement);
  if (known?.catalog === context.catalog) return known.grants;
  const grants = readStepGrants(context, statement);
  stepGrantsOf.set(statement, { catalog: context.catalog, grants });
  return grants;
}

function readStepGrants(context: RuleContext, statement: StatementModel): StepGrants {
  if (!statement.action) return NO_STEPS;
  const limits = grantLimits(context, statement);
  if (limits.neutralised) return NO_STEPS;
  const exact: { key: string; grant: Grant }[] = [];
  const wildcards: (Grant & { regex: Matcher })[] = [];
  for (const action of context.actionsOf(statement)) {
    if (action.isStar) return { star: true, exact: [], wildcards: [] };
    const grant: Grant = { text: action.text, passedTo: limits.passedTo, broad: limits.broad };
    if (!action.hasWildcard) {
      const key = action.text.value.toLowerCase();
      if (STEP_ACTIONS.has(key)) exact.push({ key, grant });
      continue;
    }
    const regex = wildcardMatcher(action.text.value);
    for (const needed of STEP_ACTIONS) {
      if (!regex.test(needed)) continue;
      wildcards.push({ ...grant, regex });
      break;
    }
  }
  return exact.length === 0 && wildcards.length === 0 ? NO_STEPS : { star: false, exact, wildcards };
}

/**
 * Whether a grant adds a way to use the action that the ones kept do not already give: a 5 MB
 * policy repeats s3:GetObject thousands of times, and one broad, unconfined grant is all a path needs.
 */
function adds(kept: readonly (Grant & { regex?: Matcher })[], grant: Grant, pattern?: string): boolean {
  if (pattern !== undefined && !kept.some((k) => k.text.value.toLowerCase() === pattern.toLowerCase())) return true;
  const same = pattern === undefined ? kept : kept.filter((k) => k.text.value.toLowerCase() === pattern.toLowerCase());
  if (grant.broad && !same.some((k) => k.broad && !k.passedTo)) return true;
  if (!grant.passedTo && !same.some((k) => !k.passedTo)) return true;
  return grant.passedTo !== undefined && same.length < 16;
}

interface Grant {
  readonly text: JsonString;
  /** Patterns of the iam:PassedToService values the grant is limited to, when it is. */
  readonly passedTo?: readonly Matcher[];
  /** Granted on every resource ("*" or a service-wide ARN such as arn:aws:s3:::*). */
  readonly broad: boolean;
}

/**
 * Condition keys that confine a grant to requests an attacker cannot shape: made by an AWS
 * service on the caller's behalf (aws:CalledVia…, aws:ViaAWSService), attaching only named
 * policies (iam:PolicyARN), creating principals only with a boundary (iam:PermissionsBoundary)
 * or only service-linked roles (iam:AWSServiceName).
 */
const NEUTRALISING_KEYS = new Set([
  'aws:calledvia',
  'aws:calledviafirst',
  'aws:calledvialast',
  'aws:viaawsservice',
  'iam:policyarn',
  'iam:permissionsboundary',
  'iam:awsservicename',
]);

interface GrantLimits {
  readonly neutralised: boolean;
  readonly passedTo?: Matcher[];
  readonly broad: boolean;
}

/** By statement, across analyses: what limits a statement depends on its text alone, and an edit elsewhere keeps its model. */
const limitsOf = new WeakMap<StatementModel, GrantLimits>();

function grantLimits(context: RuleContext, statement: StatementModel): GrantLimits {
  let limits = limitsOf.get(statement);
  if (!limits) {
    limits = readGrantLimits(context, statement);
    limitsOf.set(statement, limits);
  }
  return limits;
}

function readGrantLimits(context: RuleContext, statement: StatementModel): GrantLimits {
  const resources = statement.resource?.strings ?? [];
  const broad = !statement.resource || resources.some((r) => r.value === '*' || /^arn:[^:]*:[^:]*:[^:]*:[^:]*:\*$/.test(r.value));
  const condition = statement.condition;
  if (condition?.type !== 'object') return { neutralised: false, broad };
  let passedTo: Matcher[] | undefined;
  for (const [operator, block] of propertyMap(condition)) {
    const body = block.children?.[1];
    if (body?.type !== 'object') continue;
    for (const [key, entry] of propertyMap(body)) {
      const lower = key.toLowerCase();
      if (NEUTRALISING_KEYS.has(lower) && !/^(forallvalues:)?string(not|notlike)|null/i.test(operator)) return { neutralised: true, broad };
      if (lower === 'iam:passedtoservice' && /^(forallvalues:|foranyvalue:)?string(equals|like)(ignorecase)?(ifexists)?$/i.test(operator)) {
        passedTo = stringsOf(context.model.text, entry.children?.[1]).map((value) => wildcardMatcher(value.value));
      }
    }
  }
  return { neutralised: false, passedTo, broad };
}

/** Whether a statement's condition confines it to requests AWS services make, or to named policies (see NEUTRALISING_KEYS). */
export function confinedByCondition(context: RuleContext, statement: StatementModel): boolean {
  return grantLimits(context, statement).neutralised;
}
