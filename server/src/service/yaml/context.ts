import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { Finding, Fix, RuleDefinition, Severity } from '../common/findings';
import { rangeOf } from '../common/text';
import type { YamlModel } from './model';

/** Collects the findings of the rules that run over one YAML document. */
export class YamlRuleContext {
  readonly findings: Finding[] = [];

  constructor(readonly document: TextDocument, readonly model: YamlModel) {}

  report(rule: RuleDefinition, range: Range, message: string, options: { severity?: Severity; fixes?: readonly Fix[] } = {}): void {
    this.findings.push({ code: rule.code, range, message, ...options });
  }

  range(offset: number, length: number): Range {
    return rangeOf(this.document, offset, length);
  }

  /** Range of a node's value (not including a trailing comment or newline). */
  nodeRange(node: { range?: [number, number, number] | null } | null | undefined, fallbackOffset = 0): Range {
    const r = node?.range;
    return r ? rangeOf(this.document, r[0], Math.max(0, r[1] - r[0])) : rangeOf(this.document, fallbackOffset, 0);
  }

  /** The indentation (column) of the line that contains an offset. */
  lineIndent(offset: number): string {
    const text = this.model.text;
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ ]*/.exec(text.slice(lineStart))![0];
  }

  /** The indentation unit the document uses (2 unless it clearly uses another). */
  indentUnit(): number {
    const match = /\n( +)\S/.exec(this.model.text);
    const width = match?.[1]?.length ?? 2;
    return width >= 2 && width <= 8 ? width : 2;
  }
}
