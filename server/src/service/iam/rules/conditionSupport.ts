import { templateToRegExp } from '../catalog/catalog';
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

/** A documented key matches itself, and a templated one (`${TagKey}`, `<key>`, a trailing `/tag-key`) any text in the template's place. */
function keyMatches(documented: string, key: string): boolean {
  if (documented.toLowerCase() === key.toLowerCase()) return true;
  if (!/\$\{|<|\/tag-key$/.test(documented)) return false;
  let regex = templateRegexCache.get(documented);
  if (!regex) {
    regex = templateToRegExp(documented);
    templateRegexCache.set(documented, regex);
  }
  return regex.test(key);
}

export function keyIsSupportedByActions(context: RuleContext, statement: StatementModel, key: string): boolean {
  if (!statement.action || statement.notAction) return true;
  if (CROSS_SERVICE_KEYS.has(key.toLowerCase())) return true;
  const actions = context.actionsOf(statement);
  if (actions.length === 0 || actions.some((a) => a.isStar || a.matches.length === 0)) return true;
  // Another service's definition may stand for the action (shared prefixes), and a key no action
  // of its service lists at all shows the catalog's action-key links are incomplete there.
  const keyService = key.split(':')[0]!.toLowerCase();
  if (context.catalog.isSharedPrefix(keyService) || actions.some((a) => a.matches.some((m) => context.catalog.isSharedPrefix(m.service)))) return true;
  if (!serviceListsKey(context, keyService, key)) return true;
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

/** Whether any action or resource type of a service lists the key; remembered per catalog. */
const listedKeys = new WeakMap<object, Map<string, boolean>>();
function serviceListsKey(context: RuleContext, service: string, key: string): boolean {
  let byKey = listedKeys.get(context.catalog);
  if (!byKey) {
    byKey = new Map();
    listedKeys.set(context.catalog, byKey);
  }
  const cacheKey = key.toLowerCase();
  let listed = byKey.get(cacheKey);
  if (listed === undefined) {
    const matches = (documented: string) => keyMatches(documented, key);
    listed =
      context.catalog.actions(service).some((action) => action.conditionKeys.some(matches)) ||
      context.catalog.resourceTypes(service).some((type) => type.conditionKeys.some(matches));
    if (byKey.size > 5_000) byKey.clear();
    byKey.set(cacheKey, listed);
  }
  return listed;
}
