import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import type { rangeOf } from '../common/text';
import type { SpecNode } from './spec';

/** Completion items shared by the YAML capabilities: keys as snippets shaped by their spec, and keys already present. */

export function keyItem(name: string, spec: SpecNode, range: ReturnType<typeof rangeOf>, indent: number): CompletionItem {
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
export function siblingKeys(text: string, offset: number, indent: number): Set<string> {
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
