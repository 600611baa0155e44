import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver-types';
import { rangeOf } from '../common/text';
import { enclosingPathFromText } from '../yaml/location';
import { keyItem, siblingKeys } from '../yaml/completionItems';
import { specAt } from '../yaml/spec';
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
      items = (runtimeVersions(path[3]!) ?? []).map((v) => ({
        label: v,
        kind: CompletionItemKind.Value,
        textEdit: { range, newText: /^\d+\.\d+0$/.test(v) ? `"${v}"` : v },
      }));
    } else {
      const spec = specAt(BUILDSPEC_SPEC.root, path);
      if (spec?.type === 'enum') items = (spec.values ?? []).map((v) => ({ label: v, kind: CompletionItemKind.EnumMember, textEdit: { range, newText: v } }));
      else if (spec?.type === 'boolean') items = ['yes', 'no'].map((v) => ({ label: v, kind: CompletionItemKind.Value, textEdit: { range, newText: v } }));
    }
  } else {
    const path = where.path;
    if (path.length === 3 && path[0] === 'phases' && path[2] === 'runtime-versions') {
      items = runtimeNames().map((name) => ({
        label: name,
        kind: CompletionItemKind.Module,
        detail: (runtimeVersions(name) ?? []).slice(-3).join(', '),
        textEdit: { range, newText: `${name}: ` },
      }));
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
