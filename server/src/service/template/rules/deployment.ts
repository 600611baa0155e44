import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, RuleDefinition } from '../../common/findings';
import { nearest } from '../../common/suggest';
import { rangeOf } from '../../common/text';
import { renameKeyFix } from './keyFix';
import { resourcesOf } from '../policies';
import { entryValue, type TNode } from '../tree';
import { define } from './docs';

/**
 * A SAM function's `DeploymentPreference.Hooks`: CodeDeploy runs a Lambda deployment's hook
 * functions at two points only, the Lambda AppSpec's BeforeAllowTraffic and AfterAllowTraffic,
 * which SAM names PreTraffic and PostTraffic. Any other key names a hook that never runs.
 */

const DOCS = 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-function-deploymentpreference.html';

export const DEPLOYMENT_RULES = {
  unknownHook: define(
    'CFN030',
    'unknown-deployment-hook',
    'error',
    'A SAM DeploymentPreference hook other than PreTraffic and PostTraffic (the Lambda AppSpec has no other hooks).',
    DOCS,
  ),
} satisfies Record<string, RuleDefinition>;

const HOOKS = ['PreTraffic', 'PostTraffic'];
const APPSPEC_NAMES: Readonly<Record<string, string>> = { PreTraffic: 'BeforeAllowTraffic', PostTraffic: 'AfterAllowTraffic' };

export function checkDeploymentHooks(document: TextDocument, root: TNode | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const resource of resourcesOf(root)) {
    if (resource.type !== 'AWS::Serverless::Function') continue;
    const hooks = entryValue(entryValue(resource.properties, 'DeploymentPreference'), 'Hooks');
    if (hooks?.type !== 'map') continue;
    for (const entry of hooks.entries) {
      if (HOOKS.includes(entry.key)) continue;
      const suggestion = nearest(entry.key, HOOKS) ?? HOOKS.find((hook) => APPSPEC_NAMES[hook] === entry.key);
      const range = rangeOf(document, entry.keyStart, entry.keyEnd - entry.keyStart);
      const fixes = renameKeyFix(document, entry, suggestion);
      findings.push({
        code: DEPLOYMENT_RULES.unknownHook.code,
        range,
        message: `"${entry.key}" is not a deployment hook: SAM runs PreTraffic (the AppSpec's BeforeAllowTraffic) and PostTraffic (AfterAllowTraffic) only${suggestion ? `. Did you mean ${suggestion}?` : '.'}`,
        fixes,
      });
    }
  }
  return findings;
}
