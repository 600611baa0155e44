import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import type { AppSpecAnalysis } from '../appspec/analyze';
import type { BuildspecAnalysis } from '../buildspec/analyze';
import type { PolicyAnalysis } from '../iam/analyze';
import { locate } from '../iam/location';
import { locateYaml } from '../yaml/location';

/** What to look up in the notes for the token under the cursor, and which service's notes to prefer. */
export interface NoteQuery {
  readonly text: string;
  readonly boostServices: readonly string[];
}

export function iamNoteQuery(document: TextDocument, analysis: PolicyAnalysis, position: Position): NoteQuery | undefined {
  const where = locate(analysis.model.root, document.offsetAt(position));
  if (!where || where.node.type !== 'string') return undefined;
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

function yamlNoteQuery(document: TextDocument, analysis: BuildspecAnalysis | AppSpecAnalysis, position: Position, service: string): NoteQuery | undefined {
  const where = locateYaml(analysis.model, document.offsetAt(position));
  if (!where?.onKey) return undefined;
  const key = where.path[where.path.length - 1];
  return key ? { text: key, boostServices: [service] } : undefined;
}

export function buildspecNoteQuery(document: TextDocument, analysis: BuildspecAnalysis, position: Position): NoteQuery | undefined {
  return yamlNoteQuery(document, analysis, position, 'codebuild');
}

export function appSpecNoteQuery(document: TextDocument, analysis: AppSpecAnalysis, position: Position): NoteQuery | undefined {
  return yamlNoteQuery(document, analysis, position, 'codedeploy');
}
