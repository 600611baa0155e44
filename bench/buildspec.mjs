// Buildspec section of the benchmark: keystroke → diagnostics on a realistic ~300-line buildspec,
// in our server (dist/server.js, pull diagnostics) and in yaml-language-server (node_modules,
// push diagnostics) driven by a JSON Schema generated from the same spec.json
// (scripts/buildspec-schema.mjs). `bench/bench.mjs` runs it after its own section; it also runs
// alone: `node bench/buildspec.mjs` (after `npm run build`). A report, not a test: exits 0.
//
//   (e) our server: didChange (one character, incremental) → textDocument/diagnostic response
//   (f) yaml-language-server: didChange → textDocument/publishDiagnostics for that document
//   then the ratio, and what each finds in a copy of the file with deliberate mistakes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PublishDiagnosticsNotification } from 'vscode-languageserver-protocol/node.js';
import { loadBuildspecJsonSchema } from '../scripts/buildspec-schema.mjs';
import { LspClient, REPO_ROOT as root, SERVER_EXEC_ARGV, EDITOR_TRANSPORT, SERVER_PATH as SERVER } from '../test/support/lspClient.mjs';
import { poll } from '../test/support/poll.mjs';

const YAML_LS = path.join(root, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const WORKSPACE = { uri: 'file:///bench', name: 'bench' };
const EDITS = 200;
const WARM_UP = 10;
const TARGET_MS = 10;
const DEADLINE_MS = 10_000;
/** yaml-language-server waits this long after a change before it validates (yamlSettings.validationDelayMs). */
const YAML_LS_DEBOUNCE_MS = 200;

const now = () => process.hrtime.bigint();
const ms = (start, end = now()) => Number(end - start) / 1e6;
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}
const fmt = (value) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : 'n/a');

/** Polls `condition` every millisecond until it holds (see test/support/poll.mjs); rejects with `what` after DEADLINE_MS. */
const until = (what, condition) => poll(what, condition, { timeoutMs: DEADLINE_MS, intervalMs: 1 });

// ---------------------------------------------------------------------------------------------
// Documents

const VARIABLES = {
  APP_NAME: 'orders-service',
  SERVICE_OWNER: 'platform-team',
  NODE_ENV: 'production',
  LOG_LEVEL: 'info',
  AWS_DEFAULT_REGION: 'eu-west-1',
  ECR_REGISTRY: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
  ECR_REPOSITORY: 'orders-service',
  ARTIFACT_BUCKET: 'orders-build-artifacts',
  CLOUDFRONT_DISTRIBUTION: 'E2QWRUHAPOMQZL',
  STACK_NAME: 'orders-service-prod',
  PYTHONUNBUFFERED: '"1"',
  PIP_DISABLE_PIP_VERSION_CHECK: '"1"',
  MAVEN_OPTS: '"-Xmx2g -Dmaven.repo.local=/root/.m2/repository"',
  TF_IN_AUTOMATION: '"true"',
  SONAR_HOST_URL: 'https://sonarcloud.io',
  SLACK_CHANNEL: '"#deployments"',
};
const PARAMETERS = {
  DB_PASSWORD: '/orders/prod/db/password',
  DB_USER: '/orders/prod/db/user',
  NPM_TOKEN: '/ci/npm/token',
  SONAR_TOKEN: '/ci/sonar/token',
  SLACK_WEBHOOK_URL: '/ci/slack/webhook-url',
  DATADOG_API_KEY: '/ci/datadog/api-key',
};

