import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createOnigScanner } from 'vscode-oniguruma';
import { JSON_INJECTION, YAML_INJECTION, contributions, loadGrammars, root } from './helpers';

/** The grammar files themselves: how package.json wires them, their regexes and their documented scopes. */

before(loadGrammars);

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
