import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { Settings } from '../../protocol/settings';
import type { Finding, Fix } from '../common/findings';
import { rangeOf } from '../common/text';
import { withLineFeeds } from '../yaml/lineFeeds';
import type { Analysis, DocumentKind, RuleErrorHandler } from '../registry/documentKind';
import { resourcesOf } from './policies';
import { entryValue, type TNode } from './tree';

/**
 * A CodeBuild project's inline buildspec (`Source.BuildSpec: |` followed by the buildspec), checked
 * by the buildspec kind as if it were a buildspec.yml. A literal block keeps every line of its
 * value as written after the block's indentation, so a position maps line for line; anything
 * else (a folded block, a JSON string with \n escapes, a file name) is left alone.
 */

export interface EmbeddedBuildspec {
  readonly resource: string;
  /** Where the value's first line starts, then each following line, in the template. */
  readonly lineStarts: readonly number[];
  /** The block's span in the template. */
  readonly start: number;
  readonly end: number;
  readonly document: TextDocument;
  readonly analysis: Analysis;
  readonly findings: readonly Finding[];
}

export function analyzeBuildspecs(
  template: TextDocument,
  root: TNode | undefined,
  buildspecKind: DocumentKind | undefined,
  settings: Settings,
  onRuleError: RuleErrorHandler,
): EmbeddedBuildspec[] {
  if (!buildspecKind) return [];
  // Lines as the template's YAML was read (a lone CR is a line break there too); only for a
  // template that has a CodeBuild project, not on every keystroke of every template.
  let text: string | undefined;
  const found: EmbeddedBuildspec[] = [];
  for (const resource of resourcesOf(root)) {
    if (resource.type !== 'AWS::CodeBuild::Project') continue;
    text ??= withLineFeeds(template.getText());
    let node = entryValue(entryValue(resource.properties, 'Source'), 'BuildSpec');
    // `!Sub |` keeps the text as written; its ${…} sit inside strings, where the buildspec rules accept any text.
    if (node?.type === 'intrinsic' && node.name === 'Fn::Sub') node = node.argument;
    if (node?.type !== 'scalar' || typeof node.value !== 'string' || text[node.start] !== '|') continue;
    const lineStarts = literalLineStarts(text, node.start, node.value);
    if (!lineStarts) continue;
    const document = TextDocument.create(`${template.uri}#${encodeURIComponent(`${resource.name}.Source.BuildSpec`)}`, 'yaml', template.version, node.value);
    const paths = { relative: 'buildspec.yml', absolute: '/buildspec.yml' };
    const claim = buildspecKind.claim({ document, family: 'yaml', paths, settings, workspaceRoot: undefined });
    const analysis = claim ? buildspecKind.analyze(document, claim, onRuleError) : undefined;
    if (!analysis) continue;
    const embedded = { resource: resource.name, lineStarts, start: node.start, end: node.end, document, analysis };
    const findings = analysis.findings.map((finding) => {
      const fixes = (finding.fixes ?? []).map((fix) => translateFix(template, embedded, fix)).filter((fix): fix is Fix => fix !== undefined);
      return {
        ...finding,
        range: buildspecToTemplate(template, embedded, finding.range),
        fixes: fixes.length > 0 ? fixes : undefined,
        embedded: { kind: 'buildspec', resource: resource.name, resourceType: resource.type, path: 'Source.BuildSpec' },
      };
    });
    found.push({ ...embedded, findings });
  }
  return found;
}

/** The template offset where each line of a literal block's value starts; undefined when the lines are not the source's. */
export function literalLineStarts(text: string, blockStart: number, value: string): number[] | undefined {
  const headerEnd = text.indexOf('\n', blockStart);
  if (headerEnd < 0) return undefined;
  let position = headerEnd + 1;
  let indent: number | undefined;
  const starts: number[] = [];
  const lines = value.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // The newline that ends the value: its "line" is wherever the template goes on.
    if (i === lines.length - 1 && line === '') {
      starts.push(Math.min(position, text.length));
      break;
    }
    const lineEnd = text.indexOf('\n', position);
    const source = text.slice(position, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, '');
    if (line === '') {
      if (source.trim() !== '') return undefined;
      starts.push(position + Math.min(source.length, indent ?? source.length));
    } else {
      indent ??= source.length - line.length;
      if (indent < 0 || source.slice(indent) !== line || source.slice(0, indent).trim() !== '') return undefined;
      starts.push(position + indent);
    }
    if (lineEnd < 0) break;
    position = lineEnd + 1;
  }
  return starts.length === lines.length ? starts : undefined;
}

type Mapped = Pick<EmbeddedBuildspec, 'lineStarts' | 'document'>;

function toTemplateOffset(embedded: Mapped, position: Position): number {
  const start = embedded.lineStarts[Math.min(position.line, embedded.lineStarts.length - 1)] ?? 0;
  return start + position.character;
}

export function buildspecToTemplate(template: TextDocument, embedded: Mapped, range: Range): Range {
  const start = toTemplateOffset(embedded, range.start);
  return rangeOf(template, start, Math.max(0, toTemplateOffset(embedded, range.end) - start));
}

/** The buildspec position of a template offset inside the block, or undefined. */
export function templateToBuildspec(embedded: EmbeddedBuildspec, offset: number): Position | undefined {
  for (let line = embedded.lineStarts.length - 1; line >= 0; line--) {
    const start = embedded.lineStarts[line]!;
    if (offset >= start) {
      const length = embedded.document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '').length;
      return offset - start <= length ? { line, character: offset - start } : undefined;
    }
  }
  return undefined;
}

/** Edits on one line move as they are; text with line breaks would need the block's indentation, so such fixes are dropped. */
function translateFix(template: TextDocument, embedded: Mapped, fix: Fix): Fix | undefined {
  const edits: TextEdit[] = [];
  for (const edit of fix.edits) {
    if (edit.newText.includes('\n') || edit.range.start.line !== edit.range.end.line) return undefined;
    edits.push({ range: buildspecToTemplate(template, embedded, edit.range), newText: edit.newText });
  }
  return { ...fix, edits };
}