const INSTALL = [
  'echo "Installing build tools on $(uname -a)"',
  'n=0; until [ $n -ge 3 ]; do apt-get update -y && break; n=$((n+1)); sleep 5; done',
  'apt-get install -y --no-install-recommends jq zip unzip shellcheck',
  'curl -sSL -o /tmp/terraform.zip https://releases.hashicorp.com/terraform/1.9.5/terraform_1.9.5_linux_amd64.zip',
  'unzip -o /tmp/terraform.zip -d /usr/local/bin && terraform -version',
  'curl -sSL -o /usr/local/bin/hadolint https://github.com/hadolint/hadolint/releases/download/v2.12.0/hadolint-Linux-x86_64',
  'chmod +x /usr/local/bin/hadolint',
  'npm config set //registry.npmjs.org/:_authToken "${NPM_TOKEN}"',
  'npm install -g npm@10 pnpm@9 aws-cdk@2',
  'pip install --upgrade pip setuptools wheel',
  'pip install -r requirements-dev.txt',
  'pip install awscli-local cfn-lint checkov',
  'java -version && mvn -version',
  'node --version && npm --version && pnpm --version',
  'python --version && pip --version',
  'aws --version',
  'docker --version',
];
const PRE_BUILD = [
  'echo "Pre-build started on $(date)"',
  'export BUILD_VERSION="$(date +%Y%m%d).${CODEBUILD_BUILD_NUMBER}"',
  'export IMAGE_TAG="$(echo ${CODEBUILD_RESOLVED_SOURCE_VERSION} | cut -c 1-8)"',
  'echo "Building ${APP_NAME} ${BUILD_VERSION} (${IMAGE_TAG})"',
  'aws ecr get-login-password --region ${AWS_DEFAULT_REGION} | docker login --username AWS --password-stdin ${ECR_REGISTRY}',
  'pnpm install --frozen-lockfile',
  'pip install -r requirements.txt -t build/python',
  'mvn -B -q dependency:go-offline',
  'pnpm run lint',
  'pnpm run typecheck',
  'shellcheck scripts/*.sh',
  'hadolint Dockerfile',
  'cfn-lint templates/*.yml',
  'checkov -d infrastructure --quiet --compact',
  'terraform -chdir=infrastructure init -input=false -backend-config=backend/prod.hcl',
  'terraform -chdir=infrastructure validate',
  'python -m flake8 lambdas',
  'python -m mypy lambdas',
];
const BUILD = [
  'echo "Build started on $(date)"',
  'pnpm run test -- --ci --reporters=default --reporters=jest-junit',
  'pnpm run build',
  'python -m pytest lambdas --junitxml=reports/junit/pytest.xml --cov=lambdas --cov-report=xml:reports/coverage/coverage.xml',
  'mvn -B package -DskipTests=false',
  'docker build --pull -t ${ECR_REGISTRY}/${ECR_REPOSITORY}:${IMAGE_TAG} --build-arg BUILD_VERSION=${BUILD_VERSION} .',
  'docker tag ${ECR_REGISTRY}/${ECR_REPOSITORY}:${IMAGE_TAG} ${ECR_REGISTRY}/${ECR_REPOSITORY}:latest',
  'cdk synth --all --output cdk.out',
  'terraform -chdir=infrastructure plan -input=false -out=tfplan',
  'mkdir -p dist/lambda && cp -r build/python/* dist/lambda/',
  'cd dist/lambda && zip -qr ../orders-lambda.zip . && cd -',
  'sha256sum dist/orders-lambda.zip > dist/orders-lambda.zip.sha256',
  'aws cloudformation package --template-file templates/api.yml --s3-bucket ${ARTIFACT_BUCKET} --output-template-file dist/api-packaged.yml',
];
const POST_BUILD = [
  'echo "Post-build started on $(date)"',
  'if [ "${CODEBUILD_BUILD_SUCCEEDING}" = "0" ]; then echo "Build failed, skipping publish"; exit 1; fi',
  'docker push ${ECR_REGISTRY}/${ECR_REPOSITORY}:${IMAGE_TAG}',
  'docker push ${ECR_REGISTRY}/${ECR_REPOSITORY}:latest',
  'printf \'[{"name":"%s","imageUri":"%s"}]\' ${APP_NAME} ${ECR_REGISTRY}/${ECR_REPOSITORY}:${IMAGE_TAG} > imagedefinitions.json',
  'aws s3 cp dist/orders-lambda.zip s3://${ARTIFACT_BUCKET}/lambda/${BUILD_VERSION}/orders-lambda.zip',
  'aws s3 sync dist/web s3://${ARTIFACT_BUCKET}/web/${BUILD_VERSION} --delete',
  'aws cloudfront create-invalidation --distribution-id ${CLOUDFRONT_DISTRIBUTION} --paths "/*"',
  'terraform -chdir=infrastructure show -no-color tfplan > dist/tfplan.txt',
  // Quoted, as people must: an unquoted ": " would make this command a YAML mapping.
  `'curl -s -X POST -H "Content-type: application/json" --data "{\\"text\\":\\"\${APP_NAME} \${BUILD_VERSION} built\\"}" "\${SLACK_WEBHOOK_URL}"'`,
];

const numbered = (count, prefix, make) => Array.from({ length: count }, (_, i) => make(i, `${prefix}${String(i + 1).padStart(2, '0')}`));
const list = (indent, items) => items.map((item) => `${' '.repeat(indent)}- ${item}`);

