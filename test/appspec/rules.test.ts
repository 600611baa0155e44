import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeAppSpec } from '../../server/src/service/appspec/analyze';
import { applyEdits, markers } from '../helpers';

/** One case per AppSpec rule: the marked text is reported with the code at exactly that range; named fixes apply. */
interface Case {
  readonly name: string;
  readonly code: string;
  readonly text: string;
  readonly json?: boolean;
  readonly fix?: string;
  readonly after?: RegExp;
  readonly severity?: string;
}

const analysed = (text: string, json = false) => {
  const analysis = analyzeAppSpec(TextDocument.create(`file:///ws/appspec.${json ? 'json' : 'yml'}`, json ? 'json' : 'yaml', 1, text), json);
  assert.ok(analysis, 'analysed as an AppSpec');
  return analysis;
};
const findings = (text: string, json = false) => analysed(text, json).findings;

const EC2 = 'version: 0.0\nos: linux\n';
const lambda = (properties: string, hooks = '') =>
  `version: 0.0\nResources:\n  - myFunction:\n      Type: AWS::Lambda::Function\n      Properties:\n${properties}${hooks}`;
const LAMBDA_OK = '        Name: orders\n        Alias: live\n        CurrentVersion: 1\n        TargetVersion: 2\n';
const ecs = (properties: string) => `version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n${properties}`;
const ECS_LB = '        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 80\n';

