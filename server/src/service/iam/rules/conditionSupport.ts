import { wildcardToRegExp } from '../catalog/catalog';
import type { StatementModel } from '../model';
import type { RuleContext } from './context';

/**
 * Whether any of a statement's actions (or the resource types they act on) documents a
 * service condition key. Answers "yes" whenever the actions cannot be known for sure
 * (`*`, NotAction, unknown actions), so the rule never raises a false alarm.
 */

/** Service keys that AWS evaluates for requests to many services, not only their own. */
const CROSS_SERVICE_KEYS = new Set([
  'ec2:sourceinstancearn',
  'ec2:sourceinstanceprivateipv4',
  'ec2:roledelivery',
  'glue:roleassumedby',
  'glue:credentialissuingservice',
  'lambda:sourcefunctionarn',
  'ssm:sourceinstancearn',
  'identitystore:userid',
  'sts:sourceidentity',
  'sts:rolesessionname',
  'ec2:metadatahttptokens',
  'iam:passedtoservice',
  'iam:associatedresourcearn',
  'kms:viaservice',
  'kms:calleraccount',
]);

const templateRegexCache = new Map<string, RegExp>();

function keyMatches(documented: string, key: string): boolean {
  if (documented.toLowerCase() === key.toLowerCase()) return true;
  if (!/\$\{|</.test(documented)) return false;
  let regex = templateRegexCache.get(documented);
  if (!regex) {
    regex = wildcardToRegExp(documented.replace(/\$\{[^}]*\}|<[^>]*>/g, '*'));
    templateRegexCache.set(documented, regex);
  }
  return regex.test(key);
}

export function keyIsSupportedByActions(context: RuleContext, statement: StatementModel, key: string): boolean {
  if (!statement.action || statement.notAction) return true;
  if (CROSS_SERVICE_KEYS.has(key.toLowerCase())) return true;
  const actions = context.actionsOf(statement);
  if (actions.length === 0 || actions.some((a) => a.isStar || a.matches.length === 0)) return true;
  for (const action of actions) {
    for (const info of action.matches) {
      if (info.conditionKeys.some((documented) => keyMatches(documented, key))) return true;
      for (const rt of info.resourceTypes) {
        const type = context.catalog.resourceType(info.service, rt.name);
        if (type?.conditionKeys.some((documented) => keyMatches(documented, key))) return true;
      }
    }
  }
  return false;
}
