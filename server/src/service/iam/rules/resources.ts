import type { Fix, RuleDefinition } from '../../common/findings';
import { placeholderHint } from '../../common/placeholders';
import { nearest } from '../../common/suggest';
import { jsonString } from '../../common/text';
import { hasWildcardOrVariable, parseArn, PARTITIONS, patternMatchesTemplate } from '../arn';
import type { ActionInfo } from '../catalog/catalog';
import type { JsonString, StatementModel } from '../model';
import type { RuleContext } from './context';
import { define, SAR } from './docs';

/** Resource/NotResource: ARN syntax, and whether the statement's actions can apply to the resources. */

export const RESOURCE_RULES = {
  invalidArn: define(
    'IAM050',
    'invalid-arn',
    'error',
    'The resource is not a valid ARN (arn:partition:service:region:account:resource).',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html',
  ),
  actionResourceMismatch: define(
    'IAM051',
    'action-resource-mismatch',
    'warning',
    "None of the statement's resources is a resource type the action applies to.",
    SAR,
  ),
  actionNeedsWildcardResource: define(
    'IAM052',
    'action-needs-wildcard-resource',
    'warning',
    'The action supports no resource-level permissions; it only works with "Resource": "*".',
    SAR,
  ),
} satisfies Record<string, RuleDefinition>;

const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?|-isob)?-[a-z]+-\d+$/;
const ACCOUNT_PATTERN = /^\d{12}$/;

export function checkResources(context: RuleContext): void {
  context.eachStatement((statement) => {
    const element = statement.resource ?? statement.notResource;
    if (!element) return;
    for (const resource of element.strings) checkArn(context, resource);
    if (statement.resource) checkActionsFitResources(context, statement, statement.resource.strings);
  });
}

