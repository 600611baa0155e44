import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, markers } from '../helpers';
import { buildspecFindings } from './helpers';

/** One case per buildspec rule: the marked text is reported with the code at exactly that range; named fixes apply. */
interface Case {
  readonly name: string;
  readonly code: string;
  readonly text: string;
  readonly fix?: string;
  readonly after?: RegExp;
  /** The finding's own severity, when it differs from the rule's default. */
  readonly severity?: string;
}

const phases = 'phases:\n  build:\n    commands:\n      - make\n';

const CASES: Case[] = [
  { name: 'YAML syntax', code: 'BSP001', text: 'version: 0.2\nphases:\n  build:\n    commands:\n      - "unterminated\n⟦⟧' },
  { name: 'tab indentation', code: 'BSP002', text: `version: 0.2\nphases:\n⟦\t⟧build:\n    commands:\n      - make\n`, fix: 'Convert tabs to 2 spaces' },
  { name: 'duplicate key', code: 'BSP003', text: `version: 0.2\n${phases}⟦phases⟧:\n  install:\n    commands:\n      - a\n` },
  { name: 'a list instead of a mapping', code: 'BSP004', text: '⟦- version: 0.2⟧\n' },
  { name: 'missing version', code: 'BSP010', text: `⟦⟧${phases}`, fix: 'Add version: 0.2', after: /^version: 0\.2\nphases:/ },
  {
    name: 'missing version, the mapping indented',
    code: 'BSP010',
    text: '# build\n  ⟦⟧phases:\n    build:\n      commands:\n        - make\n',
    fix: 'Add version: 0.2',
    after: /^# build\n  version: 0\.2\n  phases:\n    build:/,
  },
  {
    name: 'missing version, CRLF',
    code: 'BSP010',
    text: `⟦⟧${phases.replace(/\n/g, '\r\n')}`,
    fix: 'Add version: 0.2',
    after: /^version: 0\.2\r\nphases:\r\n/,
  },
  { name: 'unsupported version', code: 'BSP011', text: `version: ⟦0.3⟧\n${phases}`, fix: 'Use version 0.2' },
  {
    name: 'quoted version with batch',
    code: 'BSP012',
    text: `version: ⟦"0.2"⟧\nbatch:\n  build-list:\n    - identifier: a\n${phases}`,
    fix: 'Unquote: version: 0.2',
  },
  { name: '0.1 key in 0.2', code: 'BSP013', text: `version: 0.2\n⟦environment_variables⟧:\n  plaintext:\n    A: b\n${phases}` },
  { name: '0.2 key in 0.1', code: 'BSP013', text: `version: 0.1\n⟦env⟧:\n  variables:\n    A: b\n${phases}` },
  { name: 'misspelt phase', code: 'BSP020', text: 'version: 0.2\nphases:\n  ⟦pre-build⟧:\n    commands:\n      - a\n', fix: 'Rename to "pre_build"' },
  { name: 'misspelt top-level key', code: 'BSP020', text: `version: 0.2\n${phases}⟦artifact⟧:\n  files:\n    - a\n`, fix: 'Rename to "artifacts"' },
  { name: 'key in wrong case', code: 'BSP020', text: `version: 0.2\n⟦Phases⟧:\n  build:\n    commands:\n      - a\n`, fix: 'Rename to "phases"' },
  {
    name: 'commands as a string',
    code: 'BSP021',
    text: 'version: 0.2\nphases:\n  build:\n    commands: ⟦make all⟧\n',
    fix: 'Make it a list',
    after: /commands: \n {6}- make all/,
  },
  { name: 'phases as a list', code: 'BSP021', text: 'version: 0.2\nphases:\n  ⟦- build⟧\n' },
  {
    name: 'on-failure typo',
    code: 'BSP022',
    text: `version: 0.2\nphases:\n  build:\n    on-failure: ⟦ABORTT⟧\n    commands:\n      - a\n`,
    fix: 'Change to "ABORT"',
  },
  { name: 'shell', code: 'BSP022', text: `version: 0.2\nenv:\n  shell: ⟦zsh⟧\n${phases}` },
  {
    name: 'bare Windows shell name',
    code: 'BSP022',
    severity: 'warning',
    text: `version: 0.2\nenv:\n  shell: ⟦powershell⟧\n${phases}`,
    fix: 'Change to "powershell.exe"',
  },
  { name: 'boolean', code: 'BSP022', text: `version: 0.2\nenv:\n  git-credential-helper: ⟦sometimes⟧\n${phases}` },
  { name: 'missing phases', code: 'BSP023', text: '⟦version⟧: 0.2\nenv:\n  variables:\n    A: b\n' },
  {
    name: 'batch build without a buildspec of its own',
    code: 'BSP023',
    text: '⟦version⟧: 0.2\nbatch:\n  build-list:\n    - identifier: a\n      buildspec: a.yml\n    - identifier: b\n',
  },
  { name: 'phases emptied by comments', code: 'BSP023', text: 'version: 0.2\n⟦phases⟧:\n  # build:\n  #   commands:\n' },
  {
    name: 'commands emptied by comments',
    code: 'BSP023',
    severity: 'warning',
    text: 'version: 0.2\nphases:\n  build:\n    ⟦commands⟧:\n      # - make\n',
  },
  {
    name: 'empty command with a comment',
    code: 'BSP021',
    text: 'version: 0.2\nphases:\n  build:\n    commands:\n      - make\n      ⟦-⟧ # then test\n',
    fix: 'Keep it as a comment (remove "- ")',
    after: /- make\n      # then test\n$/,
  },
  {
    name: 'bare dash in finally',
    code: 'BSP021',
    text: 'version: 0.2\nphases:\n  build:\n    commands:\n      - make\n    finally:\n      ⟦-⟧\n      - rm -rf tmp\n',
    fix: 'Remove the empty item',
    after: /finally:\n      - rm -rf tmp\n$/,
  },
  {
    name: 'aws ecr get-login',
    code: 'BSP028',
    text: 'version: 0.2\nphases:\n  build:\n    commands:\n      - $(⟦aws ecr get-login⟧ --no-include-email)\n',
  },
  { name: 'NUL in a command', code: 'BSP001', text: 'version: 0.2\nphases:\n  build:\n    commands:\n      - make⟦\u0000⟧\n' },
  { name: 'phase without commands', code: 'BSP023', text: 'version: 0.2\nphases:\n  ⟦build⟧:\n    finally:\n      - a\n' },
  { name: 'artifacts without files', code: 'BSP023', text: `version: 0.2\n${phases}⟦artifacts⟧:\n  name: out\n` },
  { name: 'deprecated artifacts type', code: 'BSP024', text: `version: 0.2\n${phases}artifacts:\n  ⟦type⟧: zip\n  files:\n    - a\n` },
  {
    name: 'six report groups',
    code: 'BSP025',
    text: `version: 0.2\n${phases}reports:\n${[1, 2, 3, 4, 5].map((i) => `  r${i}:\n    files:\n      - a\n`).join('')}  ⟦r6⟧:\n    files:\n      - a\n`,
  },
  {
    name: 'command turned into a mapping',
    code: 'BSP026',
    text: 'version: 0.2\nphases:\n  build:\n    commands:\n      - ⟦echo status: ok⟧\n',
    fix: 'Quote the command',
    after: /- 'echo status: ok'/,
  },
  {
    name: 'RETRY count above 100',
    code: 'BSP027',
    text: 'version: 0.2\nphases:\n  build:\n    on-failure: RETRY-⟦101⟧\n    commands:\n      - a\n',
    fix: 'Retry at most 100 times',
  },
  {
    name: 'quoted RETRY count with a regex',
    code: 'BSP027',
    text: 'version: 0.2\nphases:\n  build:\n    on-failure: "RETRY-⟦500⟧-timeout"\n    commands:\n      - a\n',
    fix: 'Retry at most 100 times',
    after: /"RETRY-100-timeout"/,
  },
  {
    name: 'runtime-versions in build',
    code: 'BSP030',
    text: 'version: 0.2\nphases:\n  build:\n    ⟦runtime-versions⟧:\n      nodejs: 20\n    commands:\n      - npm test\n',
    fix: 'Move runtime-versions to a new install phase',
    after: /phases:\n  install:\n    runtime-versions:\n      nodejs: 20\n  build:\n    commands:/,
  },
  {
    name: 'runtime-versions in build, install exists',
    code: 'BSP030',
    text: 'version: 0.2\nphases:\n  install:\n    commands:\n      - a\n  build:\n    ⟦runtime-versions⟧:\n      nodejs: 20\n    commands:\n      - npm test\n',
    fix: 'Move runtime-versions to the install phase',
    after: /install:\n    runtime-versions:\n      nodejs: 20\n    commands:\n      - a\n  build:\n    commands:/,
  },
  {
    name: 'unknown runtime',
    code: 'BSP031',
    text: 'version: 0.2\nphases:\n  install:\n    runtime-versions:\n      ⟦pythn⟧: 3.12\n',
    fix: 'Rename to "python"',
  },
  { name: 'unlisted version', code: 'BSP032', text: 'version: 0.2\nphases:\n  install:\n    runtime-versions:\n      nodejs: ⟦9⟧\n' },
  {
    name: 'python 3.10 unquoted (a hint)',
    code: 'BSP033',
    text: 'version: 0.2\nphases:\n  install:\n    runtime-versions:\n      python: ⟦3.10⟧\n',
    fix: 'Quote the version: "3.10"',
  },
  {
    name: 'golang 1.20 unquoted (a hint)',
    code: 'BSP033',
    text: 'version: 0.2\nphases:\n  install:\n    runtime-versions:\n      golang: ⟦1.20⟧\n',
    fix: 'Quote the version: "1.20"',
  },
  { name: 'version only deprecated images had', code: 'BSP032', text: 'version: 0.2\nphases:\n  install:\n    runtime-versions:\n      nodejs: ⟦8⟧\n' },
  { name: 'major only deprecated images had', code: 'BSP032', text: 'version: 0.2\nphases:\n  install:\n    runtime-versions:\n      nodejs: ⟦8.x⟧\n' },
  {
    name: 'deprecated docker runtime',
    code: 'BSP035',
    text: 'version: 0.2\nphases:\n  install:\n    runtime-versions:\n      ⟦docker⟧: 20\n      nodejs: 20\n',
    fix: 'Remove docker',
    after: /runtime-versions:\n      nodejs: 20\n$/,
  },
  {
    name: 'docker as the only runtime',
    code: 'BSP035',
    text: 'version: 0.2\nphases:\n  install:\n    runtime-versions:\n      ⟦docker⟧: 18\n    commands:\n      - make\n',
    fix: 'Remove runtime-versions',
    after: /install:\n    commands:\n/,
  },
  { name: 'android with java', code: 'BSP034', text: 'version: 0.2\nphases:\n  install:\n    runtime-versions:\n      android: 29\n      ⟦java⟧: openjdk11\n' },
  { name: 'CODEBUILD_ variable', code: 'BSP040', text: `version: 0.2\nenv:\n  variables:\n    ⟦CODEBUILD_MODE⟧: fast\n${phases}` },
  {
    name: 'password in variables',
    code: 'BSP041',
    text: `version: 0.2\nenv:\n  variables:\n    DB_PASSWORD: ⟦hunter22⟧\n${phases}`,
    fix: 'Move DB_PASSWORD to env.parameter-store (placeholder /CHANGE_ME/db-password)',
    after: /env:\n  variables:\n  parameter-store:\n    DB_PASSWORD: \/CHANGE_ME\/db-password\n/,
  },
  {
    name: 'access key in variables',
    code: 'BSP041',
    text: `version: 0.2\nenv:\n  variables:\n    KEY: ⟦AKIAIOSFODNN7EXAMPLE⟧\n  secrets-manager:\n    OTHER: s:k\n${phases}`,
    fix: 'Move KEY to env.secrets-manager (placeholder CHANGE_ME_SECRET:KEY)',
    after: /secrets-manager:\n    KEY: CHANGE_ME_SECRET:KEY\n    OTHER: s:k/,
  },
  {
    name: 'password in a batch build',
    code: 'BSP041',
    text: `version: 0.2\nbatch:\n  build-list:\n    - identifier: a\n      env:\n        variables:\n          API_TOKEN: ⟦s3cr3t-value⟧\n${phases}`,
  },
  {
    name: 'access key in a matrix',
    code: 'BSP041',
    text: `version: 0.2\nbatch:\n  build-matrix:\n    dynamic:\n      env:\n        variables:\n          KEY:\n            - plain\n            - ⟦AKIAIOSFODNN7EXAMPLE⟧\n${phases}`,
  },
  {
    name: 'CODEBUILD_ variable in a batch build',
    code: 'BSP040',
    text: `version: 0.2\nbatch:\n  build-graph:\n    - identifier: a\n      env:\n        variables:\n          ⟦CODEBUILD_X⟧: y\n${phases}`,
  },
  { name: 'secret reference with too many parts', code: 'BSP042', text: `version: 0.2\nenv:\n  secrets-manager:\n    A: ⟦s:k:AWSCURRENT:id:extra⟧\n${phases}` },
  {
    name: 'secret reference with stage and id',
    code: 'BSP042',
    severity: 'warning',
    text: `version: 0.2\nenv:\n  secrets-manager:\n    A: ⟦s:k:AWSCURRENT:id⟧\n${phases}`,
  },
  { name: 'exported AWS_ variable', code: 'BSP043', text: `version: 0.2\nenv:\n  exported-variables:\n    - ⟦AWS_REGION⟧\n${phases}` },
  { name: 'run-as with a Windows shell', code: 'BSP044', text: `version: 0.2\n⟦run-as⟧: builder\nenv:\n  shell: cmd.exe\n${phases}` },
  { name: 'fallback keys without key', code: 'BSP050', text: `version: 0.2\n${phases}cache:\n  ⟦fallback-keys⟧:\n    - npm-\n  paths:\n    - a\n` },
  {
    name: 'two batch build types',
    code: 'BSP051',
    text: `version: 0.2\nbatch:\n  build-list:\n    - identifier: a\n  ⟦build-graph⟧:\n    - identifier: b\n${phases}`,
  },
  { name: 'no batch build type', code: 'BSP051', text: `version: 0.2\n⟦batch⟧:\n  fast-fail: true\n${phases}` },
  { name: 'duplicate identifier', code: 'BSP052', text: `version: 0.2\nbatch:\n  build-list:\n    - identifier: a\n    - identifier: ⟦a⟧\n${phases}` },
  {
    name: 'depend-on an unknown build',
    code: 'BSP053',
    text: `version: 0.2\nbatch:\n  build-graph:\n    - identifier: build_a\n    - identifier: build_b\n      depend-on:\n        - ⟦build_c⟧\n${phases}`,
  },
  { name: 'fanout parallelism 0', code: 'BSP054', text: `version: 0.2\nbatch:\n  build-fanout:\n    parallelism: ⟦0⟧\n${phases}`, fix: 'Set parallelism to 1' },
  {
    name: 'six fallback keys',
    code: 'BSP055',
    text: `version: 0.2\n${phases}cache:\n  key: k\n  fallback-keys:\n    - a\n    - b\n    - c\n    - d\n    - e\n    - ⟦f⟧\n  paths:\n    - x\n`,
  },
];