/** A realistic buildspec of about 300 lines; every command is a plain (unquoted) or single-quoted string. */
export function realisticBuildspec() {
  const lines = ['version: 0.2', '', 'run-as: root', '', 'env:', '  shell: bash', '  variables:'];
  for (const [name, value] of Object.entries(VARIABLES)) lines.push(`    ${name}: ${value}`);
  lines.push('  parameter-store:');
  for (const [name, value] of Object.entries(PARAMETERS)) lines.push(`    ${name}: ${value}`);
  lines.push('  secrets-manager:', '    GITHUB_APP_KEY: ci/github-app:private-key', '    DOCKERHUB_PASSWORD: ci/dockerhub:password:AWSCURRENT');
  lines.push('  exported-variables:', ...list(4, ['IMAGE_TAG', 'BUILD_VERSION', 'STACK_NAME']));
  lines.push('  git-credential-helper: yes', '');
  lines.push('batch:', '  fast-fail: false', '  build-graph:');
  const graph = [
    ['lint', [], 'BUILD_GENERAL1_SMALL'],
    ['unit_tests', ['lint'], 'BUILD_GENERAL1_MEDIUM'],
    ['integration_tests', ['lint'], 'BUILD_GENERAL1_LARGE'],
    ['package', ['unit_tests', 'integration_tests'], 'BUILD_GENERAL1_MEDIUM'],
    ['deploy_staging', ['package'], 'BUILD_GENERAL1_SMALL'],
  ];
  for (const [identifier, dependsOn, computeType] of graph) {
    lines.push(
      `    - identifier: ${identifier}`,
      `      buildspec: ci/${identifier}.yml`,
      '      env:',
      `        compute-type: ${computeType}`,
      '        image: aws/codebuild/amazonlinux2-x86_64-standard:5.0',
      '        variables:',
      `          STAGE: ${identifier}`,
    );
    if (dependsOn.length > 0) lines.push('      depend-on:', ...list(8, dependsOn));
    lines.push(`      ignore-failure: ${identifier === 'integration_tests' ? 'true' : 'false'}`);
  }
  lines.push('', 'phases:', '  install:', '    runtime-versions:', '      nodejs: 20', '      python: "3.12"', '      java: corretto21', '    commands:');
  lines.push(
    ...list(6, INSTALL),
    ...list(
      6,
      numbered(6, 'tool', (i, id) => `echo "Checking tool ${id}" && command -v ${['jq', 'zip', 'terraform', 'hadolint', 'pnpm', 'cdk'][i]}`),
    ),
  );
  lines.push('    finally:', ...list(6, ['echo "Install phase finished on $(date)"']));
  lines.push('  pre_build:', '    on-failure: ABORT', '    commands:', ...list(6, PRE_BUILD));
  lines.push(
    ...list(
      6,
      numbered(20, 'check', (_i, id) => `test -f config/${id}.json && jq empty config/${id}.json || echo "config ${id} missing, using defaults"`),
    ),
  );
  lines.push('    finally:', ...list(6, ['echo "Pre-build phase finished on $(date)"']));
  lines.push('  build:', '    on-failure: ABORT', '    commands:', ...list(6, BUILD));
  lines.push(
    ...list(
      6,
      numbered(34, 'module', (i, id) => `pnpm --filter ./packages/${id} run build --if-present && echo "Built package ${id} step ${i + 1} of 34"`),
    ),
  );
  lines.push('    finally:', ...list(6, ['echo "Build phase finished on $(date)"', 'ls -la dist']));
  lines.push('  post_build:', '    commands:', ...list(6, POST_BUILD));
  lines.push(
    ...list(
      6,
      numbered(
        18,
        'region',
        (i, id) => `echo "Publishing release notes ${id} for ${APP_NAMES[i % APP_NAMES.length]} to ${['eu-west-1', 'eu-central-1', 'us-east-1'][i % 3]}"`,
      ),
    ),
  );
  lines.push('    finally:', ...list(6, ['echo "Post-build phase finished on $(date)"']));
  lines.push('', 'reports:');
  lines.push(
    '  jest-reports:',
    '    files:',
    ...list(6, ["'junit.xml'", "'**/junit-*.xml'"]),
    '    base-directory: reports/jest',
    '    discard-paths: no',
    '    file-format: JUNITXML',
  );
  lines.push('  pytest-reports:', '    files:', ...list(6, ['pytest.xml']), '    base-directory: reports/junit', '    file-format: JUNITXML');
  lines.push('  coverage-reports:', '    files:', ...list(6, ['coverage.xml']), '    base-directory: reports/coverage', '    file-format: COBERTURAXML');
  lines.push('', 'artifacts:', '  files:', ...list(4, ['imagedefinitions.json', "'dist/**/*'", "'templates/**/*'"]));
  lines.push('  name: orders-service-$(date +%Y-%m-%d)', '  discard-paths: no', '  exclude-paths:', ...list(4, ["'**/*.map'", "'**/node_modules/**/*'"]));
  lines.push('  enable-symlinks: no', '  s3-prefix: builds', '  secondary-artifacts:');
  lines.push(
    '    lambda_bundle:',
    '      files:',
    ...list(8, ['orders-lambda.zip', 'orders-lambda.zip.sha256']),
    '      base-directory: dist',
    '      discard-paths: yes',
  );
  lines.push(
    '    cfn_templates:',
    '      files:',
    ...list(8, ['api-packaged.yml', "'nested/**/*'"]),
    '      base-directory: dist',
    '      name: cfn-$(date +%Y%m%d)',
  );
  lines.push(
    '    terraform_plan:',
    '      files:',
    ...list(8, ['tfplan', 'tfplan.txt']),
    "      exclude-paths: '**/*.tmp'",
    '      base-directory: infrastructure',
  );
  lines.push('', 'cache:', '  key: pnpm-$(codebuild-hash-files pnpm-lock.yaml)', '  fallback-keys:', ...list(4, ['pnpm-', 'pnpm']), '  paths:');
  lines.push(...list(4, ["'/root/.local/share/pnpm/store/**/*'", "'/root/.m2/**/*'", "'/root/.cache/pip/**/*'", "'node_modules/**/*'"]));
  return `${lines.join('\n')}\n`;
}
const APP_NAMES = ['orders-api', 'orders-worker', 'orders-web', 'orders-reports'];

