import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix } from '../common/findings';
import { RecentCache } from '../common/recentCache';
import { rangeOf } from '../common/text';
import type { PolicyKind, StatementModel } from './model';

/**
 * Each statement's own findings (RuleContext.eachStatement), kept between versions of a policy.
 * A keystroke changes one statement: the checks of the 4,999 others would find what they found
 * before, so their findings are moved to where the statement now is instead of being found again.
 *
 * What a statement's own checks report depends on its text, on the policy's kind and Version,
 * and on its position only through its label when it has no Sid ("Statement 3"); so that is the
 * key. Findings are kept as offsets from the statement's start, and a statement whose findings
 * reach outside it is never kept. Checks across statements (duplicate Sids, escalation paths,
 * duplicate keys, the document's own checks) run on every version.
 */

interface KeptEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

interface KeptFinding {
  readonly finding: Omit<Finding, 'range' | 'fixes'>;
  readonly start: number;
  readonly end: number;
  readonly fixes?: readonly (Omit<Fix, 'edits'> & { readonly edits: readonly KeptEdit[] })[];
}

export class StatementCache {
  private readonly byPolicy = new Map<string, RecentCache<string, readonly KeptFinding[]>>();
  /** The policy form kept last (the last entry of byPolicy). */
  private lastPolicy: string | undefined;
  /**
   * The same findings by statement model. An edit inside one statement keeps the models of all
   * the others (reparse.ts): looking them up here skips slicing and hashing their text, ~5 ms a
   * keystroke on a 5,000-statement policy.
   */
  private readonly byModel = new WeakMap<StatementModel, { readonly policy: string; readonly kept: readonly KeptFinding[] }>();
  constructor(private readonly capacity = 20_000) {}

  /** The statement's findings kept from an earlier version, placed where it is now; undefined when there are none to reuse. */
  reuse(document: TextDocument, text: string, kind: PolicyKind, version: string | undefined, statement: StatementModel): Finding[] | undefined {
    const policy = policyKey(kind, version);
    const known = this.byModel.get(statement);
    const kept = known?.policy === policy ? known.kept : this.byPolicy.get(policy)?.get(statementKey(text, statement));
    if (!kept) return undefined;
    if (known?.policy !== policy) this.byModel.set(statement, { policy, kept });
    if (kept.length === 0) return [];
    const origin = statement.node.offset;
    return kept.map(({ finding, start, end, fixes }) => ({
      ...finding,
      range: rangeOf(document, origin + start, end - start),
      ...(fixes
        ? {
            fixes: fixes.map((fix) => ({
              ...fix,
              edits: fix.edits.map((edit) => ({ range: rangeOf(document, origin + edit.start, edit.end - edit.start), newText: edit.newText })),
            })),
          }
        : {}),
    }));
  }

  /** Keeps a statement's findings, unless one of them (or its fix) reaches outside the statement. */
  keep(document: TextDocument, text: string, kind: PolicyKind, version: string | undefined, statement: StatementModel, findings: readonly Finding[]): void {
    const origin = statement.node.offset;
    const end = origin + statement.node.length;
    const inside = (offset: number) => offset >= origin && offset <= end;
    const kept: KeptFinding[] = [];
    for (const { range, fixes, ...finding } of findings) {
      const from = document.offsetAt(range.start);
      const to = document.offsetAt(range.end);
      if (!inside(from) || !inside(to)) return;
      const keptFixes = [];
      for (const fix of fixes ?? []) {
        const edits: KeptEdit[] = [];
        for (const edit of fix.edits) {
          const editFrom = document.offsetAt(edit.range.start);
          const editTo = document.offsetAt(edit.range.end);
          if (!inside(editFrom) || !inside(editTo)) return;
          edits.push({ start: editFrom - origin, end: editTo - origin, newText: edit.newText });
        }
        keptFixes.push({ ...fix, edits });
      }
      kept.push({ finding, start: from - origin, end: to - origin, ...(fixes ? { fixes: keptFixes } : {}) });
    }
    const key = policyKey(kind, version);
    let statements = this.byPolicy.get(key);
    if (statements) {
      // Most recently kept last: the policy forms dropped first are those not kept for longest.
      if (key !== this.lastPolicy) {
        this.byPolicy.delete(key);
        this.byPolicy.set(key, statements);
      }
    } else {
      // Each Version typed on the way to "2012-10-17" is a form of its own; keep only a few.
      if (this.byPolicy.size >= MAX_POLICY_FORMS) this.byPolicy.delete(this.byPolicy.keys().next().value!);
      // Weighed in characters: the statement's text, and ~300 for each finding kept (its message and data).
      statements = new RecentCache(this.capacity, { weigh: (source, kept) => source.length + kept.length * FINDING_WEIGHT });
      this.byPolicy.set(key, statements);
    }
    this.lastPolicy = key;
    statements.set(statementKey(text, statement), kept);
    this.byModel.set(statement, { policy: key, kept });
  }
}

/** Policy kinds and Versions whose statements are kept at once (a Version being typed makes one per keystroke). */
const MAX_POLICY_FORMS = 8;

/** About what one kept finding holds, in characters of text: its message, code, data and offsets. */
const FINDING_WEIGHT = 300;

const policyKey = (kind: PolicyKind, version: string | undefined) => `${kind}|${version ?? ''}`;

function statementKey(text: string, statement: StatementModel): string {
  const source = text.slice(statement.node.offset, statement.node.offset + statement.node.length);
  // Without a Sid, messages name the statement by its position.
  return statement.sid?.value ? source : `${statement.index}|${source}`;
}
