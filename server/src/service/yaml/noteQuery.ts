import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';
import type { NoteQuery } from '../registry/documentKind';
import { locateYaml } from './location';
import type { YamlModel } from './model';

/** What a hover on a YAML key looks up in the notes: the key itself, preferring one service's notes. */
export function yamlKeyNoteQuery(document: TextDocument, model: YamlModel, position: Position, service: string): NoteQuery | undefined {
  const where = locateYaml(model, document.offsetAt(position));
  if (!where?.onKey) return undefined;
  const key = where.path[where.path.length - 1];
  return key ? { text: key, boostServices: [service] } : undefined;
}
