import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { decodeText } from '../../server/src/service/common/decode';
import { templateTexts } from './templateGenerators';

/**
 * fast-check generators for every document kind the service reads, plus generic mutations.
 * A generated case is plain data (kind + text) so that a failing one can be written to
 * test/fuzz/found/ as JSON and replayed as it was.
 */

export type FuzzKind = 'policy' | 'buildspec' | 'appspec-yaml' | 'appspec-json' | 'template-yaml' | 'template-json' | 'notes';

export interface FuzzCase {
  readonly kind: FuzzKind;
  readonly text: string;
}

/** The file name and language the service is shown, which decide the document kind it claims. */
export function documentShape(kind: FuzzKind): { name: string; languageId: string } {
  switch (kind) {
    case 'policy':
      return { name: 'policy.json', languageId: 'json' };
    case 'buildspec':
      return { name: 'buildspec.yml', languageId: 'yaml' };
    case 'appspec-yaml':
      return { name: 'appspec.yml', languageId: 'yaml' };
    case 'appspec-json':
      return { name: 'appspec.json', languageId: 'json' };
    case 'template-yaml':
      return { name: 'template.yaml', languageId: 'yaml' };
    case 'template-json':
      return { name: 'Stack.template.json', languageId: 'json' };
    case 'notes':
      return { name: 'aws.md', languageId: 'markdown' };
  }
}

// ---------------------------------------------------------------------------------------------
// Seeds: the repository's own fixtures (valid and invalid), so mutations start from realistic text.

const FIXTURES = path.join(__dirname, '..', 'fixtures');

function fixtureTexts(folder: string, pattern: RegExp): string[] {
  const texts: string[] = [];
  for (const sub of ['valid', 'invalid']) {
    const dir = path.join(FIXTURES, folder, sub);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) if (pattern.test(name)) texts.push(fs.readFileSync(path.join(dir, name), 'utf8'));
  }
  return texts;
}

export const SAMPLES: Record<FuzzKind, readonly string[]> = {
  policy: fixtureTexts('iam', /\.json$/),
  buildspec: fixtureTexts('buildspec', /\.ya?ml$/),
  'appspec-yaml': fixtureTexts('appspec', /\.ya?ml$/),
  'appspec-json': fixtureTexts('appspec', /\.json$/),
  'template-yaml': fixtureTexts('template', /\.ya?ml$/),
  'template-json': fixtureTexts('template', /\.json$/),
  notes: [
    '# SQS\n\n- Max message retention is 14 days\n- Visibility timeout up to 12 hours\n',
    '## Lambda\n\n* timeout upto 15min, memory 128MB to 10GB\n* 1,000 concurrent executions\n',
    'S3 objects up to 5 TB; multipart from 100 MB.\n\n## IAM\n\niam:PassRole lets a service assume a role.\n',
  ],
};

// ---------------------------------------------------------------------------------------------
// Structured generators: documents built from the vocabulary the rules look at.

const ACTIONS = [
  's3:GetObject',
  's3:Get*',
  's3:GetObjects',
  'ec2:*',
  '*',
  'iam:PassRole',
  'sts:AssumeRole',
  'kms:Decrypt',
  'dynamodb:Query',
  'S3:getobject',
  'foo:Bar',
  '',
];
const RESOURCES = [
  '*',
  'arn:aws:s3:::bucket',
  'arn:aws:s3:::bucket/${aws:username}/*',
  'arn:aws:iam::123456789012:role/x',
  'arn:aws:s3::bucket',
  'not-an-arn',
  '',
];
const PRINCIPALS = [
  '*',
  { AWS: '123456789012' },
  { Service: 'lambda.amazonaws.com' },
  { Federated: 'cognito-identity.amazonaws.com' },
  { AWS: ['arn:aws:iam::1:root'] },
  'x',
];
const OPERATORS = ['StringEquals', 'StringLike', 'StringEqualz', 'Bool', 'IpAddress', 'ForAllValues:StringEquals', 'Null', 'BoolIfExists', 'NumericLessThan'];
const KEYS = [
  'aws:SourceIp',
  'aws:MultiFactorAuthPresent',
  's3:prefix',
  'aws:PrincipalTag/team',
  'ec2:Region',
  'token.actions.githubusercontent.com:sub',
  'x:y',
];
const SCALARS = fc.oneof(fc.constantFrom('true', 'false', '10.0.0.0/8', '*', '${aws:username}', ''), fc.integer(), fc.boolean());

