import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, RuleDefinition } from '../../common/findings';
import { nearest } from '../../common/suggest';
import { rangeOf } from '../../common/text';
import { renameKeyFix } from './keyFix';
import { SAM_POLICY_TEMPLATES, samPolicyTemplate } from '../data/samPolicyTemplates';
import { resourcesOf } from '../policies';
import type { TNode } from '../tree';
import { entryValue } from '../tree';
import { define } from './docs';

/**
 * SAM policy templates in a function's `Policies` (`- S3ReadPolicy: {BucketName: …}`): the name
 * must be one SAM knows and every parameter it substitutes must be given, or `sam deploy` fails
 * to transform the template. Managed policy names, ARNs and intrinsics are not judged here.
 */

const SAM_POLICY_TEMPLATES_DOCS = 'https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-template-list.html';

export const SAM_POLICY_RULES = {
  unknownTemplate: define(
    'CFN010',
    'unknown-sam-policy-template',
    'error',
    'A mapping under a SAM function\'s Policies is neither a policy document (no "Statement") nor a SAM policy template SAM knows.',
    SAM_POLICY_TEMPLATES_DOCS,
  ),
  missingParameter: define(
    'CFN011',
    'missing-sam-policy-template-parameter',
    'error',
    'A SAM policy template is missing a parameter it substitutes into its policy (SAM: "Missing parameter values").',
    SAM_POLICY_TEMPLATES_DOCS,
  ),
} satisfies Record<string, RuleDefinition>;

const SAM_POLICY_OWNERS = new Set(['AWS::Serverless::Function', 'AWS::Serverless::StateMachine']);
const NAMES = SAM_POLICY_TEMPLATES.map((t) => t.name);

export function checkSamPolicyTemplates(document: TextDocument, root: TNode | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const resource of resourcesOf(root)) {
    if (!SAM_POLICY_OWNERS.has(resource.type)) continue;
    const policies = entryValue(resource.properties, 'Policies');
    const items = policies?.type === 'seq' ? policies.items : policies ? [policies] : [];
    for (const item of items) {
      // A policy document, or a mapping of several keys (not SAM's template form), is someone else's business.
      if (item.type !== 'map' || item.entries.length !== 1 || item.entries.some((e) => e.key === 'Statement')) continue;
      const entry = item.entries[0]!;
      const keyRange = rangeOf(document, entry.keyStart, entry.keyEnd - entry.keyStart);
      const template = samPolicyTemplate(entry.key);
      if (!template) {
        const suggestion = nearest(entry.key, NAMES);
        const fixes = renameKeyFix(document, entry, suggestion);
        findings.push({
          code: SAM_POLICY_RULES.unknownTemplate.code,
          range: keyRange,
          message: `"${entry.key}" is not a SAM policy template${suggestion ? `. Did you mean ${suggestion}?` : ': see the SAM policy template list, or write a policy document with a Statement.'}`,
          fixes,
        });
        continue;
      }
      const value = entry.value;
      // Parameters given through an intrinsic cannot be counted.
      if (value !== undefined && value.type !== 'map' && !(value.type === 'scalar' && value.value === null)) continue;
      const given = new Set(value?.type === 'map' ? value.entries.map((e) => e.key) : []);
      const missing = template.parameters.filter((name) => !given.has(name));
      if (missing.length > 0) {
        findings.push({
          code: SAM_POLICY_RULES.missingParameter.code,
          range: keyRange,
          message: `${template.name} needs the parameter${missing.length === 1 ? '' : 's'} ${missing.map((name) => `"${name}"`).join(' and ')}: SAM substitutes ${missing.length === 1 ? 'it' : 'them'} into the policy and cannot transform the template without ${missing.length === 1 ? 'it' : 'them'}.`,
        });
      }
    }
  }
  return findings;
}

/** The SAM policy template whose name is at `offset` in a function's Policies, for hovers. */
export function samPolicyTemplateAt(root: TNode | undefined, offset: number): { name: string; start: number; end: number } | undefined {
  for (const resource of resourcesOf(root)) {
    if (!SAM_POLICY_OWNERS.has(resource.type)) continue;
    const policies = entryValue(resource.properties, 'Policies');
    const items = policies?.type === 'seq' ? policies.items : policies ? [policies] : [];
    for (const item of items) {
      if (item.type !== 'map' || item.entries.length !== 1) continue;
      const entry = item.entries[0]!;
      if (entry.keyStart <= offset && offset <= entry.keyEnd && samPolicyTemplate(entry.key))
        return { name: entry.key, start: entry.keyStart, end: entry.keyEnd };
    }
  }
  return undefined;
}
