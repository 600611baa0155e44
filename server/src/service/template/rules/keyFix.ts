import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix } from '../../common/findings';
import { rangeOf } from '../../common/text';
import type { TEntry } from '../tree';

/**
 * The quick-fix that renames a mapping key to the name meant (a SAM policy template, a deployment
 * hook): the edit covers the key's text inside its quotes, so quoting stays as the user wrote it.
 * None when there is no suggestion or the key's text cannot be edited in place.
 */
export function renameKeyFix(document: TextDocument, entry: TEntry, suggestion: string | undefined): Fix[] | undefined {
  if (!suggestion || entry.keyContent === undefined) return undefined;
  return [
    { title: `Change to ${suggestion}`, edits: [{ range: rangeOf(document, entry.keyContent, entry.key.length), newText: suggestion }], preferred: true },
  ];
}
