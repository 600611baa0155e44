import { before, describe, it } from 'node:test';
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

const root = path.resolve(__dirname, '../..');
const fixtures = path.join(__dirname, 'fixtures');

interface GrammarContribution {
  scopeName: string;
  path: string;
  injectTo?: string[];
}
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { grammars: GrammarContribution[] };
};
const contributions = manifest.contributes.grammars;
const JSON_INJECTION = 'aws-study-hints.iam.json-injection';
const YAML_INJECTION = 'aws-study-hints.iam.yaml-injection';

/** Host grammars by scope name. `legacy` is the YAML grammar VS Code shipped before it adopted RedCMD's (late 2024). */
type YamlHost = 'current' | 'legacy';
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

interface Token {
  line: number;
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

/** Where a needle is: its `nth` occurrence, counted inside the first occurrence of `in` when given. */
interface Where {
  in?: string;
  nth?: number;
}

class Tokenized {
  readonly lines: string[];
  readonly tokens: Token[] = [];
  constructor(grammar: IGrammar, text: string) {
    this.lines = text.split('\n');
    let state: StateStack = INITIAL;
    this.lines.forEach((lineText, line) => {
      const result = grammar.tokenizeLine(lineText, state);
      for (const t of result.tokens) {
        this.tokens.push({ line, start: t.startIndex, end: Math.min(t.endIndex, lineText.length), text: lineText.slice(t.startIndex, t.endIndex), scopes: t.scopes });
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
function hasScopes(doc: Tokenized, needle: string, scopes: string[], where?: Where): void {
  const token = doc.token(needle, where);
  for (const scope of scopes) assert.ok(token.scopes.includes(scope), `"${needle}" should have ${scope}; it has ${token.scopes.join(' ')}`);
}

const grammars: Record<YamlHost, Map<string, IGrammar>> = { current: new Map(), legacy: new Map() };

before(async () => {
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
});

function tokenize(scope: string, text: string, yaml: YamlHost = 'current'): Tokenized {
  return new Tokenized(grammars[yaml].get(scope)!, text);
}

describe('grammar files', () => {
  const files = contributions.map((c) => ({ ...c, raw: JSON.parse(fs.readFileSync(path.join(root, c.path), 'utf8')) as unknown }));

  it('package.json injects the JSON grammar into JSON and JSONC, and the YAML grammar into YAML', () => {
    const injectTo = Object.fromEntries(contributions.map((c) => [c.scopeName, c.injectTo]));
    assert.deepEqual(injectTo, { [JSON_INJECTION]: ['source.json', 'source.json.comments'], [YAML_INJECTION]: ['source.yaml'] });
    for (const f of files) assert.equal((f.raw as { scopeName: string }).scopeName, f.scopeName);
  });

  function regexes(node: unknown, out: string[] = []): string[] {
    if (Array.isArray(node)) for (const n of node) regexes(n, out);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'match' || key === 'begin' || key === 'end') && typeof value === 'string') out.push(value);
        else regexes(value, out);
      }
    }
    return out;
  }

  function scopeNames(node: unknown, out = new Set<string>()): Set<string> {
    if (Array.isArray(node)) for (const n of node) scopeNames(n, out);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'name' || key === 'contentName') && typeof value === 'string') for (const s of value.split(/\s+/)) out.add(s);
        else scopeNames(value, out);
      }
    }
    return out;
  }

  it('every regex compiles in Oniguruma, and (without \\G) in JavaScript', () => {
    for (const f of files) {
      for (const source of regexes(f.raw)) {
        assert.doesNotThrow(() => createOnigScanner([source]).dispose(), `Oniguruma rejects ${source}`);
        assert.doesNotThrow(() => new RegExp(source.replace(/\\G/g, '')), `JavaScript rejects ${source}`);
      }
    }
  });

  it('every scope name the grammars assign is documented in syntaxes/README.md', () => {
    const readme = fs.readFileSync(path.join(root, 'syntaxes', 'README.md'), 'utf8');
    const documented = new Set(readme.match(/[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)*\.aws/g) ?? []);
    // The README writes begin/end variants as `punctuation.definition.variable.begin/end.aws`.
    if (readme.includes('punctuation.definition.variable.begin/end.aws')) {
      documented.add('punctuation.definition.variable.begin.aws');
      documented.add('punctuation.definition.variable.end.aws');
    }
    for (const f of files) {
      const { patterns, repository } = f.raw as { patterns: unknown; repository: unknown };
      const used = scopeNames([patterns, repository]);
      assert.ok(used.size > 20, f.path);
      for (const scope of used) assert.ok(documented.has(scope), `${scope} (${f.path}) is not in syntaxes/README.md`);
    }
  });
});

