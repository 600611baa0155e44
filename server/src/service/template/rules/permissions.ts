import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix, RuleDefinition } from '../../common/findings';
import { nearest } from '../../common/suggest';
import { rangeOf } from '../../common/text';
import { SERVICE_PRINCIPAL, servicePrincipalProblem } from '../../common/servicePrincipals';
import type { KindResources } from '../../registry/documentKind';
import { resourcesOf } from '../policies';
import { entryValue, type TNode, type TScalar } from '../tree';
import { define } from './docs';

/**
 * `AWS::Lambda::Permission` and `AWS::Lambda::LayerVersionPermission` are one statement of a
 * resource policy written as properties: Lambda adds it to the function's or the layer version's
 * policy. Their Action and Principal are checked against what the Lambda API accepts
 * (AddPermission: `lambda:*`, `*` or `lambda:` and an action name; AddLayerVersionPermission:
 * `lambda:GetLayerVersion` only, and an account ID, `*` or an account's root ARN as principal),
 * and against the catalog's Lambda actions and service names. Values computed by intrinsics are
 * not known here and are never reported.
 */

const PERMISSION_DOCS = 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-lambda-permission.html';

export const PERMISSION_RULES = {
  action: define(
    'CFN040',
    'lambda-permission-action',
    'error',
    'A Lambda permission whose Action is not a Lambda action (a layer permission: not lambda:GetLayerVersion).',
    PERMISSION_DOCS,
  ),
  principal: define(
    'CFN041',
    'lambda-permission-principal',
    'error',
    'A Lambda permission whose Principal Lambda does not accept, or a misspelt service principal.',
    PERMISSION_DOCS,
  ),
} satisfies Record<string, RuleDefinition>;

/** The catalog as the registry hands it to kinds. */
type IamCatalog = ReturnType<NonNullable<KindResources['catalog']>>;

const LAYER_ACTION = 'lambda:GetLayerVersion';
const LAYER_PRINCIPAL = /^(\d{12}|\*|arn:aws[a-zA-Z-]*:iam::\d{12}:root)$/;

export function checkLambdaPermissions(document: TextDocument, root: TNode | undefined, catalog: IamCatalog | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const resource of resourcesOf(root)) {
    const layer = resource.type === 'AWS::Lambda::LayerVersionPermission';
    if (!layer && resource.type !== 'AWS::Lambda::Permission') continue;
    const action = written(entryValue(resource.properties, 'Action'));
    const principal = written(entryValue(resource.properties, 'Principal'));
    const problem = (rule: RuleDefinition, node: WrittenScalar, message: string, to?: string) =>
      findings.push({ code: rule.code, range: rangeOf(document, node.start, node.end - node.start), message, fixes: replaceWith(document, node, to) });
    if (action && layer && action.value !== LAYER_ACTION) {
      problem(
        PERMISSION_RULES.action,
        action,
        `A layer permission grants "${LAYER_ACTION}" and nothing else (the only Action AddLayerVersionPermission accepts); "${action.value}" is rejected.`,
        LAYER_ACTION,
      );
    } else if (action && !layer) {
      const wrong = functionActionProblem(action.value, catalog);
      if (wrong) problem(PERMISSION_RULES.action, action, wrong.message, wrong.to);
    }
    if (principal && layer && !LAYER_PRINCIPAL.test(principal.value)) {
      problem(
        PERMISSION_RULES.principal,
        principal,
        `A layer permission's Principal is an account ID, "*" (every account, or the accounts of OrganizationId), or an account's root ARN; "${principal.value}" is rejected.`,
      );
    } else if (principal && !layer && catalog && SERVICE_PRINCIPAL.test(principal.value)) {
      const misspelt = servicePrincipalProblem(principal.value, catalog);
      if (misspelt) problem(PERMISSION_RULES.principal, principal, misspelt.message, misspelt.to);
    }
  }
  return findings;
}

/** What is wrong with a function permission's Action, and the action most likely meant. */
function functionActionProblem(value: string, catalog: IamCatalog | undefined): { message: string; to?: string } | undefined {
  if (value === '*' || value === 'lambda:*') return undefined;
  const colon = value.indexOf(':');
  const prefix = colon < 0 ? '' : value.slice(0, colon);
  const name = colon < 0 ? value : value.slice(colon + 1);
  const known = catalog?.action('lambda', name);
  if (prefix !== 'lambda') {
    const to = known ? `lambda:${known.name}` : undefined;
    return {
      message: `A Lambda permission grants Lambda actions: write "lambda:" and the action (such as lambda:InvokeFunction), "lambda:*" or "*"; "${value}" is rejected.${to ? ` Did you mean "${to}"?` : ''}`,
      to,
    };
  }
  if (/[*?]/.test(name)) {
    return {
      message: `Lambda permissions take no partial wildcards: "lambda:*" grants every Lambda action, anything else names one action; "${value}" is rejected.`,
    };
  }
  if (!catalog || known) return undefined;
  const suggestion = nearest(
    name,
    catalog.actions('lambda').map((a) => a.name),
  );
  const to = suggestion ? `lambda:${suggestion}` : undefined;
  return { message: `AWS Lambda has no action "${name}".${to ? ` Did you mean "${to}"?` : ''}`, to };
}

/** A value written as plain text (not computed by an intrinsic), whose text in the template is the value. */
type WrittenScalar = TScalar & { readonly value: string; readonly content: number };

function written(node: TNode | undefined): WrittenScalar | undefined {
  return node?.type === 'scalar' && typeof node.value === 'string' && node.content !== undefined ? (node as WrittenScalar) : undefined;
}

function replaceWith(document: TextDocument, node: WrittenScalar, to: string | undefined): Fix[] | undefined {
  if (!to) return undefined;
  return [{ title: `Change to "${to}"`, edits: [{ range: rangeOf(document, node.content, node.value.length), newText: to }], preferred: true }];
}