/**
 * The realistic buildspec with deliberate mistakes, each with the lines where a diagnostic for it
 * belongs. `schema` says whether the JSON Schema can express the mistake at all.
 */
export function mistakesBuildspec() {
  const lines = realisticBuildspec().split('\n');
  const mistakes = [];
  const at = (predicate, what) => {
    const index = lines.findIndex(predicate);
    if (index < 0) throw new Error(`mistakes document: no line for ${what}`);
    return index;
  };
  /** Replaces `remove` lines at `index` by `inserted`; earlier mistakes' lines move along. */
  const edit = (label, schema, index, remove, inserted) => {
    lines.splice(index, remove, ...inserted);
    const shift = inserted.length - remove;
    for (const m of mistakes) m.lines = m.lines.map((l) => (l >= index + remove ? l + shift : l));
    mistakes.push({ label, schema, lines: [index, index + Math.max(1, inserted.length) - 1] });
  };
  const replace = (label, schema, predicate, make) => {
    const index = at(predicate, label);
    edit(label, schema, index, 1, [make(lines[index])]);
  };
  const insertAfter = (label, schema, predicate, inserted) => edit(label, schema, at(predicate, label) + 1, 0, inserted);
  // Structure the schema can express.
  insertAfter('unknown key in a phase (timeout-in-minutes)', true, (l) => l === '  build:', ['    timeout-in-minutes: 30']);
  replace(
    'invalid on-failure value (STOP)',
    true,
    (l) => l === '    on-failure: ABORT',
    (l) => l.replace('ABORT', 'STOP'),
  );
  replace(
    'invalid boolean (discard-paths: maybe)',
    true,
    (l) => l === '    discard-paths: no',
    (l) => l.replace('no', 'maybe'),
  );
  // files: coverage.xml instead of a list with that one item.
  edit('single value where a list is needed (files)', true, at((l) => l === '  coverage-reports:', 'coverage-reports') + 1, 2, ['    files: coverage.xml']);
  replace(
    'unquoted ": " turns a command into a mapping',
    true,
    (l) => l.includes('echo "Build started on $(date)"'),
    () => '      - echo Build status: started',
  );
  insertAfter('0.1 key in a 0.2 buildspec (environment_variables)', true, (l) => l === 'run-as: root', [
    'environment_variables:',
    '  plaintext:',
    '    LEGACY: "1"',
  ]);
  insertAfter('runtime-versions outside install', true, (l) => l === '  pre_build:', ['    runtime-versions:', '      nodejs: 20']);
  // Rules on top of the structure, which a schema cannot express.
  replace(
    'unknown runtime (nodjs)',
    false,
    (l) => l === '      nodejs: 20',
    (l) => l.replace('nodejs', 'nodjs'),
  );
  replace(
    'unquoted python: 3.10 (read as 3.1)',
    false,
    (l) => l === '      python: "3.12"',
    () => '      python: 3.10',
  );
  replace(
    'reserved CODEBUILD_ variable name',
    false,
    (l) => l.startsWith('    SERVICE_OWNER:'),
    () => '    CODEBUILD_OWNER: platform-team',
  );
  replace(
    'plain-text secret in env.variables',
    false,
    (l) => l.startsWith('    SONAR_HOST_URL:'),
    () => '    SONAR_TOKEN_VALUE: squ_4f1c0a9e8b7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b',
  );
  replace(
    'exported AWS_ variable',
    false,
    (l) => l === '    - STACK_NAME',
    () => '    - AWS_REGION',
  );
  replace(
    'malformed secrets-manager reference',
    false,
    (l) => l.startsWith('    DOCKERHUB_PASSWORD:'),
    () => '    DOCKERHUB_PASSWORD: ci/dockerhub:password:AWSCURRENT:v1:extra',
  );
  replace(
    'duplicate batch identifier',
    false,
    (l) => l === '    - identifier: deploy_staging',
    () => '    - identifier: package',
  );
  replace(
    'depend-on an unknown identifier',
    false,
    (l) => l === '        - integration_tests',
    () => '        - integration_test',
  );
  return { text: lines.join('\n'), mistakes };
}

