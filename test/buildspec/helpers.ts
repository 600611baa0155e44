import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../server/src/service/common/findings';
import { analyzeBuildspec } from '../../server/src/service/buildspec/analyze';

let counter = 0;

/** A buildspec document (languageId yaml, named buildspec.yml so the service recognises it). */
export function buildspecDoc(text: string): TextDocument {
  return TextDocument.create(`file:///ws/b${++counter}/buildspec.yml`, 'yaml', 1, text);
}

export function buildspecFindings(text: string): readonly Finding[] {
  return analyzeBuildspec(buildspecDoc(text)).findings;
}