const oneOrMany = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.array(arb, { maxLength: 4 }));

const condition = fc.dictionary(fc.constantFrom(...OPERATORS), fc.dictionary(fc.constantFrom(...KEYS), oneOrMany(SCALARS), { maxKeys: 2 }), { maxKeys: 2 });

const statement = fc.record(
  {
    Sid: fc.oneof(fc.constantFrom('Read', 'Read', 'bad sid!'), fc.string({ maxLength: 8 })),
    Effect: fc.constantFrom('Allow', 'Deny', 'allow', 'Permit'),
    Action: oneOrMany(fc.constantFrom(...ACTIONS)),
    NotAction: oneOrMany(fc.constantFrom(...ACTIONS)),
    Resource: oneOrMany(fc.constantFrom(...RESOURCES)),
    NotResource: fc.constantFrom(...RESOURCES),
    Principal: fc.constantFrom(...PRINCIPALS),
    Condition: condition,
    Unknown: SCALARS,
  },
  { requiredKeys: ['Effect'] },
);

const policyObject = fc.record(
  {
    Version: fc.constantFrom('2012-10-17', '2008-10-17', '2012-10-18'),
    Id: fc.string({ maxLength: 6 }),
    Statement: fc.oneof({ weight: 4, arbitrary: fc.array(statement, { maxLength: 5 }) }, statement),
  },
  { requiredKeys: ['Statement'] },
);

const INDENTS = fc.constantFrom<string | number | undefined>(undefined, 2, 4, '\t');

/** A policy as people write it: valid or not in its content, but always with a Statement. */
export const policyText = fc.tuple(policyObject, INDENTS).map(([object, indent]) => JSON.stringify(object, null, indent));

const { json: templateJsonText, yaml: templateYamlText } = templateTexts(policyObject, INDENTS);

const yamlScalar = fc.oneof(
  fc.constantFrom('make', 'npm test', 'echo "hi"', 'true', '0.2', '"0.2"', '~', 'null', '|', '>-', '&a x', '*a', "'x'", '{a: 1}', '[1, 2]', 'aws s3 cp a b'),
  fc.string({ maxLength: 10 }).map((s) => JSON.stringify(s)),
);
const yamlLeaf = fc.oneof(
  yamlScalar,
  fc.array(yamlScalar, { maxLength: 3 }).map((items) => items.map((i) => `\n      - ${i}`).join('')),
);

function yamlBlock(keys: readonly string[], leafIndent: string): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fc.constantFrom(...keys), yamlLeaf), { maxLength: 4 })
    .map((entries) => entries.map(([key, leaf]) => `${leafIndent}${key}: ${leaf.replaceAll('\n      ', `\n${leafIndent}  `)}`).join('\n'));
}

const PHASES = ['install', 'pre_build', 'build', 'post_build', 'bogus'];
/** A buildspec: version, env, phases with commands, artifacts, cache, and the odd unknown key. */
export const buildspecText = fc
  .record({
    version: fc.constantFrom('0.2', '0.1', '"0.2"', '0.3', '2'),
    env: yamlBlock(['variables', 'parameter-store', 'secrets-manager', 'shell', 'exported-variables', 'git-credential-helper'], '  '),
    phases: fc.array(fc.tuple(fc.constantFrom(...PHASES), yamlBlock(['commands', 'runtime-versions', 'finally', 'on-failure', 'run-as'], '    ')), {
      maxLength: 4,
    }),
    artifacts: yamlBlock(['files', 'name', 'discard-paths', 'base-directory', 'secondary-artifacts'], '  '),
    extra: yamlBlock(['cache', 'reports', 'batch', 'run-as', 'unknown'], ''),
  })
  .map(
    (b) =>
      `version: ${b.version}\nenv:\n${b.env}\nphases:\n${b.phases.map(([name, body]) => `  ${name}:\n${body}`).join('\n')}\nartifacts:\n${b.artifacts}\n${b.extra}\n`,
  );