const CASES: Case[] = [
  { name: 'JSON trailing comma', code: 'APS001', json: true, text: '{"version": "0.0", "Resources": []⟦,⟧}', fix: 'Remove the trailing comma' },
  { name: 'tab indentation', code: 'APS002', text: `${EC2}hooks:\n⟦\t⟧BeforeInstall:\n    - location: a.sh\n`, fix: 'Convert tabs to 4 spaces' },
  { name: 'duplicate key', code: 'APS003', text: `${EC2}⟦os⟧: windows\n` },
  { name: 'a list document', code: 'APS004', text: '⟦- version: 0.0⟧\n' },
  { name: 'JSON for EC2', code: 'APS005', json: true, text: '⟦{⟧"version": 0.0, "os": "linux"}' },
  { name: 'missing version', code: 'APS010', text: '⟦⟧os: linux\n', fix: 'Add version: 0.0', after: /^version: 0\.0\nos: linux/ },
  { name: 'version 1.0', code: 'APS011', text: 'version: ⟦1.0⟧\nos: linux\n', fix: 'Use version 0.0' },
  {
    name: 'version 1 in an ECS AppSpec (only the reference forbids it)',
    code: 'APS011',
    severity: 'warning',
    json: true,
    text: '{"version": ⟦1⟧, "Resources": [{"TargetService": {"Type": "AWS::ECS::Service", "Properties": {"TaskDefinition": "<TASK_DEFINITION>", "LoadBalancerInfo": {"ContainerName": "web", "ContainerPort": 80}}}}]}',
    fix: 'Use version 0.0',
  },
  { name: "quoted '0.0' on EC2", code: 'APS012', text: "version: ⟦'0.0'⟧\nos: linux\n", fix: 'Unquote: version: 0.0' },
  { name: 'unknown key with suggestion', code: 'APS020', text: `${EC2}⟦file_exist_behavior⟧: OVERWRITE\n`, fix: 'Rename to "file_exists_behavior"' },
  { name: 'EC2 keys are lower-case', code: 'APS020', text: `version: 0.0\n⟦OS⟧: linux\n`, fix: 'Rename to "os"' },
  { name: 'files is a mapping', code: 'APS021', text: `${EC2}files:\n  ⟦source: /⟧\n` },
  { name: 'os value', code: 'APS022', text: 'version: 0.0\nos: ⟦ubuntu⟧\n' },
  { name: 'file_exists_behavior typo', code: 'APS022', text: `${EC2}file_exists_behavior: ⟦OVERWRIT⟧\n`, fix: 'Change to "OVERWRITE"' },
  { name: 'missing os', code: 'APS023', text: '⟦version⟧: 0.0\nfiles:\n  - source: /\n    destination: /srv\n' },
  { name: 'hook without location', code: 'APS023', text: `${EC2}hooks:\n  AfterInstall:\n    - ⟦timeout: 300⟧\n` },
  {
    name: 'two names in one resource item',
    code: 'APS024',
    text: `version: 0.0\nResources:\n  - a:\n      Type: AWS::Lambda::Function\n    ⟦b⟧:\n      Type: AWS::Lambda::Function\n`,
  },
  { name: 'unknown hook', code: 'APS030', text: `${EC2}hooks:\n  ⟦AfterInstal⟧:\n    - location: a.sh\n`, fix: 'Rename to "AfterInstall"' },
  { name: 'EC2 hook in a Lambda AppSpec', code: 'APS030', text: lambda(LAMBDA_OK, 'Hooks:\n  - ⟦BeforeInstall⟧: checkFunction\n') },
  { name: 'reserved hook', code: 'APS031', text: `${EC2}hooks:\n  ⟦Install⟧:\n    - location: a.sh\n`, fix: 'Move these scripts to "AfterInstall"' },
  { name: 'timeout zero', code: 'APS032', text: `${EC2}hooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: ⟦0⟧\n` },
  {
    name: 'timeout above 3600',
    code: 'APS032',
    text: `${EC2}hooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: ⟦4000⟧\n`,
    fix: 'Set the timeout to 3600',
  },
  {
    name: 'timeouts add up past 3600',
    code: 'APS033',
    text: `${EC2}hooks:\n  ⟦AfterInstall⟧:\n    - location: a.sh\n      timeout: 2000\n    - location: b.sh\n      timeout: 2000\n`,
  },
  {
    name: 'runas on Windows (ignored by the agent)',
    code: 'APS034',
    severity: 'warning',
    text: 'version: 0.0\nos: windows\nhooks:\n  AfterInstall:\n    - location: a.ps1\n      ⟦runas⟧: admin\n',
  },
  { name: 'permissions on Windows', code: 'APS034', text: 'version: 0.0\nos: windows\n⟦permissions⟧:\n  - object: C:\\app\n' },
  { name: 'relative destination', code: 'APS035', text: `${EC2}files:\n  - source: /\n    destination: ⟦var/www⟧\n` },
  { name: 'unquoted 0755', code: 'APS036', text: `${EC2}permissions:\n  - object: /srv\n    mode: ⟦0755⟧\n`, fix: 'Quote the mode: "0755"' },
  { name: 'symbolic mode', code: 'APS036', text: `${EC2}permissions:\n  - object: /srv\n    mode: ⟦u+x⟧\n` },
  {
    name: 'two Lambda resources',
    code: 'APS040',
    text: `version: 0.0\n⟦Resources⟧:\n  - a:\n      Type: AWS::Lambda::Function\n      Properties:\n${LAMBDA_OK.replace(/^ {8}/gm, '        ')}  - b:\n      Type: AWS::Lambda::Function\n      Properties:\n${LAMBDA_OK}`,
  },
  {
    name: '$LATEST as a version',
    code: 'APS041',
    text: lambda('        Name: orders\n        Alias: live\n        CurrentVersion: ⟦$LATEST⟧\n        TargetVersion: 2\n'),
  },
  {
    name: 'same versions',
    code: 'APS041',
    severity: 'warning',
    text: lambda('        Name: orders\n        Alias: live\n        CurrentVersion: 3\n        TargetVersion: ⟦3⟧\n'),
  },
  { name: 'task definition name (a tool may fill it in)', code: 'APS042', severity: 'warning', text: ecs(`        TaskDefinition: ⟦web-task⟧\n${ECS_LB}`) },
  { name: 'platform version', code: 'APS047', text: ecs(`        TaskDefinition: <TASK_DEFINITION>\n${ECS_LB}        PlatformVersion: ⟦1.4⟧\n`) },
  {
    name: 'quoted container port',
    code: 'APS043',
    severity: 'warning',
    text: ecs(`        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: ⟦"80"⟧\n`),
    fix: 'Write 80 without quotes',
  },
  {
    name: 'container port out of range',
    code: 'APS043',
    text: ecs(`        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: ⟦70000⟧\n`),
  },
  {
    name: 'malformed task definition ARN',
    code: 'APS042',
    text: ecs(`        TaskDefinition: ⟦arn:aws:ecs:us-east-1:1234:task-definition/web:3⟧\n${ECS_LB}`),
  },
  { name: 'placeholder task definition', code: 'APS048', severity: undefined, text: ecs(`        TaskDefinition: ⟦"<TASK_ARN>"⟧\n${ECS_LB}`) },
  {
    name: 'placeholder container port',
    code: 'APS048',
    text: ecs(
      `        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: ⟦<CONTAINER_PORT>⟧\n`,
    ),
  },
  { name: 'placeholder hook function', code: 'APS048', text: lambda(LAMBDA_OK, 'Hooks:\n  - BeforeAllowTraffic: ⟦"<VALIDATION_FUNCTION>"⟧\n') },
  {
    name: 'overwrite under files (ignored by the agent)',
    code: 'APS020',
    severity: 'warning',
    text: `${EC2}files:\n  - source: /\n    destination: /srv\n    ⟦overwrite⟧: yes\n`,
    fix: 'Remove overwrite',
    after: /destination: \/srv\n$/,
  },
  { name: 'NUL in a value', code: 'APS001', text: `${EC2}files:\n  - source: /\n    destination: /srv⟦\u0000⟧\n` },
  {
    name: 'incomplete awsvpc configuration',
    code: 'APS044',
    text: ecs(
      `        TaskDefinition: <TASK_DEFINITION>\n${ECS_LB}        NetworkConfiguration:\n          ⟦AwsvpcConfiguration⟧:\n            Subnets: [subnet-1]\n`,
    ),
  },
  {
    name: 'two capacity providers with a base',
    code: 'APS045',
    text: ecs(
      `        TaskDefinition: <TASK_DEFINITION>\n${ECS_LB}        ⟦CapacityProviderStrategy⟧:\n          - CapacityProvider: FARGATE\n            Base: 1\n            Weight: 1\n          - CapacityProvider: FARGATE_SPOT\n            Base: 1\n            Weight: 1\n`,
    ),
  },
  { name: 'hook function name', code: 'APS046', text: lambda(LAMBDA_OK, 'Hooks:\n  - BeforeAllowTraffic: ⟦bad name!⟧\n') },
];