/** Positions of lower-case letters inside command strings: where the benchmark "types". */
function editablePositions(text) {
  const positions = [];
  text.split('\n').forEach((line, lineNumber) => {
    const match = /^(\s+- )(echo|pnpm|test) /.exec(line);
    if (!match) return;
    for (let c = match[1].length + 6; c < line.length - 1; c += 7) if (/[a-z]/.test(line[c])) positions.push({ line: lineNumber, character: c });
  });
  return positions;
}

/** The i-th keystroke: replaces one lower-case letter of a command with another. */
function keystroke(lines, positions, i) {
  const { line, character } = positions[(i * 37) % positions.length];
  const old = lines[line][character];
  const next = String.fromCharCode(97 + ((old.charCodeAt(0) - 97 + 1 + (i % 5)) % 26));
  lines[line] = lines[line].slice(0, character) + next + lines[line].slice(character + 1);
  return { range: { start: { line, character }, end: { line, character: character + 1 } }, text: next };
}

// ---------------------------------------------------------------------------------------------
// Servers, both driven by the shared test client (test/support/lspClient.mjs)

/** Our server, launched the way the VS Code client launches it (its Node options, SERVER_EXEC_ARGV). */
const startOurs = () =>
  LspClient.start({ execArgv: SERVER_EXEC_ARGV, transport: EDITOR_TRANSPORT, workspaceFolders: [WORKSPACE], settings: { awsStudyHints: {} } });

/** yaml-language-server, configured through workspace/configuration with the generated schema for buildspec*.yml. */
async function startYamlLs(schemaUri) {
  const settings = {
    yaml: {
      schemas: { [schemaUri]: ['buildspec*.yml', '/**/buildspec*.yml'] },
      validate: true,
      format: { enable: false },
      hover: true,
      completion: true,
      schemaStore: { enable: false },
    },
    http: { proxy: '', proxyStrictSSL: false },
  };
  const server = await LspClient.start({
    serverArgs: [YAML_LS, '--node-ipc'],
    transport: EDITOR_TRANSPORT,
    pullDiagnostics: false,
    workspaceFolders: [WORKSPACE],
    settings,
  });
  try {
    await until('yaml-language-server to ask for its configuration', () => server.configurationRequests.length > 0);
  } catch (error) {
    server.dispose();
    throw error;
  }
  return server;
}

/** Every publishDiagnostics `server` sent so far, in order of arrival, with its arrival time `at`. */
const published = (server) => server.notifications.filter((n) => n.method === PublishDiagnosticsNotification.method).map((n) => ({ at: n.at, ...n.params }));

/** The first publishDiagnostics for `uri` after index `from` of `published(server)` (and of `version` when the server sends one). */
const nextPublish = (server, uri, from, version, what, accept = () => true) =>
  until(what, () =>
    published(server)
      .slice(from)
      .find((p) => p.uri === uri && (p.version === undefined || version === undefined || p.version === version) && accept(p)),
  );

