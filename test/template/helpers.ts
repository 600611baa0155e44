import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix } from '../../server/src/service/common/findings';
import type { DocumentContext } from '../../server/src/service/languageService';
import { testService } from '../helpers';

/** Templates through the whole service, as an editor would open them: the language from the file's extension. */

let version = 0;
export function templateDocument(text: string, file = 'template.yaml'): TextDocument {
  const languageId = path.extname(file) === '.json' ? 'json' : 'yaml';
  return TextDocument.create(`file:///ws/${file}`, languageId, ++version, text);
}

/** The diagnostics of a template as findings (code, range, message and the fixes they carry). */
export function templateFindings(document: TextDocument, context?: DocumentContext): Finding[] {
  return testService()
    .diagnostics(document, context)
    .map((d) => ({ code: String(d.code), range: d.range, message: d.message, fixes: (d.data as { fixes?: Fix[] } | undefined)?.fixes }));
}
