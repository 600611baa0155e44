import { propertyMap, stringsOf, type JsonString, type StatementModel } from '../model';
import type { RuleContext } from './context';
import { define, ELEMENTS, BEST } from './docs';
import { checkEscalation, confinedByCondition } from './escalation';
import type { RuleDefinition } from '../../common/findings';

/** Security hints: broad grants, public access and known escalation paths. Only Allow statements matter here. */

export const SECURITY_RULES = {
  allowWithoutMfa: define(
    'IAM089',
    'allow-without-mfa',
    'warning',
    'An Allow that requires aws:MultiFactorAuthPresent to be false grants access only to sessions signed in without MFA.',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent',
  ),
  adminAccess: define('IAM090', 'admin-access', 'warning', 'Allowing every action on every resource grants full administrator access.', BEST),
  serviceWildcard: define('IAM091', 'service-wildcard', 'information', 'Allowing every action of a service is rarely least privilege.', BEST),
  passRoleOnAnyRole: define(
    'IAM092',
    'passrole-any-role',
    'warning',
    'iam:PassRole on any role lets the holder hand any role to a service, a common privilege-escalation path.',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
  ),
  allowWithNotAction: define(
    'IAM093',
    'allow-with-notaction',
    'warning',
    'Allow with NotAction grants every other action, including services launched later.',
    `${ELEMENTS}_notaction.html`,
  ),
  allowWithNotResource: define(
    'IAM094',
    'allow-with-notresource',
    'warning',
    'Allow with NotResource grants access to every other resource.',
    `${ELEMENTS}_notresource.html`,
  ),
  allowWithNotPrincipal: define(
    'IAM095',
    'allow-with-notprincipal',
    'warning',
    'Allow with NotPrincipal grants access to everyone else, including anonymous users.',
    `${ELEMENTS}_notprincipal.html`,
  ),
  publicPrincipal: define(
    'IAM096',
    'public-principal',
    'warning',
    'Principal "*" without a restricting condition makes the resource public.',
    `${ELEMENTS}_principal.html`,
  ),
  oidcMissingSub: define(
    'IAM097',
    'oidc-missing-sub',
    'warning',
    'A web-identity trust without a sub condition lets any identity of the provider assume the role.',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html',
  ),
  privilegeEscalation: define(
    'IAM098',
    'privilege-escalation',
    'warning',
    'The allowed actions together form a known privilege-escalation path.',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html',
  ),
} satisfies Record<string, RuleDefinition>;

export function checkSecurity(context: RuleContext): void {
  context.eachStatement((statement) => {
    if (statement.effect?.value !== 'Allow') return;
    checkBroadGrants(context, statement);
    checkNotElements(context, statement);
    checkPublicPrincipal(context, statement);
    checkWebIdentityTrust(context, statement);
    checkAllowWithoutMfa(context, statement);
  });
  // Across statements: run on every version, never reused.
  const allows = context.model.statements.filter((s) => s.effect?.value === 'Allow');
  if (context.kind === 'identity') checkEscalation(context, allows, SECURITY_RULES.privilegeEscalation);
}

function resourcesAreStar(statement: StatementModel): boolean {
  return (statement.resource?.strings ?? []).some((r) => r.value === '*');
}

function checkBroadGrants(context: RuleContext, statement: StatementModel): void {
  // Only identity policies: SCPs allow "*" by design (FullAWSAccess), and in a resource policy
  // "Resource": "*" means the one resource it is attached to (e.g. a KMS key policy's "kms:*").
  if (context.kind !== 'identity') return;
  const resourceStar = resourcesAreStar(statement);
  for (const action of context.actionsOf(statement)) {
    if (!statement.action) break;
    const value = action.text.value;
    // A condition on the network, the time or MFA still leaves every action allowed; only one that
    // confines the grant to requests AWS services make on the caller's behalf changes that.
    if ((action.isStar || value === '*:*') && resourceStar && !confinedByCondition(context, statement)) {
      context.report(
        SECURITY_RULES.adminAccess,
        context.stringRange(action.text),
        statement.condition
          ? '"Action": "*" with "Resource": "*" grants full administrator access; the condition limits when, not what. Grant only the actions this principal needs.'
          : '"Action": "*" with "Resource": "*" grants full administrator access. Grant only the actions this principal needs.',
      );
    } else if (action.service && action.name === '*' && resourcesAreStar(statement)) {
      context.report(
        SECURITY_RULES.serviceWildcard,
        context.stringRange(action.text),
        `"${value}" allows every ${context.catalog.serviceName(action.service) ?? action.service} action (${context.catalog.actions(action.service).length}) on every resource; list the actions needed instead.`,
      );
    }
    if (action.matches.some((m) => m.service === 'iam' && m.name === 'PassRole') && passRoleOnAnything(statement)) {
      context.report(
        SECURITY_RULES.passRoleOnAnyRole,
        context.stringRange(action.text),
        'iam:PassRole on every role lets this principal hand any role, even an admin one, to a service. Limit Resource to the roles it must pass (arn:aws:iam::<account>:role/<name>) and add an iam:PassedToService condition.',
      );
    }
  }
}

function passRoleOnAnything(statement: StatementModel): boolean {
  if (statement.notResource) return true;
  if (!resourcesAreStar(statement)) return false;
  const condition = statement.condition;
  const text = condition ? JSON.stringify(collectKeys(condition)) : '';
  return !/iam:passedtoservice/i.test(text);
}