/** Orderly shutdown, the process killed if it does not end within 3 s; never throws. */
const stopServer = async (server) => server?.shutdown(3_000).catch(() => undefined);

// ---------------------------------------------------------------------------------------------
// Measurements

const UNKNOWN_KEY = 'not-a-buildspec-key';

/** 200 one-character edits of command strings, each timed didChange → diagnostics of that version. */
async function measure(text, edit) {
  const lines = text.split('\n');
  const positions = editablePositions(text);
  if (positions.length < 50) throw new Error(`only ${positions.length} editable positions in the buildspec`);
  const times = [];
  const counts = new Map();
  for (let i = 0; i < WARM_UP + EDITS; i++) {
    const change = keystroke(lines, positions, i);
    const { elapsed, count } = await edit(change);
    if (i >= WARM_UP) {
      times.push(elapsed);
      counts.set(count, (counts.get(count) ?? 0) + 1);
    }
  }
  return { times, counts, text: lines.join('\n') };
}

async function measureOurs(server, text) {
  const uri = 'file:///bench/buildspec.yml';
  await server.open(uri, 'yaml', text);
  const initial = await server.pullDiagnostics(uri);
  const status = await server.status(uri);
  if (status.documentType !== 'buildspec') throw new Error(`our server does not treat ${uri} as a buildspec (${status.documentType})`);
  const result = await measure(text, async (change) => {
    const start = now();
    await server.change(uri, [change]);
    const items = await server.pullDiagnostics(uri);
    return { elapsed: ms(start), count: items.length };
  });
  const analysis = (await server.status(uri)).elapsedMs;
  return { ...result, initial, analysis };
}

async function measureTheirs(server, text) {
  const uri = 'file:///bench/buildspec.yml';
  // Proof that the schema is in use: an unknown top-level key must be reported before anything is measured.
  const probe = text.replace('\nrun-as: root\n', `\nrun-as: root\n${UNKNOWN_KEY}: 1\n`);
  const probeLine = probe.split('\n').indexOf(`${UNKNOWN_KEY}: 1`);
  const onProbeLine = (p) => p.diagnostics.some((d) => d.range.start.line === probeLine);
  let from = published(server).length;
  await server.open(uri, 'yaml', probe);
  const probed = await nextPublish(server, uri, from, undefined, `a diagnostic for "${UNKNOWN_KEY}" from yaml-language-server`, onProbeLine);
  const probeMessage = probed.diagnostics.find((d) => d.range.start.line === probeLine).message;
  // Back to the clean text (a full change); stale publishes of the probe are skipped.
  from = published(server).length;
  const cleanVersion = await server.change(uri, [{ text }]);
  const clean = await nextPublish(server, uri, from, cleanVersion, 'diagnostics of the clean buildspec', (p) => !onProbeLine(p));
  const before = published(server).length;
  const result = await measure(text, async (change) => {
    const index = published(server).length;
    const start = now();
    const v = await server.change(uri, [change]);
    const publish = await nextPublish(server, uri, index, v, `publishDiagnostics for version ${v}`);
    return { elapsed: ms(start, publish.at), count: publish.diagnostics.length };
  });
  const publishes = published(server)
    .slice(before)
    .filter((p) => p.uri === uri).length;
  return { ...result, initial: clean.diagnostics, probeMessage, publishes };
}

/** Diagnostics each server gives the copy with deliberate mistakes, and which mistakes they cover. */
async function compareFindings(ours, theirs) {
  const { text, mistakes } = mistakesBuildspec();
  const uri = 'file:///bench/buildspec_mistakes.yml';
  await ours.open(uri, 'yaml', text);
  const ourItems = await ours.pullDiagnostics(uri);
  const from = published(theirs).length;
  await theirs.open(uri, 'yaml', text);
  const theirItems = (await nextPublish(theirs, uri, from, 1, 'diagnostics of the buildspec with mistakes')).diagnostics;
  const covers = (items, m) => items.some((d) => d.range.start.line <= m.lines[1] && d.range.end.line >= m.lines[0]);
  const found = (items) => mistakes.filter((m) => covers(items, m));
  const stray = (items) => items.filter((d) => !mistakes.some((m) => d.range.start.line <= m.lines[1] && d.range.end.line >= m.lines[0]));
  return {
    mistakes,
    ours: { items: ourItems, found: found(ourItems), stray: stray(ourItems) },
    theirs: { items: theirItems, found: found(theirItems), stray: stray(theirItems) },
  };
}

