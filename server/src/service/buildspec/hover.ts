import type { Scalar } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { rangeOf } from '../common/text';
import { locateYaml } from '../yaml/location';
import { isScalar, scalarSource } from '../yaml/model';
import { describeType, specAt, type SpecNode } from '../yaml/spec';
import type { BuildspecAnalysis } from './analyze';
import { BUILDSPEC_SPEC, runtimeVersions } from './spec';

/** Hovers in buildspecs: every key and phase, runtime names, and CodeBuild's environment variables in commands. */

const PHASE_ORDER = ['install', 'pre_build', 'build', 'post_build'];

export function buildspecHover(document: TextDocument, analysis: BuildspecAnalysis, position: Position): Hover | undefined {
  const offset = document.offsetAt(position);
  const where = locateYaml(analysis.model, offset);
  if (!where) return undefined;
  const node = where.node;
  if (!where.onKey && node && isScalar(node)) {
    const variable = environmentVariableAt(analysis.model.text, node as Scalar, offset);
    if (variable) {
      return {
        contents: { kind: MarkupKind.Markdown, value: `**$${variable.name}** · CodeBuild environment variable\n\n${variable.doc}` },
        range: rangeOf(document, variable.offset, variable.name.length + 1),
      };
    }
  }
  if (!where.onKey || !node) return undefined;
  const path = where.path;
  const key = path[path.length - 1]!;
  let markdown: string | undefined;
  if (path.length === 4 && path[2] === 'runtime-versions' && path[0] === 'phases') {
    const versions = runtimeVersions(key);
    const deprecated = BUILDSPEC_SPEC.deprecatedRuntimes[key];
    markdown = deprecated
      ? `**${key}** runtime · deprecated\n\n${deprecated}`
      : versions
        ? `**${key}** runtime\n\n${versions.length > 0 ? `Versions on current images: ${versions.map((v) => `\`${v}\``).join(', ')}.` : 'No current image preinstalls it.'} \`latest\` and \`<major>.x\` forms are accepted too; availability depends on the build image.`
        : undefined;
  } else {
    const spec = specAt(BUILDSPEC_SPEC.root, path);
    markdown = spec ? keyMarkdown(key, spec, path) : undefined;
  }
  if (!markdown) return undefined;
  const r = node.range;
  return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: r ? rangeOf(document, r[0], r[1] - r[0]) : undefined };
}

function keyMarkdown(key: string, spec: SpecNode, path: readonly string[]): string {
  const isPhase = path[0] === 'phases' && path.length === 2 && PHASE_ORDER.includes(key);
  // Mappings say what they hold through their keys; the type word is only useful for values.
  const kind = isPhase ? 'build phase' : spec.type === 'map' ? undefined : describeType(spec);
  const header = [`**${key}**`, kind, spec.required ? 'required' : undefined, spec.versions ? `buildspec ${spec.versions.join('/')}` : undefined];
  const lines = [header.filter(Boolean).join(' · ')];
  if (spec.doc) lines.push('', spec.doc);
  if (isPhase) {
    lines.push(
      '',
      `${PHASE_ORDER.map((p) => (p === key ? `**${p}**` : p)).join(' → ')} → artifacts uploaded. \`finally\` commands run even when a command fails.`,
    );
  } else if (spec.lifecycle) lines.push('', spec.lifecycle);
  if (spec.type === 'enum' && spec.values)
    lines.push('', `Values: ${spec.values.map((v) => `\`${v}\``).join(', ')}${spec.caseInsensitive ? ' (any case)' : ''}`);
  if (spec.type === 'map' && spec.keys)
    lines.push(
      '',
      `Keys: ${Object.keys(spec.keys)
        .map((k) => `\`${k}\``)
        .join(', ')}`,
    );
  if (spec.deprecated) lines.push('', `Deprecated: ${spec.deprecated}`);
  if (spec.platform) lines.push('', `Only on ${spec.platform} build images.`);
  if (spec.link) lines.push('', `[Buildspec reference](${spec.link})`);
  return lines.join('\n');
}

function environmentVariableAt(text: string, node: Scalar, offset: number): { name: string; doc: string; offset: number } | undefined {
  const r = node.range;
  if (!r) return undefined;
  const source = text.slice(r[0], r[1]);
  void scalarSource;
  const pattern = /\$\{?([A-Z_][A-Z0-9_]*)\}?/g;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    const start = r[0] + match.index;
    if (offset < start || offset > start + match[0].length) continue;
    const name = match[1]!;
    const doc = BUILDSPEC_SPEC.environmentVariables[name];
    if (doc) return { name, doc, offset: start };
  }
  return undefined;
}
