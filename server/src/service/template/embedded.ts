import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Settings } from '../../protocol/settings';
import type { Finding, Fix } from '../common/findings';
import { RecentCache } from '../common/recentCache';
import { rangeOf } from '../common/text';
import type { Analysis, DocumentKind, RuleErrorHandler } from '../registry/documentKind';
import { insideOpenValue, toSource } from './mapping';
import type { EmbeddedPolicy } from './policies';
import type { ArnResolver } from './resolve';
import { type RenderCache, yamlSurroundings } from './renderCache';
import { renderStringPolicy } from './stringPolicy';
import { renderPolicy, type Segment, type VirtualPolicy } from './virtual';
import { withLineFeeds } from '../yaml/lineFeeds';

/**
 * One embedded policy analysed by the IAM kind, through the kind contract: the policy is rendered
 * as a JSON document of its own, analysed exactly as a policy file of its kind would be, and the
 * findings are mapped back onto the template. Fixes travel only when their edits land on text
 * that reads the same in the template, in a form the template's syntax accepts.
 */

export interface EmbeddedAnalysis {
  readonly policy: EmbeddedPolicy;
  readonly virtual: VirtualPolicy;
  /** The rendered policy as the IAM kind saw it. */
  readonly document: TextDocument;
  readonly analysis: Analysis;
  /** The IAM findings, on the template's ranges. */
  readonly findings: readonly Finding[];
}

/**
 * Analyses by policy kind and rendered text. A keystroke changes one policy at most, and the
 * others render to the same text (offsets in the template move, the rendered text does not), so
 * their analyses, which live in rendered coordinates, are reused and only mapped again.
 */
export class PolicyCache {
  private readonly byKind = new Map<string, RecentCache<string, Analysis>>();
  /** The settings the analyses were made with: others (a rule turned off, an option changed) start afresh. */
  private settings: Settings | undefined;
  constructor(private readonly capacity = 500) {}

  /** Keyed by the rendered text itself (not a longer string made from it), whose hash V8 keeps once computed. */
  get(kind: string, text: string, settings: Settings): Analysis | undefined {
    if (settings !== this.settings) {
      this.byKind.clear();
      this.settings = settings;
    }
    return this.byKind.get(kind)?.get(text);
  }

  set(kind: string, text: string, analysis: Analysis): void {
    let analyses = this.byKind.get(kind);
    if (!analyses) {
      // Weighed in characters: an analysis holds the policy's tree and findings, several times its text.
      analyses = new RecentCache(this.capacity, { weigh: (policy, analysis) => policy.length * 8 + (analysis?.findings.length ?? 0) * 300 });
      this.byKind.set(kind, analyses);
    }
    analyses.set(text, analysis);
  }
}

export function analyzeEmbedded(
  template: TextDocument,
  json: boolean,
  policy: EmbeddedPolicy,
  iam: DocumentKind,
  settings: Settings,
  onRuleError: RuleErrorHandler,
  resolve: ArnResolver,
  cache: PolicyCache,
  renders: RenderCache,
): EmbeddedAnalysis | undefined {
  const { node } = policy;
  const text = template.getText();
  const source = text.slice(node.start, node.end);
  // A JSON value reads the same wherever it is; a YAML one depends on its line and the lines after it.
  const surroundings = json ? '' : yamlSurroundings(text, node.start, node.end);
  const virtual = renders.render(`${json ? 'json' : 'yaml'}|${node.type}`, source, node.start, surroundings, resolve, (resolving) =>
    node.type === 'map' ? renderPolicy(node, resolving) : renderStringPolicy(withLineFeeds(text), node, resolving),
  );
  if (!virtual) return undefined;
  const document = TextDocument.create(`${template.uri}#${encodeURIComponent(`${policy.resource}.${policy.path}`)}`, 'json', template.version, virtual.text);
  let analysis = cache.get(policy.kind, virtual.text, settings);
  if (!analysis) {
    const claim = iam.claim({ document, family: 'json', paths: undefined, settings, workspaceRoot: undefined, forcedPolicyKind: policy.kind });
    analysis = claim ? iam.analyze(document, claim, onRuleError) : undefined;
    if (analysis) cache.set(policy.kind, virtual.text, analysis);
  }
  if (!analysis) return undefined;
  const findings: Finding[] = [];
  // Rules are exempted by name, which the IAM kind's rule table turns into codes.
  const exempt = new Set(iam.rules.filter((rule) => policy.exempt?.includes(rule.name)).map((rule) => rule.code));
  for (const finding of analysis.findings) {
    if (exempt.has(finding.code)) continue;
    // SAM's own examples write a function's inline statements without Version; without policy
    // variables that changes nothing, so only the warning (variables in use) is worth showing there.
    if (policy.resourceType === 'AWS::Serverless::Function' && finding.code === MISSING_VERSION && finding.severity === 'information') continue;
    const start = document.offsetAt(finding.range.start);
    const end = document.offsetAt(finding.range.end);
    // A value CloudFormation fills in at deployment is unknown here: say nothing about it.
    if (insideOpenValue(virtual, start, end)) continue;
    const fixes = (finding.fixes ?? []).map((fix) => translateFix(template, json, document, virtual, fix)).filter((fix): fix is Fix => fix !== undefined);
    findings.push({
      ...finding,
      message: inTemplate(finding.message, policy),
      range: toTemplateRange(template, document, virtual, finding.range),
      fixes: fixes.length > 0 ? fixes : undefined,
      embedded: { kind: policy.kind, resource: policy.resource, resourceType: policy.resourceType, path: policy.path },
    });
  }
  return { policy, virtual, document, analysis, findings };
}

