import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { poll } from '../../support/poll.mjs';

/** Helpers of the in-editor suites: everything through the VS Code API, conditions polled with a deadline. */

export const EXTENSION_ID = 'aws-study-hints.aws-study-hints';
export const SOURCE = 'aws-study-hints';

/** The shared polling helper (bundled into the suite), every 100 ms, with a 30 s deadline by default. */
export const until = <T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> =>
  poll(what, probe, { timeoutMs, intervalMs: 100 });

export function workspaceFile(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, relative);
}

export async function open(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relative));
  return vscode.window.showTextDocument(document);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

export function positionOf(document: vscode.TextDocument, needle: string, delta = 1): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not found`);
  return document.positionAt(offset + delta);
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}