function checkArn(context: RuleContext, resource: JsonString): void {
  const value = resource.value;
  if (value === '*' || /^\$\{[^}]+\}$/.test(value)) return;
  // An API Gateway resource policy may write its API as "execute-api:/stage/METHOD/path": API Gateway expands it to the API's ARN.
  if (context.kind === 'resource' && value.startsWith('execute-api:/')) return;
  const whole = () => context.stringRange(resource);
  if (!value.startsWith('arn:')) {
    const fixes: Fix[] = /^arn:/i.test(value)
      ? [
          {
            title: 'Write "arn:" in lower case',
            edits: [{ range: context.nodeRange(resource.node), newText: jsonString(`arn:${value.slice(4)}`) }],
            preferred: true,
          },
        ]
      : [];
    context.report(
      RESOURCE_RULES.invalidArn,
      whole(),
      `"${value}" is not an ARN: a resource must be "*" or start with "arn:" (arn:partition:service:region:account:resource).${placeholderHint(value)}`,
      { fixes },
    );
    return;
  }
  const arn = parseArn(value);
  if (!arn) {
    context.report(
      RESOURCE_RULES.invalidArn,
      whole(),
      `"${value}" has too few parts: an ARN is arn:partition:service:region:account:resource (keep empty parts, as in arn:aws:s3:::my-bucket).`,
    );
    return;
  }
  const part = (offset: number, text: string) => context.stringRange(resource, offset, text.length);
  if (!hasWildcardOrVariable(arn.partition) && !(PARTITIONS as readonly string[]).includes(arn.partition)) {
    const suggestion = nearest(arn.partition, PARTITIONS);
    context.report(
      RESOURCE_RULES.invalidArn,
      part(arn.offsets.partition, arn.partition),
      `Unknown partition "${arn.partition}": ${suggestion ? `did you mean "${suggestion}"? ` : ''}Partitions are ${PARTITIONS.join(', ')}.`,
      { fixes: suggestion ? [replacePart(context, resource, arn.offsets.partition, arn.partition, suggestion)] : [] },
    );
    return;
  }
  if (!hasWildcardOrVariable(arn.service)) {
    if (!context.catalog.hasArnNamespace(arn.service)) {
      const suggestion = nearest(arn.service, context.catalog.servicePrefixes());
      context.report(
        RESOURCE_RULES.invalidArn,
        part(arn.offsets.service, arn.service),
        `Unknown service "${arn.service}" in the ARN.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        { fixes: suggestion ? [replacePart(context, resource, arn.offsets.service, arn.service, suggestion)] : [] },
      );
      return;
    }
    checkRegionAndAccount(context, resource, arn.service, arn.region, arn.offsets.region, 'region');
    checkRegionAndAccount(context, resource, arn.service, arn.account, arn.offsets.account, 'account');
  }
}

function checkRegionAndAccount(context: RuleContext, resource: JsonString, service: string, value: string, offset: number, which: 'region' | 'account'): void {
  if (value === '' || hasWildcardOrVariable(value)) return;
  const range = () => context.stringRange(resource, offset, value.length);
  // Compare with the resource types whose resource part this ARN's resource part could match.
  const candidates = candidateTemplates(context, service, parseArn(resource.value)!.resource);
  const slot = which === 'region' ? 3 : 4;
  if (candidates.length > 0 && candidates.every((parts) => (parts[slot] ?? '') === '')) {
    const name = context.catalog.serviceName(service) ?? service;
    const where = range();
    context.report(RESOURCE_RULES.invalidArn, where, `${name} ARNs of this form have no ${which}: leave it empty (${candidates[0]!.join(':')}).`, {
      fixes: [{ title: `Remove the ${which}`, edits: [{ range: where, newText: '' }], preferred: true }],
    });
    return;
  }
  if (which === 'region' && !REGION_PATTERN.test(value)) {
    context.report(RESOURCE_RULES.invalidArn, range(), `"${value}" is not a Region code such as us-east-1 or eu-west-2.${placeholderHint(value)}`);
  } else if (which === 'account' && !ACCOUNT_PATTERN.test(value) && value !== 'aws') {
    context.report(
      RESOURCE_RULES.invalidArn,
      range(),
      `"${value}" is not an AWS account ID: use the 12-digit ID (e.g. 123456789012), "*" or a variable.${placeholderHint(value)}`,
    );
  }
}

/** The resource types (as split templates) a resource part could be; remembered, as policies repeat resources. */
const candidatesCache = new Map<string, (readonly string[])[]>();
function candidateTemplates(context: RuleContext, service: string, resourcePart: string): (readonly string[])[] {
  const key = `${service}\u0000${resourcePart}`;
  let candidates = candidatesCache.get(key);
  if (!candidates) {
    if (candidatesCache.size > 20_000) candidatesCache.clear();
    candidates = splitTemplates(context, service)
      .filter((t) => patternMatchesTemplate(resourcePart, t.resourcePart))
      .map((t) => t.parts);
    candidatesCache.set(key, candidates);
  }
  return candidates;
}

function replacePart(context: RuleContext, resource: JsonString, offset: number, old: string, replacement: string): Fix {
  const value = resource.value;
  const updated = value.slice(0, offset) + replacement + value.slice(offset + old.length);
  return { title: `Change "${old}" to "${replacement}"`, edits: [{ range: context.nodeRange(resource.node), newText: jsonString(updated) }], preferred: true };
}

const MAX_FORMATS_SHOWN = 3;

/**
 * For each action named exactly (not by wildcard): does any listed resource fit one of its
 * resource types? Wildcard-only actions need "*". Statements with "*" among their resources,
 * or with resources that are not ARNs, are skipped: a false alarm is worse than a miss.
 */
function checkActionsFitResources(context: RuleContext, statement: StatementModel, resources: readonly JsonString[]): void {
  if (resources.length === 0 || statement.resource!.nonStrings.length > 0) return;
  if (resources.some((r) => r.value === '*' || !parseArn(r.value))) return;
  // A resource whose service is unknown is reported once (IAM050), not again as a mismatch.
  if (
    resources.some((r) => {
      const arn = parseArn(r.value)!;
      return !hasWildcardOrVariable(arn.service) && !context.catalog.hasArnNamespace(arn.service);
    })
  )
    return;
  const coversEverything = resources.some((r) => /^arn:\*(:\*)*$|^arn:[^:]*:\*:\*:\*:\*$/.test(r.value));
  const resourcesKey = resources.map((r) => r.value).join('\n');
  for (const action of context.actionsOf(statement)) {
    if (action.hasWildcard || action.matches.length !== 1) continue;
    const info = action.matches[0]!;
    // The catalog may hold another service's definition of this action (see isSharedPrefix).
    if (context.catalog.isSharedPrefix(info.service)) continue;
    // Positions are worked out only for what is reported: most actions fit.
    const range = () => context.stringRange(action.text);
    if (info.wildcardOnly) {
      if (!coversEverything && !resources.some((r) => coversService(r.value, info.service))) {
        context.report(
          RESOURCE_RULES.actionNeedsWildcardResource,
          range(),
          `${info.service}:${info.name} does not support resource-level permissions, so it never applies to these resources; it needs "Resource": "*" (put it in its own statement).`,
        );
      }
      continue;
    }
    if (coversEverything) continue;
    const templates = templatesOf(context, info);
    if (templates.length === 0) continue;
    const fits = fitsCached(info, resourcesKey, () => resources.some((r) => templates.some((t) => patternMatchesTemplate(r.value, t))));
    if (!fits) {
      const formats = templates.slice(0, MAX_FORMATS_SHOWN).join(', ');
      context.report(
        RESOURCE_RULES.actionResourceMismatch,
        range(),
        `${info.service}:${info.name} applies to ${formats}${templates.length > MAX_FORMATS_SHOWN ? ' …' : ''}; none of this statement's resources has that form, so it grants or denies nothing here.`,
      );
    }
  }
}

