import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createOnigScanner, createOnigString, loadWASM } from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type IRawGrammar, type StateStack } from 'vscode-textmate';

/**
 * The injection grammars in syntaxes/, run through the engine VS Code uses (vscode-textmate + vscode-oniguruma)
 * on top of VS Code's own JSON, JSON with Comments and YAML grammars (test/grammar/fixtures, see the README there).
 * The injections are wired the way package.json declares them (`contributes.grammars[].injectTo`).
 */

export const root = path.resolve(__dirname, '../..');
export const fixtures = path.join(__dirname, 'fixtures');

interface GrammarContribution {
  scopeName: string;
  path: string;
  injectTo?: string[];
}
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { grammars: GrammarContribution[] };
};
export const contributions = manifest.contributes.grammars;
export const JSON_INJECTION = 'aws-study-hints.iam.json-injection';
export const YAML_INJECTION = 'aws-study-hints.iam.yaml-injection';

/** Host grammars by scope name. `legacy` is the YAML grammar VS Code shipped before it adopted RedCMD's (late 2024). */
export type YamlHost = 'current' | 'legacy';
function hostFiles(yaml: YamlHost): Record<string, string> {
  return {
    'source.json': path.join(fixtures, 'JSON.tmLanguage.json'),
    'source.json.comments': path.join(fixtures, 'JSONC.tmLanguage.json'),
    ...(yaml === 'current'
      ? { 'source.yaml': path.join(fixtures, 'yaml.tmLanguage.json'), 'source.yaml.1.2': path.join(fixtures, 'yaml-1.2.tmLanguage.json') }
      : { 'source.yaml': path.join(fixtures, 'legacy', 'yaml.tmLanguage.json') }),
  };
}

function createRegistry(yaml: YamlHost): Registry {
  const files = hostFiles(yaml);
  for (const c of contributions) files[c.scopeName] = path.join(root, c.path);
  // scope → injector scope names, from `injectTo`.
  const injectors = new Map<string, string[]>();
  for (const c of contributions) for (const target of c.injectTo ?? []) injectors.set(target, [...(injectors.get(target) ?? []), c.scopeName]);
  return new Registry({
    onigLib: Promise.resolve({ createOnigScanner, createOnigString }),
    // YAML 1.0/1.1/1.3 and source.yaml.embedded are only reached through %YAML directives and Markdown; not loaded here.
    loadGrammar: async (scopeName): Promise<IRawGrammar | null> => {
      const file = files[scopeName];
      return file ? parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    // Like VS Code: injections registered for every dotted prefix of the scope name (source, source.json, source.json.comments).
    getInjections: (scopeName) => {
      const parts = scopeName.split('.');
      const found: string[] = [];
      for (let i = 1; i <= parts.length; i++) found.push(...(injectors.get(parts.slice(0, i).join('.')) ?? []));
      return found;
    },
  });
}

export interface Token {
  line: number;
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

/** Where a needle is: its `nth` occurrence, counted inside the first occurrence of `in` when given. */
export interface Where {
  in?: string;
  nth?: number;
}

export class Tokenized {
  readonly lines: string[];
  readonly tokens: Token[] = [];
  constructor(grammar: IGrammar, text: string) {
    this.lines = text.split('\n');
    let state: StateStack = INITIAL;
    this.lines.forEach((lineText, line) => {
      const result = grammar.tokenizeLine(lineText, state);
      for (const t of result.tokens) {
        this.tokens.push({
          line,
          start: t.startIndex,
          end: Math.min(t.endIndex, lineText.length),
          text: lineText.slice(t.startIndex, t.endIndex),
          scopes: t.scopes,
        });
      }
      state = result.ruleStack;
    });
  }

  private occurrences(needle: string, line: number, from: number, to: number): number[] {
    const found: number[] = [];
    const text = this.lines[line]!;
    for (let at = text.indexOf(needle, from); at !== -1 && at + needle.length <= to; at = text.indexOf(needle, at + 1)) found.push(at);
    return found;
  }

  /** Position of a needle (which must not span lines). */
  private find(needle: string, where: Where = {}): { line: number; start: number; end: number } {
    let nth = where.nth ?? 0;
    for (let line = 0; line < this.lines.length; line++) {
      let from = 0;
      let to = this.lines[line]!.length;
      if (where.in !== undefined) {
        const context = this.lines[line]!.indexOf(where.in);
        if (context === -1) continue;
        from = context;
        to = context + where.in.length;
      }
      const found = this.occurrences(needle, line, from, to);
      if (nth < found.length) return { line, start: found[nth]!, end: found[nth]! + needle.length };
      if (where.in !== undefined) break;
      nth -= found.length;
    }
    assert.fail(`"${needle}" (${JSON.stringify(where)}) is not in the text`);
  }

  /** Tokens overlapping a needle. */
  over(needle: string, where?: Where): Token[] {
    const { line, start, end } = this.find(needle, where);
    return this.tokens.filter((t) => t.line === line && t.start < end && t.end > start);
  }

  /** The single token that is exactly the needle. */
  token(needle: string, where?: Where): Token {
    const { line, start, end } = this.find(needle, where);
    const token = this.tokens.find((t) => t.line === line && t.start === start && t.end === end);
    if (!token) assert.fail(`"${needle}" is not a token of its own; tokens there: ${JSON.stringify(this.over(needle, where).map((t) => t.text))}`);
    return token;
  }

  /** Every scope from the injection grammars (they all end in `.aws`) on the tokens overlapping a needle, or in the whole text. */
  iamScopes(needle?: string, where?: Where): string[] {
    const tokens = needle === undefined ? this.tokens : this.over(needle, where);
    return [...new Set(tokens.flatMap((t) => t.scopes.filter((s) => s.endsWith('.aws'))))];
  }
}

/** Asserts that the token that is exactly the needle carries all `scopes`. */
export function hasScopes(doc: Tokenized, needle: string, scopes: string[], where?: Where): void {
  const token = doc.token(needle, where);
  for (const scope of scopes) assert.ok(token.scopes.includes(scope), `"${needle}" should have ${scope}; it has ${token.scopes.join(' ')}`);
}

const grammars: Record<YamlHost, Map<string, IGrammar>> = { current: new Map(), legacy: new Map() };

/** Loads the host grammars with the injections wired in, for both YAML hosts; every grammar test file runs it once in `before`. */
export async function loadGrammars(): Promise<void> {
  if (grammars.current.size > 0) return;
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await loadWASM(wasm);
  for (const yaml of ['current', 'legacy'] as const) {
    const registry = createRegistry(yaml);
    for (const scope of ['source.json', 'source.json.comments', 'source.yaml']) {
      const grammar = await registry.loadGrammar(scope);
      assert.ok(grammar, `${scope} did not load`);
      grammars[yaml].set(scope, grammar);
    }
  }
}

export function tokenize(scope: string, text: string, yaml: YamlHost = 'current'): Tokenized {
  return new Tokenized(grammars[yaml].get(scope)!, text);
}