describe('JSON injection (source.json)', () => {
  const policy = [
    '{',
    '  "Version": "2012-10-17",',
    '  "Statement": [{',
    '    "Effect": "Allow",',
    '    "Action": ["s3:GetObject", "ec2:Describe*"],',
    '    "Resource": "arn:aws:s3:::my-bucket/${aws:username}/*",',
    '    "Description": "Allows reading: the bucket"',
    '  }]',
    '}',
  ].join('\n');
  const ARN = 'arn:aws:s3:::my-bucket/${aws:username}/*';
  let doc: Tokenized;
  before(() => {
    doc = tokenize('source.json', policy);
  });

  it('scopes the service prefix, the colon and the action name of each action', () => {
    hasScopes(doc, 's3', ['string.quoted.double.json', 'meta.iam-action.aws', 'entity.name.namespace.iam-service.aws'], { in: 's3:GetObject' });
    hasScopes(doc, ':', ['string.quoted.double.json', 'meta.iam-action.aws', 'punctuation.separator.iam.aws'], { in: 's3:GetObject' });
    hasScopes(doc, 'GetObject', ['string.quoted.double.json', 'meta.iam-action.aws', 'entity.name.function.iam-action.aws']);
    hasScopes(doc, 'ec2', ['meta.iam-action.aws', 'entity.name.namespace.iam-service.aws']);
    hasScopes(doc, ':', ['meta.iam-action.aws', 'punctuation.separator.iam.aws'], { in: 'ec2:Describe*' });
    hasScopes(doc, 'Describe', ['meta.iam-action.aws', 'entity.name.function.iam-action.aws']);
    hasScopes(doc, '*', ['entity.name.function.iam-action.aws', 'keyword.operator.wildcard.iam.aws'], { in: 'ec2:Describe*' });
  });

  it('leaves the string punctuation to the JSON grammar', () => {
    const tokens = doc.over('"s3:GetObject"');
    assert.deepEqual(tokens.map((t) => t.text), ['"', 's3', ':', 'GetObject', '"']);
    assert.ok(tokens[0]!.scopes.includes('punctuation.definition.string.begin.json'));
    assert.ok(tokens[4]!.scopes.includes('punctuation.definition.string.end.json'));
    assert.deepEqual(doc.iamScopes('"', { in: '"s3:GetObject"' }), []);
  });

  it('does not highlight the keys', () => {
    for (const key of ['"Version"', '"Statement"', '"Effect"', '"Action"', '"Resource"', '"Description"']) {
      assert.deepEqual(doc.iamScopes(key), [], key);
      assert.ok(doc.over(key).every((t) => t.scopes.includes('support.type.property-name.json')), key);
    }
  });

  it('scopes the parts of an ARN, and a policy variable in its resource', () => {
    assert.ok(doc.over(ARN).every((t) => t.scopes.includes('constant.other.arn.aws')));
    hasScopes(doc, 'arn', ['keyword.other.arn.aws'], { in: ARN });
    hasScopes(doc, 'aws', ['support.type.arn-partition.aws'], { in: ARN });
    hasScopes(doc, 's3', ['entity.name.namespace.arn-service.aws'], { in: ARN });
    assert.deepEqual(doc.over(':', { in: ARN, nth: 0 }).map((t) => t.scopes.at(-1)), ['punctuation.separator.arn.aws']);
    assert.deepEqual(doc.over(':::', { in: ARN }).map((t) => t.scopes.at(-1)), Array(3).fill('punctuation.separator.arn.aws'));
    hasScopes(doc, 'my-bucket', ['meta.arn-resource.aws']);
    hasScopes(doc, '/', ['meta.arn-resource.aws', 'punctuation.separator.arn-resource.aws'], { in: ARN });
    hasScopes(doc, '${', ['meta.arn-resource.aws', 'variable.other.iam-policy-variable.aws', 'punctuation.definition.variable.begin.aws'], { in: ARN });
    hasScopes(doc, 'aws:username', ['meta.arn-resource.aws', 'variable.other.iam-policy-variable.aws'], { in: ARN });
    hasScopes(doc, '}', ['meta.arn-resource.aws', 'variable.other.iam-policy-variable.aws', 'punctuation.definition.variable.end.aws'], { in: ARN });
    hasScopes(doc, '*', ['meta.arn-resource.aws', 'keyword.operator.wildcard.iam.aws'], { in: ARN });
  });

  it('gives prose and other values no IAM scopes', () => {
    assert.deepEqual(doc.iamScopes('"Allows reading: the bucket"'), []);
    assert.deepEqual(doc.iamScopes('"2012-10-17"'), []);
    assert.deepEqual(doc.iamScopes('"Allow"'), []);
  });

  it('scopes the region and the account of an ARN', () => {
    const d = tokenize('source.json', '{"Resource": "arn:aws:ec2:us-east-1:123456789012:instance/*"}');
    hasScopes(d, 'ec2', ['entity.name.namespace.arn-service.aws']);
    hasScopes(d, 'us-east-1', ['support.constant.arn-region.aws']);
    hasScopes(d, '123456789012', ['constant.numeric.account-id.aws']);
    hasScopes(d, 'instance', ['meta.arn-resource.aws']);
  });

  it('leaves strings that are not IAM alone', () => {
    const strings = ['10:30', 'python:3.12', '*', 'https://example.com/a:b', 'see s3:GetObject', 's3:GetObject is read', 'arn:aws:s3',
      '${workspaceFolder}/out', '${env:HOME}', '${config:editor.tabSize}', '${HOME:-/tmp}', '${var:0:3}', '${CODEBUILD_SRC_DIR}', 'C:\\\\temp'];
    const d = tokenize('source.json', `[${strings.map((s) => `"${s}"`).join(', ')}]`);
    assert.deepEqual(d.iamScopes(), []);
  });

  it('does not highlight keys that look like actions, ARNs or variables', () => {
    const d = tokenize('source.json', '{"s3:GetObject": 1, "aws:username": {"arn:aws:s3:::b": "${aws:userid}"}, "${aws:x}": 2}');
    for (const key of ['"s3:GetObject"', '"aws:username"', '"arn:aws:s3:::b"', '"${aws:x}"']) assert.deepEqual(d.iamScopes(key), [], key);
    hasScopes(d, 'aws:userid', ['variable.other.iam-policy-variable.aws']);
  });

  it('only highlights an action or ARN that is the whole string, not one after an escaped quote', () => {
    const d = tokenize('source.json', '["use \\"arn:aws:s3:::b\\" here", "say \\"s3:GetObject\\""]');
    assert.deepEqual(d.iamScopes(), []);
    // The JSON grammar keeps its escapes.
    hasScopes(d, '\\"', ['constant.character.escape.json'], { in: 'b\\" here' });
    hasScopes(d, '\\"', ['constant.character.escape.json'], { in: 'GetObject\\"' });
  });

  it('marks an unclosed policy variable as invalid', () => {
    const d = tokenize('source.json', '["${aws:username", "arn:aws:s3:::b/${aws:username/*"]');
    hasScopes(d, '${aws:username', ['invalid.illegal.unclosed-policy-variable.aws'], { in: '"${aws:username"' });
    hasScopes(d, '${aws:username/*', ['meta.arn-resource.aws', 'invalid.illegal.unclosed-policy-variable.aws']);
    assert.ok(!d.iamScopes().includes('variable.other.iam-policy-variable.aws'));
  });

  it('treats a variable as unclosed when another ${ comes before its } (as the server does)', () => {
    const d = tokenize('source.json', '["${aws:username/${aws:userid}", "a ${aws:username and ${aws:userid}"]');
    hasScopes(d, '${aws:username/', ['invalid.illegal.unclosed-policy-variable.aws']);
    hasScopes(d, 'aws:userid', ['variable.other.iam-policy-variable.aws'], { in: '/${aws:userid}' });
    hasScopes(d, '${aws:username', ['invalid.illegal.unclosed-policy-variable.aws'], { in: 'a ${aws:username and' });
    assert.deepEqual(d.iamScopes(' and '), []);
    hasScopes(d, 'aws:userid', ['variable.other.iam-policy-variable.aws'], { in: 'and ${aws:userid}' });
  });

  it('does not call a variable with white space in its key valid', () => {
    assert.deepEqual(tokenize('source.json', '"${aws:user name}"').iamScopes(), []);
  });

  it('scopes default values and the escape variables', () => {
    const d = tokenize('source.json', `["\${aws:PrincipalTag/team, 'none'}", "\${*}\${?}\${$}"]`);
    hasScopes(d, 'aws:PrincipalTag/team', ['variable.other.iam-policy-variable.aws']);
    hasScopes(d, ', ', ['variable.other.iam-policy-variable.aws', 'punctuation.separator.iam-default-value.aws'], { in: "team, 'none'" });
    hasScopes(d, "'none'", ['variable.other.iam-policy-variable.aws', 'string.quoted.single.iam-default-value.aws']);
    for (const [escape, where] of [['*', { in: '${*}' }], ['?', { in: '${?}' }], ['$', { in: '${$}', nth: 1 }]] as const) {
      hasScopes(d, escape, ['variable.other.iam-policy-variable.aws', 'constant.character.escape.iam-policy-variable.aws'], where);
    }
  });

  it('scopes CloudFormation substitutions', () => {
    const d = tokenize('source.json', '{"Fn::Sub": "arn:${AWS::Partition}:s3:::${BucketName}/*", "Region": "${AWS::Region}"}');
    assert.deepEqual(d.iamScopes('"Fn::Sub"'), []);
    hasScopes(d, 'AWS::Partition', ['support.type.arn-partition.aws', 'variable.language.cloudformation-pseudo-parameter.aws']);
    hasScopes(d, 'BucketName', ['meta.arn-resource.aws', 'variable.other.cloudformation-substitution.aws']);
    hasScopes(d, 'AWS::Region', ['variable.language.cloudformation-pseudo-parameter.aws']);
  });
});

