import type { Node } from 'jsonc-parser';
import { placeholderHint } from '../../common/placeholders';
import { SERVICE_PRINCIPAL, servicePrincipalProblem } from '../../common/servicePrincipals';
import { nearest } from '../../common/suggest';
import { jsonString } from '../../common/text';
import { parseArn } from '../arn';
import { propertyMap, stringsOf, type JsonString } from '../model';
import type { RuleContext } from './context';
import { define, ELEMENTS } from './docs';
import { ELEMENT_RULES } from './elements';
import type { RuleDefinition } from '../../common/findings';

/** Principal/NotPrincipal forms: "*", or an object keyed by AWS, Service, Federated, CanonicalUser. */

export const PRINCIPAL_RULES = {
  invalidPrincipal: define('IAM060', 'invalid-principal', 'error', 'The principal is not in a valid form for its type.', `${ELEMENTS}_principal.html`),
  unknownServicePrincipal: define(
    'IAM062',
    'unknown-service-principal',
    'warning',
    'The service principal is close to a known one but is not it (a typo, or amazon.com for amazonaws.com).',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-services',
  ),
  unknownPrincipalType: define(
    'IAM061',
    'unknown-principal-type',
    'error',
    'Principal types are AWS, Service, Federated and CanonicalUser.',
    `${ELEMENTS}_principal.html`,
  ),
} satisfies Record<string, RuleDefinition>;

const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;
const ACCOUNT_ID = /^\d{12}$/;
const IAM_PRINCIPAL_ARN = /^arn:[^:]+:(iam|sts)::(\d{12}|\*|\$\{[^}]+\}):(root|user\/.+|role\/.+|assumed-role\/.+|federated-user\/.+|group\/.+)$/;
const CANONICAL_USER = /^[0-9a-f]{64}$/;

export function checkPrincipals(context: RuleContext): void {
  context.eachStatement((statement) => {
    for (const node of [statement.principal, statement.notPrincipal]) if (node) checkPrincipal(context, node);
  });
}

function checkPrincipal(context: RuleContext, node: Node): void {
  if (node.type === 'string') {
    if (node.value !== '*') {
      context.report(
        PRINCIPAL_RULES.invalidPrincipal,
        context.nodeRange(node),
        `A Principal string can only be "*"; name principals in an object, e.g. {"AWS": "arn:aws:iam::123456789012:root"}.`,
      );
    }
    return;
  }
  if (node.type !== 'object') return;
  for (const [type, property] of propertyMap(node)) {
    const key = property.children?.[0];
    if (!key) continue;
    if (!(PRINCIPAL_TYPES as readonly string[]).includes(type)) {
      const suggestion = nearest(type, PRINCIPAL_TYPES);
      context.report(
        PRINCIPAL_RULES.unknownPrincipalType,
        context.nodeRange(key),
        `Unknown principal type "${type}".${suggestion ? ` Did you mean "${suggestion}"?` : ` Use ${PRINCIPAL_TYPES.join(', ')}.`}`,
        {
          fixes: suggestion
            ? [{ title: `Rename to "${suggestion}"`, edits: [{ range: context.nodeRange(key), newText: jsonString(suggestion) }], preferred: true }]
            : [],
        },
      );
      continue;
    }
    const value = property.children?.[1];
    if (value && value.type !== 'string' && value.type !== 'array') {
      context.report(ELEMENT_RULES.invalidElementType, context.nodeRange(value), `"${type}" takes a string or an array of strings.`);
      continue;
    }
    for (const principal of stringsOf(context.model.text, value)) checkPrincipalValue(context, type, principal);
  }
}

function checkPrincipalValue(context: RuleContext, type: string, principal: JsonString): void {
  const value = principal.value;
  // Positions are worked out only for what is reported.
  const range = () => context.stringRange(principal);
  switch (type) {
    case 'AWS':
      if (value === '*' || ACCOUNT_ID.test(value) || IAM_PRINCIPAL_ARN.test(value)) return;
      if (parseArn(value)?.service === 'iam' || parseArn(value)?.service === 'sts') {
        context.report(
          PRINCIPAL_RULES.invalidPrincipal,
          range(),
          `"${value}" is not an IAM principal ARN: use arn:aws:iam::<account>:root, :user/<name>, :role/<name> or arn:aws:sts::<account>:assumed-role/<role>/<session>.${placeholderHint(value)}`,
        );
      } else {
        context.report(
          PRINCIPAL_RULES.invalidPrincipal,
          range(),
          `"${value}" is not an AWS principal: use a 12-digit account ID, an IAM user/role ARN, an account root ARN or "*".${placeholderHint(value)}`,
        );
      }
      return;
    case 'Service':
      if (ACCOUNT_ID.test(value)) {
        context.report(
          PRINCIPAL_RULES.invalidPrincipal,
          range(),
          `"${value}" is an account ID, not a service principal: name accounts under "AWS" ("AWS": "${value}"), services as "ec2.amazonaws.com".`,
        );
        return;
      }
      if (SERVICE_PRINCIPAL.test(value)) {
        checkServiceName(context, principal);
        return;
      }
      {
        const fixed = /^[a-z][a-z0-9-]*$/.test(value) ? `${value}.amazonaws.com` : undefined;
        context.report(
          PRINCIPAL_RULES.invalidPrincipal,
          range(),
          `"${value}" is not a service principal: they look like "ec2.amazonaws.com" or "lambda.amazonaws.com".`,
          {
            fixes: fixed
              ? [{ title: `Change to "${fixed}"`, edits: [{ range: context.nodeRange(principal.node), newText: jsonString(fixed) }], preferred: true }]
              : [],
          },
        );
      }
      return;
    case 'Federated':
      if (/^arn:[^:]+:iam::(\d{12}|\$\{[^}]+\}):(saml-provider|oidc-provider)\/.+$/.test(value)) return;
      if (/^[a-z0-9.-]+\.[a-z]{2,}(\/.*)?$/i.test(value)) return; // cognito-identity.amazonaws.com, accounts.google.com, graph.facebook.com
      context.report(
        PRINCIPAL_RULES.invalidPrincipal,
        range(),
        `"${value}" is not a federated principal: use an identity provider ARN (arn:aws:iam::<account>:oidc-provider/… or :saml-provider/…) or a provider such as cognito-identity.amazonaws.com.`,
      );
      return;
    case 'CanonicalUser':
      if (!CANONICAL_USER.test(value))
        context.report(PRINCIPAL_RULES.invalidPrincipal, range(), `"${value}" is not a canonical user ID (64 hexadecimal characters).`);
      return;
  }
}

function checkServiceName(context: RuleContext, principal: JsonString): void {
  const problem = servicePrincipalProblem(principal.value, context.catalog);
  if (!problem) return;
  context.report(PRINCIPAL_RULES.unknownServicePrincipal, context.stringRange(principal), problem.message, {
    fixes: [{ title: `Change to "${problem.to}"`, edits: [{ range: context.nodeRange(principal.node), newText: jsonString(problem.to) }], preferred: true }],
  });
}