// ---------------------------------------------------------------------------------------------

const byCode = (items) => {
  const counts = new Map();
  for (const d of items) counts.set(d.code ?? d.source ?? '?', (counts.get(d.code ?? d.source ?? '?') ?? 0) + 1);
  return [...counts].map(([code, n]) => (n > 1 ? `${code}×${n}` : code)).join(', ');
};
/** p99 of the first 50 measured edits and of the rest: shows how much of the tail is the JIT still warming up. */
const phases = (times, offset = 0) =>
  `edits 1–50 p99 ${fmt(percentile(times.slice(0, 50), 99) - offset)} ms, edits 51–${times.length} p99 ${fmt(percentile(times.slice(50), 99) - offset)} ms`;
const countsText = (counts) => [...counts].map(([count, n]) => `${count} diagnostics ×${n}`).join(', ');

function printTable(rows, log) {
  const headers = { measure: 'Measure', value: 'Measured', target: 'Target', verdict: '', detail: 'Detail' };
  const columns = Object.keys(headers);
  const width = Object.fromEntries(columns.map((c) => [c, Math.max(headers[c].length, ...rows.map((r) => r[c].length))]));
  const line = (r) =>
    columns
      .map((c) => r[c].padEnd(width[c]))
      .join('  ')
      .trimEnd();
  log(line(headers));
  log(columns.map((c) => '-'.repeat(width[c])).join('  '));
  for (const r of rows) log(line(r));
}