/** The IAM rule a SAM function's inline statements are spared when it is only information. */
const MISSING_VERSION = 'IAM010';

const KIND_NAMES: Readonly<Record<EmbeddedPolicy['kind'], string>> = {
  identity: 'an identity policy',
  resource: 'a resource policy',
  trust: 'a trust policy',
  scp: 'an SCP',
  rcp: 'an RCP',
  endpoint: 'a VPC endpoint policy',
};

/**
 * A policy file's kind can be set in awsStudyHints.iam.policyKinds; a template's policy has the
 * kind of the property it sits in, so a message that points to the setting points there instead.
 */
function inTemplate(message: string, policy: EmbeddedPolicy): string {
  const clause = /,? or [^.,]*awsStudyHints\.iam\.policyKinds\.?$/;
  if (!clause.test(message)) return message;
  return `${message.replace(clause, '.')} Here the kind comes from where the policy sits: ${policy.resource}'s ${policy.path} (${policy.resourceType}) is read as ${KIND_NAMES[policy.kind]}.`;
}

export function toTemplateRange(template: TextDocument, document: TextDocument, virtual: VirtualPolicy, range: Range): Range {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  const sourceStart = toSource(virtual, start, 'start');
  const sourceEnd = end === start ? sourceStart : Math.max(sourceStart, toSource(virtual, end, 'end'));
  return rangeOf(template, sourceStart, sourceEnd - sourceStart);
}

/** A fix whose every edit can be made on the template, or undefined. */
function translateFix(template: TextDocument, json: boolean, document: TextDocument, virtual: VirtualPolicy, fix: Fix): Fix | undefined {
  const edits: TextEdit[] = [];
  for (const edit of fix.edits) {
    const translated = translateEdit(template, json, document, virtual, edit);
    if (!translated) return undefined;
    edits.push(translated);
  }
  return { ...fix, edits };
}

// Safe as a plain YAML scalar in block or flow context, and inside either kind of quotes: no indicator first, no quote, "#", comma or bracket.
const PLAIN_SAFE = /^[A-Za-z0-9_][A-Za-z0-9:*?_./@+=-]*$/;
const INNER_SAFE = /^[A-Za-z0-9:*?_./@+=,${}-]*$/;
// Inside a JSON string written without escapes: no quote, backslash or control character.
const JSON_INNER_SAFE = /^[^"\\\u0000-\u001f]*$/;

export function translateEdit(template: TextDocument, json: boolean, document: TextDocument, virtual: VirtualPolicy, edit: TextEdit): TextEdit | undefined {
  const start = document.offsetAt(edit.range.start);
  const end = document.offsetAt(edit.range.end);
  if (insideOpenValue(virtual, start, end)) return undefined;
  // Lines as the template's YAML was read (a lone CR is a line break there too); offsets are the same.
  const text = withLineFeeds(template.getText());
  // Inside text that is identical on both sides: the same edit, moved.
  const exact = narrowest(virtual.segments, (s) => s.exact && s.vStart <= start && end <= s.vEnd);
  if (exact && (virtual.editable ?? (json ? JSON_INNER_SAFE : INNER_SAFE)).test(edit.newText)) {
    const from = exact.sStart + (start - exact.vStart);
    // What starts a plain YAML scalar must not read as YAML syntax ("*" would be an alias, "{" a mapping).
    const startsPlain = !json && virtual.editable === undefined && from === exact.sStart && !`"'`.includes(text[from - 1] ?? '');
    // A completion snippet is judged by the text it leaves: its placeholders' defaults.
    const leaves = edit.newText.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
    if (!startsPlain || leaves === '' || PLAIN_SAFE.test(leaves)) return { range: rangeOf(template, from, end - start), newText: edit.newText };
  }
  // A whole string token replaced by another string.
  const token = virtual.segments.find((s) => !s.exact && s.vStart === start && s.vEnd === end && virtual.text[start] === '"');
  if (!token || !/^"(?:[^"\\]|\\.)*"$/.test(edit.newText)) return undefined;
  const source = text.slice(token.sStart, token.sEnd);
  if (json) return source.startsWith('"') ? { range: rangeOf(template, token.sStart, token.sEnd - token.sStart), newText: edit.newText } : undefined;
  if (/^[!{[&*]/.test(source)) return undefined;
  const value = JSON.parse(edit.newText) as string;
  if (!PLAIN_SAFE.test(value)) return undefined;
  // Keep the scalar's quotes if it had some; the value is safe inside either kind.
  const quote = source[0] === '"' || source[0] === "'" ? source[0] : '';
  return { range: rangeOf(template, token.sStart, token.sEnd - token.sStart), newText: `${quote}${value}${quote}` };
}

function narrowest(segments: readonly Segment[], matches: (segment: Segment) => boolean): Segment | undefined {
  let best: Segment | undefined;
  for (const segment of segments) if (matches(segment) && (!best || segment.vEnd - segment.vStart < best.vEnd - best.vStart)) best = segment;
  return best;
}
