import { DocumentDiagnosticReportKind, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DeploymentLifecycleRequest, DocumentStatusRequest, ListRulesRequest } from '../../protocol';
import { NOT_ANALYSED, type LanguageService } from '../../service/languageService';
import { WarmUps } from '../warmUp';
import type { Guarded, WorkspaceState } from '../workspace';

/** Requests about one open document: diagnostics (pull or push), hover, completion, quick-fixes, status, lifecycle. */

const ANALYSED_LANGUAGES = new Set(['json', 'jsonc', 'yaml', 'markdown', 'plaintext']);

export interface DocumentHandlers {
  /** Re-sends diagnostics for every open document (push clients) or asks the client to pull again. */
  refreshDiagnostics(): void;
}

export function registerDocumentHandlers(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  workspace: WorkspaceState,
  service: () => LanguageService,
  guarded: Guarded,
): DocumentHandlers {
  function analysable(uri: string): TextDocument | undefined {
    const document = documents.get(uri);
    return document && ANALYSED_LANGUAGES.has(document.languageId) ? document : undefined;
  }

  const warmUps = new WarmUps((uri) => documents.get(uri));

  async function diagnosticsFor(uri: string) {
    const document = analysable(uri);
    if (!document) return [];
    warmUps.touch();
    const context = await workspace.contextFor(uri);
    const diagnostics = service().diagnostics(document, context);
    // Once the diagnostics are on their way, prepare the hovers likely to come next.
    warmUps.start(document, () => service().warmUp(document, context));
    return diagnostics;
  }

  connection.languages.diagnostics.on((params) =>
    guarded('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async () => ({
      kind: DocumentDiagnosticReportKind.Full,
      items: await diagnosticsFor(params.textDocument.uri),
    })),
  );

  // Clients without pull diagnostics get them pushed on open and change.
  async function pushDiagnostics(uri: string): Promise<void> {
    const document = documents.get(uri);
    const diagnostics = await guarded('diagnostics', [], () => diagnosticsFor(uri));
    if (document && documents.get(uri)?.version === document.version) void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  }
  documents.onDidChangeContent((event) => {
    if (!workspace.pullDiagnostics) void pushDiagnostics(event.document.uri);
  });
  documents.onDidClose((event) => {
    warmUps.cancel(event.document.uri);
    workspace.forgetDocument(event.document.uri);
    service().forget(event.document.uri);
    if (!workspace.pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onHover((params) =>
    guarded('hover', null, async () => {
      warmUps.touch();
      const document = analysable(params.textDocument.uri);
      return document ? (service().hover(document, params.position, await workspace.contextFor(document.uri)) ?? null) : null;
    }),
  );

  connection.onCompletion((params) =>
    guarded('completion', null, async () => {
      warmUps.touch();
      const document = analysable(params.textDocument.uri);
      return document ? (service().completion(document, params.position, await workspace.contextFor(document.uri)) ?? null) : null;
    }),
  );

  connection.onCodeAction((params) =>
    guarded('code actions', [], () => {
      const document = analysable(params.textDocument.uri);
      return document ? service().codeActions(document, params.range, params.context.diagnostics) : [];
    }),
  );

  connection.onRequest(DocumentStatusRequest, (params) =>
    guarded('status', { ...NOT_ANALYSED, catalogVersion: '' }, async () => {
      const document = analysable(params.uri);
      if (!document) return { ...NOT_ANALYSED, catalogVersion: service().catalog.source.version };
      return service().status(document, await workspace.contextFor(document.uri));
    }),
  );

  connection.onRequest(DeploymentLifecycleRequest, (params) =>
    guarded('lifecycle', null, async () => {
      const document = analysable(params.uri);
      return document ? (service().deploymentLifecycle(document, await workspace.contextFor(document.uri)) ?? null) : null;
    }),
  );

  connection.onRequest(ListRulesRequest, () =>
    guarded('rules', [], () => service().rules.map((r) => ({ code: r.code, name: r.name, severity: r.severity, summary: r.summary, docs: r.docs }))),
  );

  return {
    refreshDiagnostics() {
      if (workspace.pullDiagnostics) connection.languages.diagnostics.refresh();
      else for (const document of documents.all()) void pushDiagnostics(document.uri);
    },
  };
}