/** Runs the buildspec section and prints it. Never throws. */
export async function run({ log = console.log } = {}) {
  const rows = [];
  const row = (measure, value, target, ok, detail = '') => rows.push({ measure, value, target, verdict: ok === undefined ? '' : ok ? 'ok' : 'MISSED', detail });
  const notes = [];
  const text = realisticBuildspec();
  const lineCount = text.split('\n').length - 1;
  log(
    `Buildspec: keystroke → diagnostics on a generated ${lineCount}-line buildspec (${EDITS} one-character edits of command strings after ${WARM_UP} warm-up edits)\n`,
  );

  if (!fs.existsSync(SERVER)) {
    log(`${path.relative(root, SERVER)} not found: run \`npm run build\` (or \`npm run bench\`).`);
    return;
  }
  let tmp;
  let ours;
  let theirs;
  let ourResult;
  let theirResult;
  try {
    try {
      ours = await startOurs();
      ourResult = await measureOurs(ours, text);
      const p99 = percentile(ourResult.times, 99);
      row(
        '(e) ours: didChange → pulled diagnostics',
        `p50 ${fmt(percentile(ourResult.times, 50))} ms / p99 ${fmt(p99)} ms`,
        `p99 ≤ ${TARGET_MS} ms`,
        p99 <= TARGET_MS,
        `max ${fmt(Math.max(...ourResult.times))} ms; ${phases(ourResult.times)}; ${countsText(ourResult.counts)}; last analysis ${fmt(ourResult.analysis)} ms in the server`,
      );
      if (ourResult.initial.length > 0)
        notes.push(
          `our server reports ${ourResult.initial.length} diagnostics on the clean buildspec: ${ourResult.initial.map((d) => `${d.code} line ${d.range.start.line + 1}: ${d.message}`).join('; ')}`,
        );
    } catch (error) {
      row('(e) ours: didChange → pulled diagnostics', 'failed', `p99 ≤ ${TARGET_MS} ms`, false, String(error?.message ?? error));
    }

    if (!fs.existsSync(YAML_LS)) {
      row('(f) yaml-language-server: didChange → published', 'skipped', '—', undefined, 'node_modules/yaml-language-server not installed (npm install)');
    } else {
      try {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-study-hints-bench-'));
        const schemaPath = path.join(tmp, 'buildspec.schema.json');
        fs.writeFileSync(schemaPath, JSON.stringify(loadBuildspecJsonSchema(), null, 2));
        theirs = await startYamlLs(pathToFileURL(schemaPath).href);
        theirResult = await measureTheirs(theirs, text);
        const p50 = percentile(theirResult.times, 50);
        const p99 = percentile(theirResult.times, 99);
        row(
          `(f) yaml-language-server ${theirs.initializeResult?.serverInfo?.version ?? 'unknown'}: didChange → published`,
          `p50 ${fmt(p50)} ms / p99 ${fmt(p99)} ms`,
          '—',
          undefined,
          `includes its ${YAML_LS_DEBOUNCE_MS} ms validation delay: p50 ${fmt(p50 - YAML_LS_DEBOUNCE_MS)} ms / p99 ${fmt(p99 - YAML_LS_DEBOUNCE_MS)} ms after it (${phases(theirResult.times, YAML_LS_DEBOUNCE_MS)}); ${countsText(theirResult.counts)}`,
        );
        notes.push(`yaml-language-server uses the generated schema: "${UNKNOWN_KEY}" was reported as “${theirResult.probeMessage.split('\n')[0]}”`);
        if (theirResult.initial.length > 0)
          notes.push(
            `yaml-language-server reports ${theirResult.initial.length} diagnostics on the clean buildspec: ${theirResult.initial.map((d) => `line ${d.range.start.line + 1}: ${d.message.split('\n')[0]}`).join('; ')}`,
          );
        if (theirResult.publishes !== WARM_UP + EDITS) notes.push(`yaml-language-server published ${theirResult.publishes} times for ${WARM_UP + EDITS} edits`);
      } catch (error) {
        row(
          '(f) yaml-language-server: didChange → published',
          'failed',
          '—',
          undefined,
          `${String(error?.message ?? error)}${theirs?.stderr.join('').trim() ? ` (stderr: ${theirs.stderr.join('').trim().slice(0, 300)})` : ''}`,
        );
      }
    }

    if (ourResult && theirResult) {
      const ratio = (p, offset = 0) => (percentile(theirResult.times, p) - offset) / percentile(ourResult.times, p);
      row(
        '(g) ratio yaml-language-server / ours',
        `p50 ${fmt(ratio(50))}× / p99 ${fmt(ratio(99))}×`,
        '—',
        undefined,
        `without its ${YAML_LS_DEBOUNCE_MS} ms delay: p50 ${fmt(ratio(50, YAML_LS_DEBOUNCE_MS))}× / p99 ${fmt(ratio(99, YAML_LS_DEBOUNCE_MS))}×`,
      );
    }

    if (ours && theirs && theirResult) {
      try {
        const c = await compareFindings(ours, theirs);
        const schemaMistakes = c.mistakes.filter((m) => m.schema).length;
        const missed = (side) => c.mistakes.filter((m) => !side.found.includes(m)).map((m) => m.label);
        const describe = (side) =>
          `${side.items.length} diagnostics, ${side.found.length}/${c.mistakes.length} mistakes found` +
          `${side.stray.length ? `, ${side.stray.length} elsewhere` : ''}`;
        row(
          `(h) ${c.mistakes.length} deliberate mistakes (${schemaMistakes} expressible in a schema)`,
          `ours ${c.ours.items.length} / yaml-ls ${c.theirs.items.length} diagnostics`,
          '—',
          undefined,
          `ours: ${describe(c.ours)} (${byCode(c.ours.items)}); yaml-language-server: ${describe(c.theirs)}`,
        );
        if (missed(c.ours).length) notes.push(`mistakes our server missed: ${missed(c.ours).join('; ')}`);
        if (missed(c.theirs).length) notes.push(`mistakes yaml-language-server missed: ${missed(c.theirs).join('; ')}`);
        const schemaMissed = c.mistakes.filter((m) => m.schema && !c.theirs.found.includes(m));
        if (schemaMissed.length) notes.push(`yaml-language-server missed mistakes the schema expresses: ${schemaMissed.map((m) => m.label).join('; ')}`);
        for (const d of c.ours.stray) notes.push(`ours, not at a deliberate mistake: line ${d.range.start.line + 1} ${d.code}: ${d.message}`);
        for (const d of c.theirs.stray)
          notes.push(`yaml-language-server, not at a deliberate mistake: line ${d.range.start.line + 1}: ${d.message.split('\n')[0]}`);
      } catch (error) {
        row('(h) deliberate mistakes', 'failed', '—', undefined, String(error?.message ?? error));
      }
    }
  } catch (error) {
    log(`buildspec benchmark failed: ${error?.stack ?? error}`);
  } finally {
    await Promise.all([stopServer(ours), stopServer(theirs)]);
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }

  printTable(rows, log);
  for (const note of notes) log(`  note: ${note}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  run()
    .catch((error) => console.error(`buildspec benchmark failed: ${error?.stack ?? error}`))
    .finally(() => process.exit(0));
}
