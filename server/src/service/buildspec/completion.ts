import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver-types';
import { rangeOf } from '../common/text';
import { enclosingPathFromText } from '../yaml/location';
import { specAt, type SpecNode } from '../yaml/spec';
import { BUILDSPEC_SPEC, runtimeNames, runtimeVersions } from './spec';

/** Completion in buildspecs: keys valid at the cursor, enum values, runtime names and versions. */
export function buildspecCompletion(document: TextDocument, position: Position): CompletionList | undefined {
  const text = document.getText();
  const offset = document.offsetAt(position);
  const where = enclosingPathFromText(text, offset);
  const replaceFrom = offset - where.typed.length;
  const range = rangeOf(document, replaceFrom, where.typed.length);
  let items: CompletionItem[] = [];
  if (where.afterColon) {
    const path = where.path;
    if (path.length === 4 && path[0] === 'phases' && path[2] === 'runtime-versions') {
      items = (runtimeVersions(path[3]!) ?? []).map((v) => ({ label: v, kind: CompletionItemKind.Value, textEdit: { range, newText: /^\d+\.\d+0$/.test(v) ? `"${v}"` : v } }));
    } else {
      const spec = specAt(BUILDSPEC_SPEC.root, path);
      if (spec?.type === 'enum') items = (spec.values ?? []).map((v) => ({ label: v, kind: CompletionItemKind.EnumMember, textEdit: { range, newText: v } }));
      else if (spec?.type === 'boolean') items = ['yes', 'no'].map((v) => ({ label: v, kind: CompletionItemKind.Value, textEdit: { range, newText: v } }));
    }
  } else {
    const path = where.path;
    if (path.length === 3 && path[0] === 'phases' && path[2] === 'runtime-versions') {
      items = runtimeNames().map((name) => ({ label: name, kind: CompletionItemKind.Module, detail: (runtimeVersions(name) ?? []).slice(-3).join(', '), textEdit: { range, newText: `${name}: ` } }));
    } else {
      const spec = path.length === 0 ? BUILDSPEC_SPEC.root : specAt(BUILDSPEC_SPEC.root, path);
      const present = siblingKeys(text, offset, where.indent);
      if (spec?.type === 'map' && spec.keys) {
        items = Object.entries(spec.keys)
          .filter(([name, child]) => !present.has(name) && (!child.versions || child.versions.includes('0.2')))
          .map(([name, child]) => keyItem(name, child, range, where.indent));
      }
    }
  }
  return items.length > 0 ? { isIncomplete: false, items } : undefined;
}

function keyItem(name: string, spec: SpecNode, range: ReturnType<typeof rangeOf>, indent: number): CompletionItem {
  const child = ' '.repeat(indent + 2);
  let snippet = `${name}: $0`;
  if (spec.type === 'map' || spec.type === 'dict') snippet = `${name}:\n${child}$0`;
  else if (spec.type === 'list' || spec.type === 'commands') snippet = `${name}:\n${child}- $0`;
  else if (spec.type === 'enum' && spec.values) snippet = `${name}: \${1|${spec.values.join(',')}|}`;
  return {
    label: name,
    kind: CompletionItemKind.Property,
    detail: spec.required ? 'required' : undefined,
    documentation: spec.doc ? { kind: 'markdown', value: spec.doc } : undefined,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: snippet },
    sortText: `${spec.required ? '0' : '1'}${name}`,
  };
}

/** Keys already present at the same indentation in the enclosing block (so they are not offered twice). */
function siblingKeys(text: string, offset: number, indent: number): Set<string> {
  const keys = new Set<string>();
  const lines = text.split('\n');
  const current = text.slice(0, offset).split('\n').length - 1;
  for (const direction of [-1, 1]) {
    for (let i = current + direction; i >= 0 && i < lines.length; i += direction) {
      const line = lines[i]!;
      if (line.trim() === '' || line.trim().startsWith('#')) continue;
      // `- key: value` starts a list item whose keys sit two columns right of the dash.
      const item = /^(\s*)-\s+([\w.-]+):/.exec(line);
      if (item && item[1]!.length + 2 === indent) {
        if (direction === -1) keys.add(item[2]!);
        break;
      }
      const lineIndent = /^\s*/.exec(line)![0].length;
      if (lineIndent < indent) break;
      const key = lineIndent === indent ? /^\s*([\w.-]+):/.exec(line) : null;
      if (key) keys.add(key[1]!);
    }
  }
  return keys;
}
