import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CompletionItem, type CompletionList, type Hover, MarkupContent, MarkupKind, type Position } from 'vscode-languageserver-types';
import { rangeOf } from '../common/text';
import { samPolicyTemplate } from './data/samPolicyTemplates';
import { referenceCompletion } from './referenceCompletion';
import { samPolicyTemplateAt } from './rules/samPolicies';
import { entryAtKey } from './tree';
import type { DocumentKind, NoteQuery } from '../registry/documentKind';
import type { EmbeddedKinds, TemplateAnalysis } from './analyze';
import { buildspecToTemplate, templateToBuildspec } from './buildspec';
import { type EmbeddedAnalysis, toTemplateRange, translateEdit } from './embedded';
import { insideOpenValue, toVirtual } from './mapping';

/**
 * Hovers, note queries and completion inside an embedded policy: the position is mapped into the
 * rendered policy, the IAM kind answers as it would in a policy file, and whatever ranges the
 * answer carries are mapped back. Outside a policy, and on values CloudFormation fills in at
 * deployment, there is no answer rather than a wrong one.
 */

interface Located {
  readonly embedded: EmbeddedAnalysis;
  readonly position: Position;
}

function locate(template: TextDocument, analysis: TemplateAnalysis, position: Position): Located | undefined {
  const offset = template.offsetAt(position);
  const embedded = analysis.policies.find((p) => p.policy.node.start <= offset && offset <= p.policy.node.end);
  if (!embedded) return undefined;
  const virtual = toVirtual(embedded.virtual, offset);
  if (virtual === undefined || insideOpenValue(embedded.virtual, virtual, virtual)) return undefined;
  return { embedded, position: embedded.document.positionAt(virtual) };
}

