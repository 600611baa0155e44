import type { Node } from 'jsonc-parser';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { Finding, Fix, RuleDefinition, Severity } from '../../common/findings';
import { rangeOf } from '../../common/text';
import type { ActionInfo, IamCatalog } from '../catalog/catalog';
import type { JsonString, PolicyKind, PolicyModel, StatementModel } from '../model';

/** An action string of a statement, resolved against the catalog once and shared by every rule. */
export interface ResolvedAction {
  readonly text: JsonString;
  /** Lower-case service prefix, or undefined when the string is not `service:action`. */
  readonly service?: string;
  /** The part after the colon. */
  readonly name?: string;
  /** `*` alone: every action of every service. */
  readonly isStar: boolean;
  readonly hasWildcard: boolean;
  /** Catalog actions the string stands for (empty for unknown ones and for `*`). */
  readonly matches: readonly ActionInfo[];
}

export interface ReportOptions {
  readonly severity?: Severity;
  readonly fixes?: readonly Fix[];
  readonly unnecessary?: boolean;
}

export class RuleContext {
  readonly findings: Finding[] = [];
  /** The findings of each statement's own checks (see eachStatement), kept apart so that they can be reused. */
  readonly statementFindings = new Map<StatementModel, Finding[]>();
  /** Statements whose own findings are reused from an earlier analysis: eachStatement skips them. */
  reused: ReadonlySet<StatementModel> = new Set();
  private current: StatementModel | undefined;

  constructor(
    readonly document: TextDocument,
    readonly model: PolicyModel,
    readonly kind: PolicyKind,
    readonly catalog: IamCatalog,
  ) {}

  report(rule: RuleDefinition, range: Range, message: string, options: ReportOptions = {}): void {
    const finding = { code: rule.code, range, message, ...options };
    this.findings.push(finding);
    if (this.current) this.statementFindings.get(this.current)?.push(finding);
  }

  /**
   * The checks of one statement on its own: what they report depends only on the statement's
   * text (and on the policy's kind and Version), so an analysis of the next version of the
   * document reuses them for every statement that did not change (statementCache.ts).
   * Checks that compare statements (duplicate Sids, escalation paths) do not run here.
   */
  eachStatement(check: (statement: StatementModel) => void): void {
    for (const statement of this.model.statements) {
      if (this.reused.has(statement)) continue;
      if (!this.statementFindings.has(statement)) this.statementFindings.set(statement, []);
      this.current = statement;
      try {
        check(statement);
      } finally {
        this.current = undefined;
      }
    }
  }

  nodeRange(node: Node): Range {
    return rangeOf(this.document, node.offset, node.length);
  }

  /** The text between the quotes, or a part of it when the string is written verbatim. */
  stringRange(s: JsonString, start = 0, length = s.contentLength - start): Range {
    if (!s.verbatim && (start !== 0 || length !== s.contentLength)) return this.nodeRange(s.node);
    return rangeOf(this.document, s.contentOffset + start, length);
  }

  /** The key of a property node (`"Effect"` in `"Effect": "Allow"`). */
  keyRange(property: Node): Range {
    return this.nodeRange(property.children?.[0] ?? property);
  }

  /** Actions of a statement's Action or NotAction element, resolved once. */
  actionsOf(statement: StatementModel): readonly ResolvedAction[] {
    const known = resolvedActions.get(statement);
    if (known?.catalog === this.catalog) return known.actions;
    const element = statement.action ?? statement.notAction;
    const actions = (element?.strings ?? []).map((text) => resolveAction(this.catalog, text));
    resolvedActions.set(statement, { catalog: this.catalog, actions });
    return actions;
  }
}

/**
 * Resolved actions by statement, kept across analyses: a statement an edit did not touch keeps
 * its model (reparse.ts), and the checks across statements (escalation paths) read every one.
 */
const resolvedActions = new WeakMap<StatementModel, { readonly catalog: IamCatalog; readonly actions: readonly ResolvedAction[] }>();

export function resolveAction(catalog: IamCatalog, text: JsonString): ResolvedAction {
  const value = text.value;
  if (value === '*') return { text, isStar: true, hasWildcard: true, matches: [] };
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1 || value.indexOf(':', colon + 1) !== -1) {
    return { text, isStar: false, hasWildcard: /[*?]/.test(value), matches: [] };
  }
  const service = value.slice(0, colon).toLowerCase();
  const name = value.slice(colon + 1);
  const hasWildcard = /[*?]/.test(name);
  let matches: readonly ActionInfo[] = [];
  if (catalog.hasService(service)) {
    if (hasWildcard) matches = catalog.matchActions(service, name);
    else {
      const action = catalog.action(service, name);
      matches = action ? [action] : [];
    }
  }
  return { text, service, name, isStar: false, hasWildcard, matches };
}

export type Rule = (context: RuleContext) => void;