/**
 * "arn:aws:s3:::*", "arn:aws:iam::*:*", "arn:aws:logs:*:*:*": an ARN whose resource part is "*"
 * names every resource of the service, which is how AWS's own examples grant actions without
 * resource-level permissions (s3:ListAllMyBuckets on arn:aws:s3:::*); IAM matches them.
 */
function coversService(resource: string, service: string): boolean {
  const arn = parseArn(resource);
  return arn !== undefined && arn.resource === '*' && (arn.service === service || arn.service === '*');
}

/** Large policies repeat the same action with the same resources: remember whether they fit. */
const fitsByAction = new WeakMap<ActionInfo, Map<string, boolean>>();
function fitsCached(action: ActionInfo, resourcesKey: string, compute: () => boolean): boolean {
  let byResources = fitsByAction.get(action);
  if (!byResources) {
    byResources = new Map();
    fitsByAction.set(action, byResources);
  }
  let fits = byResources.get(resourcesKey);
  if (fits === undefined) {
    if (byResources.size > 1_000) byResources.clear();
    fits = compute();
    byResources.set(resourcesKey, fits);
  }
  return fits;
}

const templatesByAction = new WeakMap<ActionInfo, string[]>();
function templatesOf(context: RuleContext, action: ActionInfo): string[] {
  let templates = templatesByAction.get(action);
  if (!templates) {
    templates = [];
    for (const rt of action.resourceTypes) {
      const info = context.catalog.resourceType(action.service, rt.name);
      if (info) templates.push(info.arn);
    }
    templatesByAction.set(action, templates);
  }
  return templates;
}

interface SplitTemplate {
  readonly parts: readonly string[];
  readonly resourcePart: string;
}
const splitTemplatesByCatalog = new WeakMap<object, Map<string, readonly SplitTemplate[]>>();
function splitTemplates(context: RuleContext, service: string): readonly SplitTemplate[] {
  let splitTemplatesByService = splitTemplatesByCatalog.get(context.catalog);
  if (!splitTemplatesByService) {
    splitTemplatesByService = new Map();
    splitTemplatesByCatalog.set(context.catalog, splitTemplatesByService);
  }
  let split = splitTemplatesByService.get(service);
  if (!split) {
    split = context.catalog.resourceTypesInNamespace(service).map((rt) => {
      const parts = rt.arn.split(':');
      return { parts, resourcePart: parts.slice(5).join(':') };
    });
    splitTemplatesByService.set(service, split);
  }
  return split;
}
