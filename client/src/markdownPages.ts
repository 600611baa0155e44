import * as vscode from 'vscode';

/**
 * Read-only Markdown pages the extension shows beside a file (the deployment lifecycle, a
 * policy's explanation, a simulation trace): virtual documents of one scheme, opened in the
 * Markdown preview — never Untitled buffers that ask to be saved on close.
 */

export const PAGE_SCHEME = 'aws-study-hints-page';

const pages = new Map<string, string>();
const changed = new vscode.EventEmitter<vscode.Uri>();

export function registerMarkdownPages(): vscode.Disposable[] {
  return [
    vscode.workspace.registerTextDocumentContentProvider(PAGE_SCHEME, {
      onDidChange: changed.event,
      provideTextDocumentContent: (uri) => pages.get(uri.toString()) ?? '# Nothing to show\n\nRun the command that made this page again.\n',
    }),
    changed,
  ];
}

/**
 * Shows `markdown` as the page `title` for `source` (one page per title and source file, updated
 * in place when shown again), in the preview beside the editor.
 */
export async function showMarkdownPage(title: string, source: vscode.Uri | undefined, markdown: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.from({ scheme: PAGE_SCHEME, path: `/${title}.md`, query: source?.toString() ?? '' });
  pages.set(uri.toString(), markdown);
  changed.fire(uri);
  await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  return uri;
}

/** The text of a page, for the in-editor tests. */
export function markdownPage(uri: vscode.Uri): string | undefined {
  return pages.get(uri.toString());
}
