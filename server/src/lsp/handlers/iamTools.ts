import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ExplainPolicyRequest, SimulateOptionsRequest, type SimulateResult, SimulateRequest } from '../../protocol';
import {
  buildRequest,
  describePrincipal,
  evaluateRequest,
  formatTrace,
  formatTraceMarkdown,
  type PolicyInput,
  policyProblem,
  simulateOptions,
} from '../../service/iam/evaluate';
import { explainPolicy } from '../../service/iam/explain';
import { explanationMarkdown } from '../../service/iam/explain/render';
import type { LanguageService } from '../../service/languageService';
import type { Guarded } from '../workspace';

/** Explain This Policy and Simulate Request: the CLI's explain and simulate over documents named by URI. */

export function registerIamToolHandlers(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  service: () => LanguageService,
  guarded: Guarded,
): void {
  /** The text as edited when the document is open, else from disk; undefined when it cannot be read. */
  function textOf(uri: string): string | undefined {
    const open = documents.get(uri);
    if (open) return open.getText();
    try {
      return uri.startsWith('file:') ? fs.readFileSync(fileURLToPath(uri), 'utf8') : undefined;
    } catch {
      return undefined;
    }
  }

  connection.onRequest(ExplainPolicyRequest, (params) =>
    guarded('explainPolicy', null, () => {
      const text = textOf(params.uri);
      if (text === undefined || policyProblem(text)) return null;
      const explanation = explainPolicy(text, service().catalog, params.kind);
      const name = decodeURIComponent(params.uri.slice(params.uri.lastIndexOf('/') + 1));
      return {
        markdown: explanationMarkdown(explanation, `What ${name} allows`),
        statements: explanation.statements.map((s) => ({ line: s.line, sid: s.sid, sentence: s.sentence })),
      };
    }),
  );

  connection.onRequest(SimulateOptionsRequest, (params) =>
    guarded('simulateOptions', { actions: [], resourceTemplates: [], conditionKeys: [] }, () => {
      const text = params.uri ? textOf(params.uri) : undefined;
      return simulateOptions(service().catalog, text !== undefined && !policyProblem(text) ? text : undefined, params.action, params.query);
    }),
  );

  const failed = (error: string): SimulateResult => ({ error, statements: [], explanation: '', steps: [], policies: [], text: '', markdown: '' });

  connection.onRequest(SimulateRequest, (params) =>
    guarded('simulate', failed('internal error: see the server log'), () => {
      const context = new Map(Object.entries(params.context ?? {}).map(([key, values]) => [key, [...values]]));
      const built = buildRequest({
        action: params.action,
        resource: params.resource,
        principal: params.principal,
        resourceAccount: params.resourceAccount,
        context,
      });
      if ('error' in built) return failed(built.error);
      const inputs: PolicyInput[] = [];
      for (const policy of params.policies) {
        const text = textOf(policy.uri);
        if (text === undefined) return failed(`cannot read ${policy.uri}`);
        const problem = policyProblem(text);
        if (problem) return failed(`${policy.uri} is not a policy: ${problem}`);
        // The trace names each policy by its URI, so that the client can link to the statements.
        inputs.push({ type: policy.type, file: policy.uri, text, level: policy.level });
      }
      const result = evaluateRequest(built.request, inputs);
      return {
        decision: result.decision,
        statements: result.statements.map((s) => ({ uri: s.file, line: s.line, sid: s.sid, effect: s.effect, policy: s.policy })),
        explanation: result.explanation,
        steps: result.steps,
        policies: result.policies.map((p) => ({
          uri: p.file,
          type: p.type,
          level: p.level,
          statements: p.statements.map((s) => ({
            index: s.index,
            sid: s.sid,
            effect: s.effect,
            line: s.line,
            matched: s.matched,
            failedElement: s.failedElement,
            reason: s.reason,
            conditions: s.conditions.map((c) => ({ operator: c.operator, key: c.key, result: c.result, reason: c.reason })),
          })),
        })),
        text: formatTrace(built.request, result, describePrincipal(built.request.principal)),
        markdown: formatTraceMarkdown(built.request, result, describePrincipal(built.request.principal), (uri, line) => `${uri}#L${line}`),
      };
    }),
  );
}