describe('buildspec rules: each rule reports the exact text', () => {
  for (const c of CASES) {
    test(`${c.code} ${c.name}`, () => {
      const { text, range } = markers(c.text);
      assert.ok(range, 'case has a ⟦range⟧');
      const findings = buildspecFindings(text).filter((f) => f.code === c.code);
      assert.ok(findings.length > 0, `expected ${c.code}, got ${JSON.stringify(buildspecFindings(text).map((f) => [f.code, f.message]))}`);
      const finding = findings.find((f) => JSON.stringify(f.range) === JSON.stringify(range));
      assert.ok(finding, `range ${JSON.stringify(range)} not among ${JSON.stringify(findings.map((f) => f.range))}`);
      assert.equal(finding.severity, c.severity, 'severity');
      if (!c.fix) return;
      const fix = finding.fixes?.find((f) => f.title === c.fix);
      assert.ok(fix, `fix "${c.fix}" not among ${JSON.stringify(finding.fixes?.map((f) => f.title))}`);
      const fixed = applyEdits(text, fix.edits);
      if (c.after) assert.match(fixed, c.after);
      const again = buildspecFindings(fixed).filter((f) => f.code === c.code);
      assert.equal(again.length, 0, `still ${c.code} after the fix:\n${fixed}\n${JSON.stringify(again)}`);
    });
  }
});