describe('AppSpec rules: each rule reports the exact text', () => {
  for (const c of CASES) {
    test(`${c.code} ${c.name}`, () => {
      const { text, range } = markers(c.text);
      assert.ok(range, 'case has a ⟦range⟧');
      const all = findings(text, c.json);
      const matching = all.filter((f) => f.code === c.code);
      assert.ok(matching.length > 0, `expected ${c.code}, got ${JSON.stringify(all.map((f) => [f.code, f.message]))}`);
      const finding = matching.find((f) => JSON.stringify(f.range) === JSON.stringify(range));
      assert.ok(finding, `range ${JSON.stringify(range)} not among ${JSON.stringify(matching.map((f) => f.range))}`);
      assert.equal(finding.severity, c.severity, 'severity');
      // A value that is a placeholder gets that one finding, whatever else would be said about it.
      if (c.code === 'APS048') assert.equal(all.filter((f) => JSON.stringify(f.range) === JSON.stringify(range)).length, 1, JSON.stringify(all));
      if (!c.fix) return;
      const fix = finding.fixes?.find((f) => f.title === c.fix);
      assert.ok(fix, `fix "${c.fix}" not among ${JSON.stringify(finding.fixes?.map((f) => f.title))}`);
      const fixed = applyEdits(text, fix.edits);
      if (c.after) assert.match(fixed, c.after);
      assert.equal(findings(fixed, c.json).filter((f) => f.code === c.code).length, 0, `still ${c.code} after the fix:\n${fixed}`);
    });
  }
});

describe('one finding per hook item', () => {
  test('an unknown event is the one problem of its item: its function is not checked on top', () => {
    const all = findings(lambda(LAMBDA_OK, 'Hooks:\n  - LifeCycleEvent: ""\n'));
    assert.deepEqual(
      all.map((f) => f.code),
      ['APS030'],
    );
  });
});

describe('AppSpecs recognised by their content', () => {
  const analyse = (text: string) => analyzeAppSpec(TextDocument.create('file:///ws/appspec.json', 'json', 1, text), true);
  test('a JSON file named appspec.json with none of the AppSpec keys is given up', () => {
    assert.equal(analyse('{"name": "widget", "license": "MIT", "keywords": ["a"], "settings": {"x": 1}}'), undefined);
    assert.equal(analyse('[1, 2, 3]'), undefined);
    assert.equal(analyse('{}'), undefined);
  });
  test('any AppSpec key, in any case, keeps it an AppSpec (with its problems reported)', () => {
    assert.ok(analyse('{"Resources": []}'));
    assert.ok(analyse('{"hooks": {}}'));
    assert.ok(analyse('{"version": 1}'));
  });
  test('broken or empty JSON stays an AppSpec: its syntax is what is reported', () => {
    assert.deepEqual(
      analyse('{"name": ')!.findings.map((f) => f.code),
      ['APS001', 'APS001'],
    );
    assert.deepEqual(
      analyse('')!.findings.map((f) => f.code),
      ['APS001'],
    );
  });
});

describe('platform detection', () => {
  const platformOf = (text: string, json = false) => analysed(text, json).platform;
  test('from the content', () => {
    assert.equal(platformOf(`${EC2}files: []\n`), 'ec2');
    assert.equal(platformOf(lambda(LAMBDA_OK)), 'lambda');
    assert.equal(platformOf(ecs(`        TaskDefinition: <TASK_DEFINITION>\n${ECS_LB}`)), 'ecs');
  });
  test('a comment overrides it', () => {
    assert.equal(platformOf(`# aws-study-hints: platform=ecs\n${EC2}`), 'ecs');
  });
  test('valid AppSpecs of each platform have no findings', () => {
    assert.deepEqual(
      findings(
        lambda(
          LAMBDA_OK,
          'Hooks:\n  - BeforeAllowTraffic: CodeDeployHook_pre\n  - AfterAllowTraffic: arn:aws:lambda:us-east-1:123456789012:function:post:live\n',
        ),
      ).map((f) => f.message),
      [],
    );
    assert.deepEqual(
      findings(ecs(`        TaskDefinition: arn:aws:ecs:us-east-1:123456789012:task-definition/web:3\n${ECS_LB}        PlatformVersion: LATEST\n`)).map(
        (f) => f.message,
      ),
      [],
    );
  });
});