const HOOKS = ['BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService', 'BeforeAllowTraffic', 'AfterAllowTraffic', 'DownloadBundle', 'Bogus'];
const appspecObject = fc.record(
  {
    version: fc.constantFrom<unknown>(0.0, '0.0', 1, 'x'),
    os: fc.constantFrom('linux', 'windows', 'mac'),
    files: fc.array(fc.record({ source: fc.constantFrom('/', 'app', ''), destination: fc.constantFrom('/var/www', 'rel', 'C:\\x') }), { maxLength: 2 }),
    hooks: fc.oneof(
      fc.dictionary(
        fc.constantFrom(...HOOKS),
        fc.array(fc.record({ location: fc.constantFrom('scripts/a.sh', ''), timeout: fc.constantFrom(30, 3601, -1, '300') }), { maxLength: 2 }),
        {
          maxKeys: 3,
        },
      ),
      fc.array(fc.dictionary(fc.constantFrom(...HOOKS), fc.constantFrom('LambdaFn', 'arn:aws:lambda:us-east-1:1:function:f', '')), { maxLength: 3 }),
    ),
    Resources: fc.array(
      fc.dictionary(
        fc.constantFrom('myFn', 'TargetService'),
        fc.record({
          Type: fc.constantFrom('AWS::Lambda::Function', 'AWS::ECS::Service', 'x'),
          Properties: fc.record(
            {
              Name: fc.constantFrom('fn', ''),
              Alias: fc.constantFrom('live'),
              CurrentVersion: fc.constantFrom('1', 'x', 2),
              TargetVersion: fc.constantFrom('2', '$LATEST'),
              TaskDefinition: fc.constantFrom('<TASK_DEFINITION>', 'arn:aws:ecs:us-east-1:1:task-definition/t:1', 'bad'),
              LoadBalancerInfo: fc.record({ ContainerName: fc.constantFrom('web'), ContainerPort: fc.constantFrom(80, 0, 70000, '80') }),
            },
            { requiredKeys: [] },
          ),
        }),
        { maxKeys: 2 },
      ),
      { maxLength: 2 },
    ),
  },
  { requiredKeys: ['version'] },
);

/** AppSpecs as YAML written by hand (block style through the `yaml` printer's cousin: JSON is valid YAML flow). */
export const appspecJsonText = fc.tuple(appspecObject, INDENTS).map(([object, indent]) => JSON.stringify(object, null, indent));
export const appspecYamlText = appspecObject.map((object) => toBlockYaml(object, ''));

/** A tiny block-style YAML printer: enough to make AppSpecs look hand-written (keys, lists, scalars). */
function toBlockYaml(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return value.map((item) => `\n${indent}- ${toBlockYaml(item, `${indent}  `).replace(/^\n\s*/, '')}`).join('');
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const body = entries.map(([key, item]) => `${indent}${key}: ${toBlockYaml(item, `${indent}  `)}`).join('\n');
    return indent === '' ? body : `\n${body}`;
  }
  return typeof value === 'string' ? (/^[\w/.:<>$-]+$/.test(value) ? value : JSON.stringify(value)) : String(value);
}

const NOTE_LINES = [
  '- SQS max message retention is 21 days',
  '- Lambda timeout is 15 minutes',
  '* gp2 bursts to 3,000 IOPS; io2 64k IOPS',
  'S3 standard durability is 99.999999999%',
  '## DynamoDB',
  '# Lambda',
  '  - memory 128MB to 10GB',
  '| Service | Limit |\n|---|---|\n| SQS | 256 KB |',
  '```\ncode 15 min\n```',
  'Route 53 health checks: 18 of the health checks pass',
  'FSx backup retention 90 days',
  '',
];
export const notesText = fc.array(fc.oneof(fc.constantFrom(...NOTE_LINES), fc.string({ maxLength: 30 })), { maxLength: 12 }).map((lines) => lines.join('\n'));

// ---------------------------------------------------------------------------------------------
// Generic mutations, applied to generated text or to a fixture.

const HOSTILE = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ',',
  ':',
  '\\',
  '\u0000',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\ud800',
  '\ufeff',
  'é',
  '&a ',
  '*a',
  '<<: *a',
  '- ',
  '#',
  '%YAML 1.2\n---\n',
  '---\n',
  '...\n',
  '!!str ',
];

type Mutation = (text: string) => fc.Arbitrary<string>;

const truncate: Mutation = (text) => fc.nat({ max: text.length }).map((cut) => text.slice(0, cut));
const splice: Mutation = (text) =>
  fc
    .array(fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 8 }), fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 4 }))), {
      minLength: 1,
      maxLength: 5,
    })
    .map((edits) =>
      edits.reduce((acc, [at, remove, insert]) => acc.slice(0, Math.min(at, acc.length)) + insert + acc.slice(Math.min(at, acc.length) + remove), text),
    );
