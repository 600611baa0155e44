import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Finding, Fix, RuleDefinition, Severity } from '../common/findings';
import { rangeOf } from '../common/text';
import type { YamlModel } from './model';

/** Collects the findings of the rules that run over one YAML document. */
export class YamlRuleContext {
  readonly findings: Finding[] = [];

  constructor(
    readonly document: TextDocument,
    readonly model: YamlModel,
    private readonly onRuleError?: (rule: string, error: unknown) => void,
  ) {}

  /** Runs one rule; a failing rule is logged and the others still run. */
  run(name: string, rule: () => void): void {
    try {
      rule();
    } catch (error) {
      this.onRuleError?.(name, error);
    }
  }

  report(rule: RuleDefinition, range: Range, message: string, options: { severity?: Severity; fixes?: readonly Fix[] } = {}): void {
    this.findings.push({ code: rule.code, range, message, ...options });
  }

  range(offset: number, length: number): Range {
    return rangeOf(this.document, offset, length);
  }

  /** Range of a node's value (not including a trailing comment or newline). */
  nodeRange(node: { range?: [number, number, number] | null } | null | undefined, fallbackOffset = 0): Range {
    const r = node?.range;
    if (!r) return rangeOf(this.document, fallbackOffset, 0);
    // Block collections end after their last newline: stop at the last visible character.
    return rangeOf(this.document, r[0], withoutTrailingSpace(this.model.text.slice(r[0], r[1])).length);
  }

  /**
   * An edit that replaces a scalar (a key or a value) with another name, in the quotes it was
   * written with: in a JSON AppSpec, or a quoted YAML key, a bare name would break the document.
   */
  renameScalar(node: { range?: [number, number, number] | null } | null | undefined, name: string): TextEdit {
    const range = this.nodeRange(node);
    const r = node?.range;
    const quote = r ? this.model.text[r[0]] : undefined;
    const newText = quote === '"' ? JSON.stringify(name) : quote === "'" ? `'${name.replaceAll("'", "''")}'` : name;
    return { range, newText };
  }

  /** The indentation (column) of the line that contains an offset. */
  lineIndent(offset: number): string {
    const text = this.model.text;
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ ]*/.exec(text.slice(lineStart))![0];
  }

  /** The indentation unit the document uses (2 unless it clearly uses another). */
  indentUnit(): number {
    let unit = 0;
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
    for (const match of this.model.text.matchAll(/\n( +)\S/g)) unit = gcd(match[1]!.length, unit);
    return unit >= 2 && unit <= 8 ? unit : 2;
  }
}

/**
 * Text without the white space YAML itself ends it with (spaces, tabs, line breaks). Not
 * String.trimEnd or \s: those also drop U+FEFF and no-break spaces, which are part of a YAML
 * scalar, so a fix would leave them behind (the fuzzer found "base-directory" + U+FEFF renamed
 * to "base-directory" + U+FEFF, still unknown).
 */
export function withoutTrailingSpace(text: string): string {
  let end = text.length;
  while (end > 0 && ' \t\r\n'.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}
