// Makes a repository of N files (default 10,000) as large organisations keep them: IAM policies
// (managed-style and customer, some with mistakes, some large), buildspecs, AppSpecs (YAML and JSON),
// CloudFormation/SAM templates (YAML, and CDK's cdk.out JSON), study notes and unrelated JSON, in
// team/service folders. Deterministic for a given --seed.
//
//   node bench/generate-repo.mjs [--files 10000] [--out DIR] [--seed 1]   → prints the folder
//
// The fixtures of test/fixtures/ supply the buildspecs, AppSpecs and templates (valid and invalid),
// so the repository exercises the same rules as the tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const ACTIONS = {
  s3: ['GetObject', 'PutObject', 'DeleteObject', 'ListBucket', 'GetBucketLocation', 'GetObjects', 'Get*', 'List*'],
  ec2: ['DescribeInstances', 'StartInstances', 'StopInstances', 'RunInstances', 'Describe*', 'CreateTags'],
  dynamodb: ['GetItem', 'PutItem', 'Query', 'Scan', 'BatchWriteItem', 'UpdateItem'],
  lambda: ['InvokeFunction', 'GetFunction', 'UpdateFunctionCode', 'CreateFunction'],
  iam: ['PassRole', 'GetRole', 'ListRoles', 'CreateRole', 'AttachRolePolicy'],
  kms: ['Decrypt', 'Encrypt', 'GenerateDataKey', 'DescribeKey'],
  sqs: ['SendMessage', 'ReceiveMessage', 'DeleteMessage', 'GetQueueAttributes'],
  logs: ['CreateLogGroup', 'CreateLogStream', 'PutLogEvents'],
};
const RESOURCES = {
  s3: ['arn:aws:s3:::example-bucket', 'arn:aws:s3:::example-bucket/*'],
  ec2: ['*'],
  dynamodb: ['arn:aws:dynamodb:eu-west-1:123456789012:table/Orders'],
  lambda: ['arn:aws:lambda:eu-west-1:123456789012:function:orders-*'],
  iam: ['arn:aws:iam::123456789012:role/app-*', '*'],
  kms: ['arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
  sqs: ['arn:aws:sqs:eu-west-1:123456789012:orders'],
  logs: ['arn:aws:logs:eu-west-1:123456789012:log-group:/app/*'],
};
const SERVICES = Object.keys(ACTIONS);

function fixtures(kind, pattern) {
  const texts = [];
  for (const sub of ['valid', 'invalid']) {
    const dir = path.join(root, 'test', 'fixtures', kind, sub);
    for (const name of fs.readdirSync(dir).sort()) if (pattern.test(name)) texts.push(fs.readFileSync(path.join(dir, name), 'utf8'));
  }
  return texts;
}

export function generateRepo({ files = 10_000, out, seed = 1 } = {}) {
  const random = prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const dir = out ?? fs.mkdtempSync(path.join(os.tmpdir(), 'aws-study-hints-repo-'));
  const buildspecs = fixtures('buildspec', /\.ya?ml$/);
  const appspecsYaml = fixtures('appspec', /\.ya?ml$/);
  const appspecsJson = fixtures('appspec', /\.json$/);
  const templatesYaml = fixtures('template', /\.ya?ml$/);
  const templatesJson = fixtures('template', /\.json$/);

  const statement = (i) => {
    const service = pick(SERVICES);
    const actions = Array.from({ length: 1 + Math.floor(random() * 4) }, () => `${service}:${pick(ACTIONS[service])}`);
    const s = { Sid: `S${i}`, Effect: random() < 0.97 ? 'Allow' : 'allow', Action: actions.length === 1 ? actions[0] : actions, Resource: RESOURCES[service] };
    if (random() < 0.2) s.Condition = { StringEquals: { 'aws:PrincipalTag/team': 'blue' } };
    return s;
  };
  const policy = () => {
    // Mostly small; one in 200 is large (a few hundred statements), as managed policies can be.
    const count = random() < 0.005 ? 200 + Math.floor(random() * 400) : 1 + Math.floor(random() * 8);
    return `${JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: count }, (_, i) => statement(i)) }, null, 2)}\n`;
  };
  const note = (i) => `# Notes ${i}\n\n- SQS max message retention is ${random() < 0.1 ? 21 : 14} days\n- Lambda timeout is 15 minutes\n`;

  const counts = { policy: 0, buildspec: 0, appspec: 0, template: 0, notes: 0, other: 0 };
  for (let i = 0; i < files; i++) {
    const folder = path.join(dir, `team-${String(i % 40).padStart(2, '0')}`, `service-${String(Math.floor(i / 40) % 50).padStart(2, '0')}`, `unit-${i}`);
    fs.mkdirSync(folder, { recursive: true });
    const r = random();
    if (r < 0.57) {
      fs.writeFileSync(path.join(folder, `policy-${i}.json`), policy());
      counts.policy++;
    } else if (r < 0.62) {
      if (random() < 0.75) fs.writeFileSync(path.join(folder, 'template.yaml'), pick(templatesYaml));
      else {
        fs.mkdirSync(path.join(folder, 'cdk.out'));
        fs.writeFileSync(path.join(folder, 'cdk.out', `Stack${i}.template.json`), pick(templatesJson));
      }
      counts.template++;
    } else if (r < 0.77) {
      fs.writeFileSync(path.join(folder, 'buildspec.yml'), pick(buildspecs));
      counts.buildspec++;
    } else if (r < 0.87) {
      if (random() < 0.7) fs.writeFileSync(path.join(folder, 'appspec.yml'), pick(appspecsYaml));
      else fs.writeFileSync(path.join(folder, 'appspec.json'), pick(appspecsJson));
      counts.appspec++;
    } else if (r < 0.95) {
      fs.writeFileSync(path.join(folder, `notes-${i}.md`), note(i));
      counts.notes++;
    } else {
      fs.writeFileSync(path.join(folder, `config-${i}.json`), `${JSON.stringify({ name: `unit-${i}`, version: '1.0.0', settings: { a: i } }, null, 2)}\n`);
      counts.other++;
    }
  }
  return { dir, counts };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { files: { type: 'string', default: '10000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
  const { dir, counts } = generateRepo({ files: Number(values.files), out: values.out, seed: Number(values.seed) });
  console.error(`generated ${values.files} files: ${JSON.stringify(counts)}`);
  console.log(dir);
}
