import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import type { NoteQuery } from '../registry/documentKind';
import type { PolicyAnalysis } from './analyze';
import { locate } from './location';

/** What a hover in a policy looks up in the notes: the action, the condition key or the element under the cursor. */
export function iamNoteQuery(document: TextDocument, analysis: PolicyAnalysis, position: Position): NoteQuery | undefined {
  const where = locate(analysis.model.root, document.offsetAt(position));
  if (where?.node.type !== 'string') return undefined;
  const value = String(where.node.value);
  const element = String(where.path[0] ?? '');
  if (!where.isKey && (element === 'Action' || element === 'NotAction')) {
    const service = value.split(':')[0]!.toLowerCase();
    return value.includes('*') ? { text: service, boostServices: [service] } : { text: value, boostServices: [service] };
  }
  if (where.isKey && element === 'Condition' && where.path.length === 3) {
    return { text: value, boostServices: [value.split(':')[0]!.toLowerCase(), 'iam'] };
  }
  if (where.isKey && where.path.length === 1) return { text: `${value} policy`, boostServices: ['iam'] };
  return undefined;
}
