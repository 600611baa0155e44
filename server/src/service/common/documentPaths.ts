import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Where a document lives, as its absolute path and its path relative to the workspace folder (or its base name). */
export interface DocumentPaths {
  readonly relative: string;
  readonly absolute: string;
}

export function documentPaths(uri: string, workspaceRoot: string | undefined): DocumentPaths | undefined {
  let absolute: string;
  try {
    absolute = URI.parse(uri).fsPath;
  } catch {
    return undefined;
  }
  const relative = workspaceRoot ? path.relative(workspaceRoot, absolute).split(path.sep).join('/') : path.basename(absolute);
  return { relative, absolute };
}

export type LanguageFamily = 'json' | 'yaml' | 'markup' | 'other';

export function languageFamily(document: TextDocument): LanguageFamily {
  const id = document.languageId;
  if (id === 'json' || id === 'jsonc') return 'json';
  if (id === 'yaml' || id === 'yml') return 'yaml';
  if (id === 'markdown' || id === 'plaintext') return 'markup';
  return 'other';
}

/** The file path of a URI, or undefined for URIs that have none. */
export function fsPathOf(uri: string): string | undefined {
  try {
    return URI.parse(uri).fsPath;
  } catch {
    return undefined;
  }
}
