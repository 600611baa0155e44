import { ruleDefiner, type RuleDefinition } from '../../common/findings';

/**
 * Every IAM rule with its stable code. Codes never change meaning once released; users
 * set per-rule severities (`awsStudyHints.rules`) and suppressions by these codes.
 */

const ELEMENTS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements';
const GRAMMAR = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html';
const CONDITIONS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html';
const VARIABLES = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html';
const SAR = 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html';
const BEST = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html';

const define = ruleDefiner('iam');

export const IAM_RULES = {
  invalidJson: define('IAM001', 'invalid-json', 'error', 'The document is not valid JSON.', GRAMMAR),
  duplicateKey: define('IAM002', 'duplicate-key', 'error', 'A key appears twice in one object; only one value is used.', GRAMMAR),
  notAnObject: define('IAM003', 'invalid-document', 'error', 'A policy must be a JSON object.', GRAMMAR),
  tooDeep: define('IAM004', 'too-deep', 'error', 'The document is nested too deeply to analyse.', GRAMMAR),
  missingVersion: define(
    'IAM010',
    'missing-version',
    'warning',
    'Without Version, IAM uses 2008-10-17, which has no policy variables.',
    `${ELEMENTS}_version.html`,
  ),
  unknownVersion: define('IAM011', 'unknown-version', 'error', 'Version must be 2012-10-17 (or the old 2008-10-17).', `${ELEMENTS}_version.html`),
  oldVersion: define('IAM012', 'old-version', 'warning', 'Version 2008-10-17 is outdated; use 2012-10-17.', `${ELEMENTS}_version.html`),
  unknownTopLevelKey: define('IAM013', 'unknown-top-level-key', 'error', 'Only Version, Id and Statement may appear at the top level.', GRAMMAR),
  missingStatement: define('IAM014', 'missing-statement', 'error', 'A policy needs a Statement.', `${ELEMENTS}_statement.html`),
  invalidStatement: define('IAM015', 'invalid-statement', 'error', 'Statement must be an object or an array of objects.', `${ELEMENTS}_statement.html`),
  invalidElementType: define('IAM016', 'invalid-element-type', 'error', 'An element has a value of the wrong JSON type.', GRAMMAR),
  emptyElement: define('IAM017', 'empty-element', 'warning', 'An element is an empty array, which matches nothing.', GRAMMAR),
  unknownStatementKey: define(
    'IAM020',
    'unknown-statement-key',
    'error',
    'A statement may only contain Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource and Condition.',
    GRAMMAR,
  ),
  missingEffect: define('IAM021', 'missing-effect', 'error', 'Every statement needs Effect.', `${ELEMENTS}_effect.html`),
  invalidEffect: define('IAM022', 'invalid-effect', 'error', 'Effect must be exactly Allow or Deny.', `${ELEMENTS}_effect.html`),
  missingAction: define('IAM023', 'missing-action', 'error', 'Every statement needs Action or NotAction.', `${ELEMENTS}_action.html`),
  actionAndNotAction: define(
    'IAM024',
    'action-and-notaction',
    'error',
    'Action and NotAction cannot appear in the same statement.',
    `${ELEMENTS}_notaction.html`,
  ),
  missingResource: define('IAM025', 'missing-resource', 'error', 'This kind of policy needs Resource or NotResource.', `${ELEMENTS}_resource.html`),
  resourceAndNotResource: define(
    'IAM026',
    'resource-and-notresource',
    'error',
    'Resource and NotResource cannot appear in the same statement.',
    `${ELEMENTS}_notresource.html`,
  ),
  principalAndNotPrincipal: define(
    'IAM027',
    'principal-and-notprincipal',
    'error',
    'Principal and NotPrincipal cannot appear in the same statement.',
    `${ELEMENTS}_notprincipal.html`,
  ),
  missingPrincipal: define('IAM028', 'missing-principal', 'error', 'Resource and trust policies need Principal or NotPrincipal.', `${ELEMENTS}_principal.html`),
  principalNotAllowed: define('IAM029', 'principal-not-allowed', 'error', 'Identity policies and SCPs cannot name a Principal.', `${ELEMENTS}_principal.html`),
  resourceNotAllowed: define(
    'IAM030',
    'resource-not-allowed',
    'error',
    'Role trust policies cannot contain Resource or NotResource.',
    `${ELEMENTS}_resource.html`,
  ),
  invalidSid: define('IAM031', 'invalid-sid', 'error', 'Sid may contain only letters A-Z, a-z and digits 0-9.', `${ELEMENTS}_sid.html`),
  duplicateSid: define('IAM032', 'duplicate-sid', 'error', 'Statement ids must be unique within a policy.', `${ELEMENTS}_sid.html`),
  redundantValue: define('IAM033', 'redundant-value', 'hint', 'The same value is listed twice.', GRAMMAR),
  invalidActionFormat: define(
    'IAM040',
    'invalid-action-format',
    'error',
    'Actions are written service:ActionName, e.g. s3:GetObject.',
    `${ELEMENTS}_action.html`,
  ),
  unknownService: define('IAM041', 'unknown-service', 'error', 'The service prefix is not in the AWS authorization catalog.', SAR),
  unknownAction: define('IAM042', 'unknown-action', 'error', 'The action does not exist in its service.', SAR),
  wildcardMatchesNothing: define('IAM043', 'wildcard-matches-nothing', 'error', 'The action pattern matches no action of its service.', SAR),
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
  invalidPrincipal: define('IAM060', 'invalid-principal', 'error', 'The principal is not in a valid form for its type.', `${ELEMENTS}_principal.html`),
  unknownPrincipalType: define(
    'IAM061',
    'unknown-principal-type',
    'error',
    'Principal types are AWS, Service, Federated and CanonicalUser.',
    `${ELEMENTS}_principal.html`,
  ),
  invalidCondition: define('IAM070', 'invalid-condition', 'error', 'Condition must map operators to objects of key → value(s).', `${ELEMENTS}_condition.html`),
  unknownConditionOperator: define('IAM071', 'unknown-condition-operator', 'error', 'The condition operator does not exist.', CONDITIONS),
  unknownConditionKey: define(
    'IAM072',
    'unknown-condition-key',
    'error',
    'The condition key is not a global key nor a key of any service.',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html',
  ),
  conditionKeyNotSupported: define(
    'IAM073',
    'condition-key-not-supported',
    'warning',
    "None of the statement's actions supports this condition key, so the condition never matches.",
    SAR,
  ),
  conditionTypeMismatch: define('IAM074', 'condition-type-mismatch', 'warning', "The operator's type does not match the condition key's type.", CONDITIONS),
  invalidConditionValue: define('IAM075', 'invalid-condition-value', 'error', "A condition value is not valid for the operator's type.", CONDITIONS),
  wildcardWithoutLike: define(
    'IAM076',
    'wildcard-without-like',
    'warning',
    'Wildcards are literal characters under this operator; use a Like operator.',
    CONDITIONS,
  ),
  forAllValuesSingleValued: define(
    'IAM077',
    'forallvalues-single-valued',
    'warning',
    'ForAllValues/ForAnyValue are for multivalued keys; ForAllValues also matches when the key is absent.',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html',
  ),
  mfaBoolWithoutIfExists: define(
    'IAM078',
    'mfa-bool-without-ifexists',
    'warning',
    'aws:MultiFactorAuthPresent is absent for long-term credentials; Bool alone does not match them.',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent',
  ),
  nullWithIfExists: define('IAM079', 'null-with-ifexists', 'error', 'The Null operator cannot take IfExists.', CONDITIONS),
  invalidPolicyVariable: define(
    'IAM080',
    'invalid-policy-variable',
    'error',
    'A policy variable is malformed, e.g. ${aws:username is missing its closing brace.',
    VARIABLES,
  ),
  variableInOldVersion: define(
    'IAM081',
    'variable-in-old-version',
    'warning',
    'Policy variables need Version 2012-10-17; under 2008-10-17 they are literal text.',
    VARIABLES,
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
  tooManyProblems: define('IAM099', 'too-many-problems', 'information', 'Only the first problems of a very large document are shown.'),
} satisfies Record<string, RuleDefinition>;

export type IamRuleId = keyof typeof IAM_RULES;

export const IAM_RULE_LIST: readonly RuleDefinition[] = Object.values(IAM_RULES);