describe('JSON injection (source.json.comments)', () => {
  const text = [
    '// An identity policy',
    '{',
    '  /* read only */ "Action": "s3:GetObject", // trailing comment: s3:PutObject',
    '  "Resource": ["arn:aws:s3:::b/${aws:username}/*"],',
    '  "Sid": "Allows reading: the bucket"',
    '}',
  ].join('\n');
  let doc: Tokenized;
  before(() => {
    doc = tokenize('source.json.comments', text);
  });

  it('scopes actions, ARNs and variables in JSONC strings', () => {
    hasScopes(doc, 's3', ['string.quoted.double.json.comments', 'meta.iam-action.aws', 'entity.name.namespace.iam-service.aws']);
    hasScopes(doc, ':', ['string.quoted.double.json.comments', 'punctuation.separator.iam.aws'], { in: 's3:GetObject' });
    hasScopes(doc, 'GetObject', ['string.quoted.double.json.comments', 'entity.name.function.iam-action.aws']);
    hasScopes(doc, 'aws', ['string.quoted.double.json.comments', 'support.type.arn-partition.aws'], { in: 'arn:aws:s3' });
    hasScopes(doc, 'aws:username', ['meta.arn-resource.aws', 'variable.other.iam-policy-variable.aws']);
  });

  it('does not highlight keys, comments or prose', () => {
    assert.deepEqual(doc.iamScopes('"Action"'), []);
    assert.ok(doc.over('"Action"').every((t) => t.scopes.includes('support.type.property-name.json.comments')));
    assert.ok(doc.over('s3:PutObject').every((t) => t.scopes.includes('comment.line.double-slash.js')));
    assert.deepEqual(doc.iamScopes('// trailing comment: s3:PutObject'), []);
    assert.deepEqual(doc.iamScopes('/* read only */'), []);
    assert.deepEqual(doc.iamScopes('"Allows reading: the bucket"'), []);
  });
});