/** Random bytes inserted and the result decoded as the CLI reads files: invalid UTF-8 becomes U+FFFD. */
const bytes: Mutation = (text) =>
  fc.tuple(fc.nat({ max: text.length }), fc.uint8Array({ minLength: 1, maxLength: 16 })).map(([at, raw]) => {
    const encoded = Buffer.from(text, 'utf8');
    const cut = Math.min(at, encoded.length);
    return decodeText(Buffer.concat([encoded.subarray(0, cut), raw, encoded.subarray(cut)]));
  });
const lineEndings: Mutation = (text) =>
  fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 4 }).map((ends) => {
    let i = 0;
    return text.replace(/\r\n|\r|\n/g, () => ends[i++ % ends.length]!);
  });
/** Deep nesting spliced in: the depth is bounded so that a bounded run stays fast, yet beyond every parser's comfort. */
const nest: Mutation = (text) =>
  fc
    .tuple(fc.nat({ max: text.length }), fc.constantFrom('[', '{"a":', '- ', '  ', '{a: ', '[['), fc.integer({ min: 50, max: 5000 }), fc.boolean())
    .map(([at, open, depth, close]) => {
      const closer = open.startsWith('[') ? ']' : open.startsWith('{') ? '}' : '';
      return text.slice(0, at) + open.repeat(depth) + (close ? closer.repeat(depth) : '') + text.slice(at);
    });
/** A long string (up to 200 kB here; the long campaign reaches the issue's 10 MB through FUZZ_LONG). */
const longString: Mutation = (text) =>
  fc
    .tuple(fc.nat({ max: text.length }), fc.constantFrom('a', 'é', '\\u0041', '*', ' ', 's3:'), fc.integer({ min: 1000, max: longStringMax() }))
    .map(([at, unit, count]) => text.slice(0, at) + unit.repeat(Math.ceil(count / unit.length)) + text.slice(at));
/** YAML anchors and aliases, including a billion-laughs style expansion and a merge key. */
const aliases: Mutation = (text) =>
  fc.constantFrom(
    `${text}\nx: &a [1, 2]\ny: *a\n`,
    `a: &a ["l","l","l","l","l","l","l","l","l"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n${text}`,
    text.replace(/\n/, '\nbase: &base\n  k: v\nmerged:\n  <<: *base\n'),
    text.replace(/: /, ': *undefined '),
    `&anchor ${text}`,
  );

function longStringMax(): number {
  const configured = Number(process.env.FUZZ_LONG);
  return Number.isFinite(configured) && configured > 1000 ? configured : 200_000;
}

export function mutated(text: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: truncate(text) },
    { weight: 4, arbitrary: splice(text) },
    { weight: 2, arbitrary: bytes(text) },
    { weight: 2, arbitrary: lineEndings(text) },
    { weight: 1, arbitrary: nest(text) },
    { weight: 1, arbitrary: longString(text) },
    { weight: 1, arbitrary: aliases(text) },
  );
}

const GENERATED: Record<FuzzKind, fc.Arbitrary<string>> = {
  policy: policyText,
  buildspec: buildspecText,
  'appspec-yaml': appspecYamlText,
  'appspec-json': appspecJsonText,
  'template-yaml': templateYamlText,
  'template-json': templateJsonText,
  notes: notesText,
};

/** A document of `kind`: generated, a fixture, or either of them mutated. */
export function documentOf(kind: FuzzKind): fc.Arbitrary<FuzzCase> {
  const samples = SAMPLES[kind].length > 0 ? fc.constantFrom(...SAMPLES[kind]) : GENERATED[kind];
  const base = fc.oneof(GENERATED[kind], samples);
  return fc
    .oneof({ weight: 2, arbitrary: base }, { weight: 3, arbitrary: base.chain(mutated) }, { weight: 1, arbitrary: base.chain(mutated).chain(mutated) })
    .map((text) => ({ kind, text }));
}

export const ALL_KINDS: readonly FuzzKind[] = ['policy', 'buildspec', 'appspec-yaml', 'appspec-json', 'template-yaml', 'template-json', 'notes'];

/** Any kind of document, hostile or not. */
export const anyDocument: fc.Arbitrary<FuzzCase> = fc.oneof(...ALL_KINDS.map(documentOf));
