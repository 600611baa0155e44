import { normalise } from './qualifiers';
import type { Misconception } from './knowledge';
import type { ContextStatement } from './statements';

/**
 * Common non-numeric errors in notes ("IAM groups can be principals", "NAT gateways have
 * security groups"): a statement matches a misconception when it has a word of every `all`
 * group and none of the `none` words (negations, "myth", "trap"…), which say the note already
 * knows better. Only the statement itself counts, never its context: precision first.
 */

export interface MisconceptionProblem {
  readonly offset: number;
  readonly length: number;
  readonly misconception: Misconception;
  readonly message: string;
}

export class MisconceptionChecker {
  private readonly compiled: { misconception: Misconception; all: RegExp[]; none: RegExp }[];

  /** Any word of any misconception's first group: most lines have none and are skipped at once. */
  private readonly prefilter: RegExp;

  constructor(misconceptions: readonly Misconception[]) {
    this.prefilter = wordsPattern(misconceptions.flatMap((m) => m.match.all[0] ?? []));
    this.compiled = misconceptions.map((misconception) => ({
      misconception,
      all: misconception.match.all.map(wordsPattern),
      none: wordsPattern(misconception.match.none),
    }));
  }

  check(statements: readonly ContextStatement[]): MisconceptionProblem[] {
    const problems: MisconceptionProblem[] = [];
    for (const statement of wholeLines(statements)) {
      const lower = normalise(statement.text);
      if (lower.trim().length < 8 || !test(this.prefilter, lower)) continue;
      for (const { misconception, all, none } of this.compiled) {
        if (!all.every((pattern) => test(pattern, lower)) || (misconception.match.none.length > 0 && test(none, lower))) continue;
        const leading = statement.text.length - statement.text.trimStart().length;
        problems.push({
          offset: statement.offset + leading,
          length: statement.text.trim().length,
          misconception,
          message: `This reads like a common misconception (${misconception.wrong}) ${misconception.correct} (Source: ${misconception.source})`,
        });
      }
    }
    return problems;
  }
}

/**
 * Misconceptions are judged on whole lines: a "cannot" in one sentence often governs the next
 * ("a CNAME cannot be used at the apex … CNAMEs must be secondary records …").
 */
function wholeLines(statements: readonly ContextStatement[]): ContextStatement[] {
  const lines: ContextStatement[] = [];
  for (const statement of statements) {
    const last = lines[lines.length - 1];
    if (last && last.line === statement.line) {
      const gap = statement.offset - (last.offset + last.text.length);
      lines[lines.length - 1] = { ...last, text: `${last.text}${' '.repeat(Math.max(1, gap))}${statement.text}` };
    } else {
      lines.push(statement);
    }
  }
  return lines;
}

function wordsPattern(words: readonly string[]): RegExp {
  const escaped = words.map((w) =>
    normalise(w)
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/ /g, '\\s+'),
  );
  return new RegExp(`(?<![a-z0-9])(?:${escaped.join('|') || '(?!)'})(?![a-z0-9])`, 'g');
}

function test(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}