export function templateHover(template: TextDocument, analysis: TemplateAnalysis, kinds: EmbeddedKinds, position: Position): Hover | undefined {
  const buildspecHover = inlineBuildspecHover(template, analysis, kinds.buildspec, position);
  if (buildspecHover) return buildspecHover;
  const samHover = samPolicyTemplateHover(template, analysis, position);
  if (samHover) return samHover;
  const propertyHover = policyPropertyHover(template, analysis, position);
  if (propertyHover) return propertyHover;
  const iam = kinds.iam;
  const located = locate(template, analysis, position);
  if (!located || !iam?.hover) return undefined;
  const { embedded } = located;
  const hover = iam.hover(embedded.document, embedded.analysis, located.position);
  if (!hover) return undefined;
  const range = hover.range ? toTemplateRange(template, embedded.document, embedded.virtual, hover.range) : undefined;
  // A value built by an intrinsic was checked with stand-ins: say so, or they read as facts.
  const source = range ? template.getText(range) : '';
  if (!/^!|\$\{|Fn::|"Ref"/.test(source) || !MarkupContent.is(hover.contents)) return { ...hover, range };
  return { ...hover, range, contents: { kind: hover.contents.kind, value: `${STAND_INS}\n\n${hover.contents.value}` } };
}

const STAND_INS =
  '_Read from an intrinsic function with stand-ins: partition `aws`, region `us-east-1`, account `123456789012`, and the logical ID for the name. The real values are known at deployment._';

/** What each kind of policy decides, for a hover on the property that holds one. */
const KIND_DOCS: Readonly<Record<EmbeddedAnalysis['policy']['kind'], string>> = {
  trust:
    'A trust policy: who may assume the role (a service such as `lambda.amazonaws.com`, an account or role, a web identity) with `sts:AssumeRole`. What the role may then do comes from its other policies.',
  identity: 'An identity policy: what the role, user or group it is attached to may do. It names no Principal; the principal is whoever holds it.',
  resource: 'A resource policy: who (the Principal of each statement) may act on the resource it is set on, including principals of other accounts.',
  scp: 'A service control policy: the most that principals in the accounts below its targets may do. It grants nothing by itself.',
  rcp: 'A resource control policy: the most that anyone may do on the resources in the accounts below its targets.',
  endpoint: 'A VPC endpoint policy: what may be done through the endpoint, by whom, on which resources.',
};

/** On the key that holds an embedded policy: which kind it is read as, and what that kind decides. */
function policyPropertyHover(template: TextDocument, analysis: TemplateAnalysis, position: Position): Hover | undefined {
  const entry = entryAtKey(analysis.root, template.offsetAt(position));
  const embedded = entry && analysis.policies.find((p) => p.policy.node === entry.value);
  if (!entry || !embedded) return undefined;
  const { policy } = embedded;
  const problems = embedded.findings.length;
  const value = [
    `**${entry.key}** (${policy.resourceType})`,
    KIND_DOCS[policy.kind],
    `Analysed as ${policy.kind === 'scp' || policy.kind === 'rcp' ? `an ${policy.kind.toUpperCase()}` : `a${policy.kind === 'identity' || policy.kind === 'endpoint' ? 'n' : ''} ${policy.kind} policy`}: ${problems} problem${problems === 1 ? '' : 's'}.`,
  ].join('\n\n');
  return { contents: { kind: MarkupKind.Markdown, value }, range: rangeOf(template, entry.keyStart, entry.keyEnd - entry.keyStart) };
}

/** What a SAM policy template grants, on its name: SAM expands it out of sight, so the hover shows it. */
function samPolicyTemplateHover(template: TextDocument, analysis: TemplateAnalysis, position: Position): Hover | undefined {
  const at = samPolicyTemplateAt(analysis.root, template.offsetAt(position));
  const info = at ? samPolicyTemplate(at.name) : undefined;
  if (!at || !info) return undefined;
  const parameters = info.parameters.length > 0 ? info.parameters.map((p) => `\`${p}\``).join(', ') : 'none (write `{}`)';
  const value = [
    `**${info.name}** (SAM policy template)`,
    info.description,
    `Parameters: ${parameters}`,
    `Grants: ${info.actions.map((a) => `\`${a}\``).join(', ')}`,
  ].join('\n\n');
  return { contents: { kind: MarkupKind.Markdown, value }, range: rangeOf(template, at.start, at.end - at.start) };
}

function inlineBuildspecHover(template: TextDocument, analysis: TemplateAnalysis, kind: DocumentKind | undefined, position: Position): Hover | undefined {
  const offset = template.offsetAt(position);
  const embedded = analysis.buildspecs.find((b) => b.start <= offset && offset <= b.end);
  const inner = embedded ? templateToBuildspec(embedded, offset) : undefined;
  if (!embedded || !inner || !kind?.hover) return undefined;
  const hover = kind.hover(embedded.document, embedded.analysis, inner);
  if (!hover) return undefined;
  return { ...hover, range: hover.range ? buildspecToTemplate(template, embedded, hover.range) : undefined };
}

export function templateNoteQuery(
  template: TextDocument,
  analysis: TemplateAnalysis,
  iam: DocumentKind | undefined,
  position: Position,
): NoteQuery | undefined {
  const located = locate(template, analysis, position);
  return located ? iam?.noteQuery?.(located.embedded.document, located.embedded.analysis, located.position) : undefined;
}

export function templateCompletion(
  template: TextDocument,
  analysis: TemplateAnalysis,
  iam: DocumentKind | undefined,
  position: Position,
): CompletionList | undefined {
  const references = referenceCompletion(template, analysis.root, position);
  if (references) return references;
  const located = locate(template, analysis, position);
  if (!located || !iam?.completion) return undefined;
  const { embedded } = located;
  const list = iam.completion(embedded.document, embedded.analysis, located.position);
  if (!list) return undefined;
  const items: CompletionItem[] = [];
  for (const item of list.items) {
    const edit = item.textEdit;
    // Only edits that land on the template as valid text; an item without one would insert JSON.
    if (!edit || !('range' in edit)) continue;
    const translated = translateEdit(template, analysis.json, embedded.document, embedded.virtual, edit);
    if (translated) items.push({ ...item, textEdit: translated, additionalTextEdits: undefined });
  }
  return { isIncomplete: list.isIncomplete, items };
}
