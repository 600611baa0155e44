import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver-types';
import { rangeOf } from '../common/text';
import { keyItem, siblingKeys } from '../yaml/completionItems';
import { enclosingPathFromText } from '../yaml/location';
import type { AppSpecAnalysis } from './analyze';
import { definedHooks } from './hooks';
import { specAtInsensitive } from './hover';
import { APPSPEC_SPEC, eventsOf, scriptableEvents } from './spec';

/** Completion in AppSpecs: hook names valid for the platform, keys valid at the cursor, enum values. */
export function appSpecCompletion(document: TextDocument, analysis: AppSpecAnalysis, position: Position): CompletionList | undefined {
  if (analysis.json) return undefined; // JSON AppSpecs get VS Code's JSON editing; keys are checked by the diagnostics
  const text = document.getText();
  const offset = document.offsetAt(position);
  const where = enclosingPathFromText(text, offset);
  const range = rangeOf(document, offset - where.typed.length, where.typed.length);
  const platform = analysis.platform;
  const root = APPSPEC_SPEC.platforms[platform].root;
  let items: CompletionItem[] = [];
  const path = where.path;
  if (where.afterColon) {
    const spec = specAtInsensitive(root, path);
    if (spec?.type === 'enum') items = (spec.values ?? []).map((v) => ({ label: v, kind: CompletionItemKind.EnumMember, textEdit: { range, newText: v } }));
  } else if (platform === 'ec2' && path.length === 1 && path[0] === 'hooks') {
    const defined = definedHooks(analysis.model, platform);
    items = scriptableEvents(platform)
      .filter((name) => !defined.has(name))
      .map((name, i) => ({
        label: name,
        kind: CompletionItemKind.Event,
        documentation: { kind: 'markdown', value: eventsOf(platform).get(name)?.doc ?? '' },
        insertTextFormat: InsertTextFormat.Snippet,
        sortText: String(i).padStart(3, '0'),
        textEdit: {
          range,
          newText: `${name}:\n${' '.repeat(where.indent + 2)}- location: \${1:scripts/${name.replace(/[A-Z]/g, (c, j) => (j ? '_' : '') + c.toLowerCase())}.sh}\n${' '.repeat(where.indent + 4)}timeout: \${2:300}`,
        },
      }));
  } else if (platform !== 'ec2' && path.length === 2 && path[0]!.toLowerCase() === 'hooks' && path[1] === '[]') {
    const defined = definedHooks(analysis.model, platform);
    items = scriptableEvents(platform)
      .filter((name) => !defined.has(name))
      .map((name, i) => ({
        label: name,
        kind: CompletionItemKind.Event,
        sortText: String(i).padStart(3, '0'),
        documentation: { kind: 'markdown', value: eventsOf(platform).get(name)?.doc ?? '' },
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: `${name}: \${1:FunctionName}` },
      }));
  } else {
    const spec = path.length === 0 ? root : specAtInsensitive(root, path);
    const present = siblingKeys(text, offset, where.indent);
    if (spec?.type === 'map' && spec.keys) {
      items = Object.entries(spec.keys)
        .filter(([name]) => !present.has(name))
        .map(([name, child]) => keyItem(name, child, range, where.indent));
    }
  }
  return items.length > 0 ? { isIncomplete: false, items } : undefined;
}