describe('buildspec BSP021: "Make it a list" only where it is certain', () => {
  test('a value over several lines gets no fix (its later lines would read as something else; found by the fuzzer)', () => {
    const text = 'version: 0.2\nenv:\n  exported-variables:\n   $ - IMAGE_TAG\n    - BUILD_VERSION\nphases:\n  build:\n    commands:\n      - make\n';
    const finding = buildspecFindings(text).find((f) => f.code === 'BSP021');
    assert.ok(finding, 'BSP021 reported');
    assert.deepEqual(finding.range, { start: { line: 3, character: 3 }, end: { line: 4, character: 19 } });
    assert.deepEqual(finding.fixes ?? [], []);
  });
});

describe('buildspec: a key ending in an invisible character', () => {
  test('the range and the rename cover U+FEFF, which YAML keeps in the key (found by the fuzzer)', () => {
    const text = 'version: 0.2\nphases:\n  build:\n    commands:\n      - make\nartifacts:\n  files:\n    - a\n  base-directory\uFEFF: out\n';
    const finding = buildspecFindings(text).find((f) => f.code === 'BSP020');
    assert.ok(finding, 'BSP020 reported');
    assert.deepEqual(finding.range, { start: { line: 8, character: 2 }, end: { line: 8, character: 17 } });
    const fix = finding.fixes?.find((f) => f.title === 'Rename to "base-directory"');
    assert.ok(fix, 'rename offered');
    assert.equal(buildspecFindings(applyEdits(text, fix.edits)).filter((f) => f.code === 'BSP020').length, 0);
  });
});

describe('buildspec: an alias to no anchor', () => {
  test('"Quote it" doubles the quotes inside the value (found by the fuzzer)', () => {
    const text = "version: 0.2\nrun-as: *a'x'\nphases:\n  build:\n    commands:\n      - make\n";
    const finding = buildspecFindings(text).find((f) => f.code === 'BSP001' && f.message.includes('anchor'));
    assert.ok(finding, 'the alias is reported');
    const fix = finding.fixes?.[0];
    assert.equal(fix?.title, "Quote it: '*a''x'''");
    const fixed = applyEdits(text, fix.edits);
    assert.match(fixed, /run-as: '\*a''x'''\n/);
    assert.deepEqual(
      buildspecFindings(fixed).filter((f) => f.code === 'BSP001'),
      [],
    );
  });
});