function collectKeys(condition: NonNullable<StatementModel['condition']>): string[] {
  const keys: string[] = [];
  if (condition.type !== 'object') return keys;
  for (const block of propertyMap(condition).values()) {
    const value = block.children?.[1];
    if (value?.type === 'object') keys.push(...propertyMap(value).keys());
  }
  return keys;
}

function checkNotElements(context: RuleContext, statement: StatementModel): void {
  if (statement.notAction && context.kind !== 'scp') {
    context.report(
      SECURITY_RULES.allowWithNotAction,
      context.keyRange(statement.notAction.property),
      'Allow with NotAction allows every action not listed, including actions of services AWS launches later. List the allowed actions in "Action" instead.',
    );
  }
  if (statement.notResource) {
    context.report(
      SECURITY_RULES.allowWithNotResource,
      context.keyRange(statement.notResource.property),
      'Allow with NotResource allows the actions on every resource not listed. Name the allowed resources in "Resource" instead.',
    );
  }
  const notPrincipal = statement.properties.get('NotPrincipal');
  if (notPrincipal) {
    context.report(
      SECURITY_RULES.allowWithNotPrincipal,
      context.keyRange(notPrincipal),
      'Allow with NotPrincipal grants access to every principal not listed, anonymous users included. Use "Principal" with the intended principals.',
    );
  }
}

const IDENTITY_VARIABLE = /\$\{aws:(username|userid|PrincipalTag\/|PrincipalAccount|PrincipalArn|PrincipalOrgID|FederatedProvider|SourceIdentity)/i;

function checkPublicPrincipal(context: RuleContext, statement: StatementModel): void {
  if (context.kind !== 'resource' && context.kind !== 'trust') return;
  const principal = statement.principal;
  if (!principal || statement.condition) return;
  // A resource built from the caller's identity (…/${aws:username}/*, …-${aws:PrincipalTag/team})
  // never matches an anonymous request, which has no such value: not public.
  if ((statement.resource?.strings ?? []).some((r) => IDENTITY_VARIABLE.test(r.value))) return;
  const stars: JsonString[] =
    principal.type === 'string' && principal.value === '*'
      ? stringsOf(context.model.text, principal)
      : principal.type === 'object'
        ? stringsOf(context.model.text, propertyMap(principal).get('AWS')?.children?.[1]).filter((s) => s.value === '*')
        : [];
  for (const star of stars) {
    context.report(
      SECURITY_RULES.publicPrincipal,
      context.stringRange(star),
      context.kind === 'trust'
        ? 'Principal "*" without a condition lets anyone in any AWS account assume this role. Name the trusted accounts or roles.'
        : 'Principal "*" without a condition makes this resource public to anyone, signed in or not. Name the principals, or restrict with a condition such as aws:PrincipalOrgID or aws:SourceVpce.',
    );
  }
}

function checkWebIdentityTrust(context: RuleContext, statement: StatementModel): void {
  const principal = statement.principal;
  if (context.kind !== 'trust' || principal?.type !== 'object') return;
  const federated = stringsOf(context.model.text, propertyMap(principal).get('Federated')?.children?.[1]);
  const keys = statement.condition ? collectKeys(statement.condition).map((k) => k.toLowerCase()) : [];
  for (const provider of federated) {
    const oidc = /:oidc-provider\/(.+)$/.exec(provider.value)?.[1];
    const issuer = oidc ?? (provider.value === 'cognito-identity.amazonaws.com' ? provider.value : undefined);
    if (!issuer) continue;
    const required = issuer === 'cognito-identity.amazonaws.com' ? `${issuer}:aud` : `${issuer}:sub`;
    if (!keys.includes(required.toLowerCase())) {
      context.report(
        SECURITY_RULES.oidcMissingSub,
        context.stringRange(provider),
        `Without a "${required}" condition, any identity this provider issues tokens for (for GitHub: any repository) can assume the role. Add e.g. "StringLike": {"${required}": "…"}.`,
      );
    }
  }
}

/**
 * "Allow … Bool aws:MultiFactorAuthPresent false" matches exactly the sessions that did not use
 * MFA (and, with Bool, never long-term keys, where the key is missing): usually meant as the
 * opposite, "require MFA", which is Allow with true or Deny with BoolIfExists false.
 */
function checkAllowWithoutMfa(context: RuleContext, statement: StatementModel): void {
  const condition = statement.condition;
  if (condition?.type !== 'object') return;
  for (const [operator, block] of propertyMap(condition)) {
    if (!/^bool(ifexists)?$/i.test(operator)) continue;
    const body = block.children?.[1];
    if (body?.type !== 'object') continue;
    for (const [key, entry] of propertyMap(body)) {
      if (key.toLowerCase() !== 'aws:multifactorauthpresent') continue;
      const value = entry.children?.[1];
      const falseValues = value?.type === 'boolean' && value.value === false ? [value] : [];
      for (const text of stringsOf(context.model.text, value)) if (text.value.toLowerCase() === 'false') falseValues.push(text.node);
      for (const node of falseValues) {
        context.report(
          SECURITY_RULES.allowWithoutMfa,
          context.nodeRange(node),
          `This Allow applies only to sessions signed in without MFA (aws:MultiFactorAuthPresent is false)${/ifexists/i.test(operator) ? ' and to requests signed with long-term access keys' : ''}. To require MFA, use "Bool": {"aws:MultiFactorAuthPresent": "true"} in the Allow, or a Deny with "BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}.`,
        );
      }
    }
  }
}