describe('YAML injection (source.yaml, VS Code’s current YAML grammar)', () => {
  const text = [
    'Statement:',
    '  - Effect: Allow',
    '    Action: s3:GetObject',
    '    NotAction: [s3:PutObject, "ec2:Describe*", \'iam:*\']',
    '    Resource:',
    '      - "arn:aws:iam::123456789012:role/x"',
    '      - arn:aws:s3:::my-bucket/${aws:username}/*',
    '      - \'arn:aws:s3:::other/*\'',
    '    Description: see s3:GetObject for details',
    '    Condition:',
    '      StringEquals:',
    '        aws:username: ${aws:username',
    '        "aws:SourceVpc": vpc-1 # s3:GetObject',
    '        \'s3:prefix\': "home/"',
  ].join('\n');
  const IAM_ARN = 'arn:aws:iam::123456789012:role/x';
  let doc: Tokenized;
  before(() => {
    doc = tokenize('source.yaml', text);
  });

  it('scopes a plain action value', () => {
    const where = { in: 'Action: s3:GetObject' };
    hasScopes(doc, 's3', ['string.unquoted.plain.out.yaml', 'meta.iam-action.aws', 'entity.name.namespace.iam-service.aws'], where);
    hasScopes(doc, ':', ['string.unquoted.plain.out.yaml', 'meta.iam-action.aws', 'punctuation.separator.iam.aws'], { in: 's3:GetObject' });
    hasScopes(doc, 'GetObject', ['string.unquoted.plain.out.yaml', 'meta.iam-action.aws', 'entity.name.function.iam-action.aws'], where);
  });

  it('does not highlight the keys', () => {
    const keys: [string, Where?][] = [['Statement'], ['Effect'], ['Action'], ['NotAction'], ['Resource'], ['Condition'], ['StringEquals'],
      ['aws:username', { in: 'aws:username: $' }], ['"aws:SourceVpc"'], ["'s3:prefix'"]];
    for (const [key, where] of keys) {
      assert.deepEqual(doc.iamScopes(key, where), [], key);
      assert.ok(doc.over(key, where).every((t) => t.scopes.includes('entity.name.tag.yaml')), key);
    }
  });

  it('scopes actions in a flow sequence, plain and quoted', () => {
    hasScopes(doc, 'PutObject', ['string.unquoted.plain.in.yaml', 'entity.name.function.iam-action.aws']);
    hasScopes(doc, 'ec2', ['string.quoted.double.yaml', 'entity.name.namespace.iam-service.aws']);
    hasScopes(doc, '*', ['string.quoted.double.yaml', 'keyword.operator.wildcard.iam.aws'], { in: 'ec2:Describe*' });
    hasScopes(doc, 'iam', ['string.quoted.single.yaml', 'entity.name.namespace.iam-service.aws'], { in: "'iam:*'" });
    hasScopes(doc, '*', ['string.quoted.single.yaml', 'keyword.operator.wildcard.iam.aws'], { in: "'iam:*'" });
  });

  it('scopes the parts of a quoted ARN in a block sequence', () => {
    const where = { in: IAM_ARN };
    hasScopes(doc, 'arn', ['string.quoted.double.yaml', 'constant.other.arn.aws', 'keyword.other.arn.aws'], where);
    hasScopes(doc, 'aws', ['string.quoted.double.yaml', 'support.type.arn-partition.aws'], where);
    hasScopes(doc, 'iam', ['string.quoted.double.yaml', 'entity.name.namespace.arn-service.aws'], where);
    assert.deepEqual(doc.over('::', where).map((t) => t.scopes.at(-1)), Array(2).fill('punctuation.separator.arn.aws'));
    hasScopes(doc, '123456789012', ['constant.numeric.account-id.aws'], where);
    hasScopes(doc, 'role', ['meta.arn-resource.aws'], where);
    hasScopes(doc, '/', ['meta.arn-resource.aws', 'punctuation.separator.arn-resource.aws'], where);
    hasScopes(doc, 'x', ['meta.arn-resource.aws'], { in: 'role/x' });
    assert.ok(doc.over('"', { in: `"${IAM_ARN}"` })[0]!.scopes.includes('punctuation.definition.string.begin.yaml'));
  });

  it('scopes plain and single-quoted ARNs and the variable in them', () => {
    hasScopes(doc, 'arn', ['string.unquoted.plain.out.yaml', 'keyword.other.arn.aws'], { in: '- arn:aws:s3:::my-bucket' });
    hasScopes(doc, 'my-bucket', ['string.unquoted.plain.out.yaml', 'meta.arn-resource.aws']);
    hasScopes(doc, 'aws:username', ['meta.arn-resource.aws', 'variable.other.iam-policy-variable.aws'], { in: 'my-bucket/${aws:username}' });
    hasScopes(doc, 'other', ['string.quoted.single.yaml', 'meta.arn-resource.aws']);
  });

  it('gives prose, comments and other values no IAM scopes', () => {
    assert.deepEqual(doc.iamScopes('see s3:GetObject for details'), []);
    assert.deepEqual(doc.iamScopes('vpc-1 # s3:GetObject'), []);
    assert.deepEqual(doc.iamScopes('Allow'), []);
    const other = tokenize('source.yaml', [
      'image: python:3.12', 'at: "10:30"', 'words: "Allows reading: the bucket"', 'url: https://example.com/a:b',
      'quoted: "it\'s arn:aws:s3:::b"', 'env: ${HOME:-/tmp}', 'vs: ${workspaceFolder}/out', 'gha: ${{ github.sha }}', 'star: "*"',
      '# Action: s3:GetObject',
    ].join('\n'));
    assert.deepEqual(other.iamScopes(), []);
  });

  it('marks an unclosed policy variable as invalid', () => {
    hasScopes(doc, '${aws:username', ['string.unquoted.plain.out.yaml', 'invalid.illegal.unclosed-policy-variable.aws'], { in: 'aws:username: ${aws:username' });
    const d = tokenize('source.yaml', 'a: "${aws:username"\nb: ${aws:username/${aws:userid}');
    hasScopes(d, '${aws:username', ['string.quoted.double.yaml', 'invalid.illegal.unclosed-policy-variable.aws']);
    hasScopes(d, '${aws:username/', ['invalid.illegal.unclosed-policy-variable.aws']);
    hasScopes(d, 'aws:userid', ['variable.other.iam-policy-variable.aws']);
  });

  it('keeps a variable with a default value whole inside plain and quoted ARNs', () => {
    const d = tokenize('source.yaml', [
      "a: arn:aws:s3:::b/${aws:PrincipalTag/team, 'none'}",
      "b: \"arn:aws:s3:::b/${aws:PrincipalTag/team, 'none'}\"",
      "c: 'arn:aws:s3:::b/${aws:PrincipalTag/team, ''none''}'",
    ].join('\n'));
    assert.ok(!d.iamScopes().includes('invalid.illegal.unclosed-policy-variable.aws'));
    for (const line of ['a: ', 'b: ', 'c: ']) {
      const where = { in: line + (line === 'a: ' ? '' : line === 'b: ' ? '"' : "'") + 'arn:aws:s3:::b/${aws:PrincipalTag/team, ' };
      hasScopes(d, 'aws:PrincipalTag/team', ['constant.other.arn.aws', 'meta.arn-resource.aws', 'variable.other.iam-policy-variable.aws'], where);
    }
    hasScopes(d, "'none'", ['string.unquoted.plain.out.yaml', 'meta.arn-resource.aws', 'string.quoted.single.iam-default-value.aws'], { nth: 0 });
    hasScopes(d, "'none'", ['string.quoted.double.yaml', 'meta.arn-resource.aws', 'string.quoted.single.iam-default-value.aws'], { nth: 1 });
    hasScopes(d, "''none''", ['meta.arn-resource.aws', 'string.quoted.single.iam-default-value.aws']);
  });

  it('scopes CloudFormation !Sub ARNs and flow mappings', () => {
    const d = tokenize('source.yaml', [
      'Resource: !Sub arn:${AWS::Partition}:s3:::${Bucket}/*',
      'Statement: {Effect: Allow, Action: s3:ListBucket, "Resource": "arn:aws:s3:::b"}',
    ].join('\n'));
    hasScopes(d, 'AWS::Partition', ['support.type.arn-partition.aws', 'variable.language.cloudformation-pseudo-parameter.aws']);
    hasScopes(d, 'Bucket', ['meta.arn-resource.aws', 'variable.other.cloudformation-substitution.aws'], { in: '${Bucket}' });
    hasScopes(d, 'ListBucket', ['string.unquoted.plain.in.yaml', 'entity.name.function.iam-action.aws']);
    hasScopes(d, 'b', ['string.quoted.double.yaml', 'meta.arn-resource.aws'], { in: ':::b"' });
    assert.deepEqual(d.iamScopes('"Resource"'), []);
    assert.deepEqual(d.iamScopes('Effect'), []);
  });
});

describe('YAML injection (source.yaml, VS Code’s YAML grammar before late 2024)', () => {
  // That grammar's begin pattern for a plain scalar consumes the scalar's first character
  // (microsoft/vscode#180523), so an injection cannot see where a plain scalar starts.
  const text = [
    'Statement:',
    '  - Action: "s3:GetObject"',
    '    NotAction: ec2:DescribeInstances',
    '    Resource:',
    '      - "arn:aws:iam::123456789012:role/x"',
    '      - arn:aws:s3:::b/${aws:username}/*',
    '    Condition:',
    '      StringEquals:',
    '        "aws:SourceVpc": "vpc-1"',
    '        \'s3:prefix\': [\'home/\']',
    '        aws:username: x',
  ].join('\n');
  let doc: Tokenized;
  before(() => {
    doc = tokenize('source.yaml', text, 'legacy');
  });

  it('scopes quoted actions and ARNs', () => {
    hasScopes(doc, 's3', ['string.quoted.double.yaml', 'entity.name.namespace.iam-service.aws'], { in: '"s3:GetObject"' });
    hasScopes(doc, 'GetObject', ['string.quoted.double.yaml', 'entity.name.function.iam-action.aws']);
    hasScopes(doc, 'iam', ['string.quoted.double.yaml', 'entity.name.namespace.arn-service.aws']);
    hasScopes(doc, '123456789012', ['constant.numeric.account-id.aws']);
  });

  it('does not mis-split a plain scalar whose first character the host grammar took', () => {
    assert.deepEqual(doc.iamScopes('ec2:DescribeInstances'), []);
    assert.deepEqual(doc.iamScopes('arn:aws:s3:::b/'), []);
  });

  it('still scopes a policy variable inside a plain scalar', () => {
    hasScopes(doc, 'aws:username', ['string.unquoted.plain.out.yaml', 'variable.other.iam-policy-variable.aws'], { in: '${aws:username}' });
  });

  it('does not highlight quoted or plain keys', () => {
    for (const key of ['"aws:SourceVpc"', "'s3:prefix'", 'aws:username:', 'Action', 'NotAction']) assert.deepEqual(doc.iamScopes(key), [], key);
  });
});
