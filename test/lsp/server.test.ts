import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity, MarkupContent, type CodeAction, type Command, type Diagnostic, type Hover } from 'vscode-languageserver-protocol/node';
import { applyEdits, LspClient, positionAt, positionOf, waitFor } from './lspClient';

/**
 * End-to-end tests of the built language server (dist/server.js) through the protocol.
 * Run `npm run build` first.
 */

const TIMEOUT = { timeout: 60_000 };

const BAD_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "allow",
      "Action": "s3:GetObjects",
      "Resource": "arn:aws:s3:::example-bucket/*",
      "Condition": {
        "StringEqualz": { "aws:SourceIp": "203.0.113.0/24" }
      }
    }
  ]
}
`;

const GOOD_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadObjects",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:Get*"],
      "Resource": "arn:aws:s3:::example-bucket/*",
      "Condition": {
        "IpAddress": { "aws:SourceIp": "203.0.113.0/24" }
      }
    }
  ]
}
`;

const PRINCIPAL_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Deny",
      "Principal": { "AWS": "arn:aws:iam::123456789012:root" },
      "Action": "s3:DeleteBucket",
      "Resource": "*"
    }
  ]
}
`;

let nextId = 0;
const uniqueUri = (name = 'policy.json', dir = 'docs') => `file:///ws/${dir}/${++nextId}-${name}`;

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => String(d.code));
const byCode = (diagnostics: readonly Diagnostic[], code: string) => {
  const found = diagnostics.find((d) => d.code === code);
  assert.ok(found, `expected a ${code} diagnostic, got ${JSON.stringify(codes(diagnostics))}`);
  return found;
};
const isCodeAction = (a: CodeAction | Command): a is CodeAction => typeof (a as CodeAction).title === 'string' && !('command' in a && typeof a.command === 'string');

function hoverText(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents;
  if (MarkupContent.is(contents)) return contents.value;
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
  return contents.value;
}

describe('language server over stdio (pull diagnostics)', TIMEOUT, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client?.shutdown();
  });

  test('initialize advertises hover, completion, code actions and pull diagnostics', () => {
    const capabilities = client.initializeResult?.capabilities;
    assert.ok(capabilities);
    assert.equal(capabilities.hoverProvider, true);
    assert.ok(capabilities.completionProvider, 'completionProvider');
    assert.ok(capabilities.completionProvider.triggerCharacters?.includes('"'));
    assert.ok(capabilities.codeActionProvider, 'codeActionProvider');
    assert.ok(capabilities.diagnosticProvider, 'diagnosticProvider');
    assert.equal(client.initializeResult?.serverInfo?.name, 'aws-study-hints');
  });

  test('pulled diagnostics: IAM022, IAM042, IAM071 at their exact ranges', async () => {
    const uri = uniqueUri();
    await client.open(uri, 'json', BAD_POLICY);
    const diagnostics = await client.pullDiagnostics(uri);
    assert.deepEqual(codes(diagnostics).sort(), ['IAM022', 'IAM042', 'IAM071']);

    // "Effect": "allow" — the text between the quotes.
    assert.deepEqual(byCode(diagnostics, 'IAM022').range, { start: { line: 4, character: 17 }, end: { line: 4, character: 22 } });
    // "s3:GetObjects" — only the action name after the colon.
    assert.deepEqual(byCode(diagnostics, 'IAM042').range, { start: { line: 5, character: 20 }, end: { line: 5, character: 30 } });
    // "StringEqualz" — the whole key, quotes included.
    assert.deepEqual(byCode(diagnostics, 'IAM071').range, { start: { line: 8, character: 8 }, end: { line: 8, character: 22 } });

    for (const d of diagnostics) {
      assert.equal(d.severity, DiagnosticSeverity.Error);
      assert.equal(d.source, 'aws-study-hints');
    }
    assert.match(byCode(diagnostics, 'IAM042').message, /s3:GetObject/);
  });

  for (const [code, title] of [['IAM022', 'Change to "Allow"'], ['IAM042', 'Change to "s3:GetObject"'], ['IAM071', 'Change to "StringEquals"']] as const) {
    test(`code action ${title} fixes ${code}`, async () => {
      const uri = uniqueUri();
      await client.open(uri, 'json', BAD_POLICY);
      const diagnostics = await client.pullDiagnostics(uri);
      const diagnostic = byCode(diagnostics, code);
      const actions = (await client.codeActions(uri, diagnostic.range, diagnostics)).filter(isCodeAction);
      const action = actions.find((a) => a.title === title);
      assert.ok(action, `expected "${title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.equal(action.kind, 'quickfix');
      const edits = action.edit?.changes?.[uri];
      assert.ok(edits && edits.length > 0, 'the action carries a WorkspaceEdit for the document');

      const fixed = applyEdits(BAD_POLICY, edits);
      assert.notEqual(fixed, BAD_POLICY);
      JSON.parse(fixed); // still valid JSON
      await client.change(uri, fixed);
      const after = await client.pullDiagnostics(uri);
      assert.ok(!codes(after).includes(code), `${code} still reported after the fix: ${JSON.stringify(codes(after))}`);
    });
  }

  test('code actions computed for an older version are not offered', async () => {
    const uri = uniqueUri();
    await client.open(uri, 'json', BAD_POLICY);
    const stale = await client.pullDiagnostics(uri);
    await client.change(uri, BAD_POLICY.replace('"Version"', '"Version" '));
    const actions = await client.codeActions(uri, stale[0]!.range, stale);
    assert.deepEqual(actions, []);
  });

  test('after a didChange that fixes a problem, pulled diagnostics reflect the new version', async () => {
    const uri = uniqueUri();
    await client.open(uri, 'json', BAD_POLICY);
    assert.ok(codes(await client.pullDiagnostics(uri)).includes('IAM022'));

    const version = await client.change(uri, BAD_POLICY.replace('"allow"', '"Allow"'));
    assert.equal(version, 2);
    const diagnostics = await client.pullDiagnostics(uri);
    assert.deepEqual(codes(diagnostics).sort(), ['IAM042', 'IAM071']);
    for (const d of diagnostics) assert.equal((d.data as { version: number }).version, 2);

    // And back: a third version that breaks it again.
    await client.change(uri, BAD_POLICY);
    assert.ok(codes(await client.pullDiagnostics(uri)).includes('IAM022'));
  });

  test('hover on an action shows its access level and ARN template', async () => {
    const uri = uniqueUri();
    await client.open(uri, 'json', GOOD_POLICY);
    const text = hoverText(await client.hover(uri, positionOf(GOOD_POLICY, '"s3:GetObject"', 5)));
    assert.match(text, /Read/);
    assert.ok(text.includes('arn:${Partition}:s3:::${BucketName}/${ObjectName}'), text);
  });

  test('hover on a wildcard action says how many actions it matches', async () => {
    const uri = uniqueUri();
    await client.open(uri, 'json', GOOD_POLICY);
    const text = hoverText(await client.hover(uri, positionOf(GOOD_POLICY, '"s3:Get*"', 3)));
    const match = /matches (\d+) Amazon S3 actions?/.exec(text);
    assert.ok(match, text);
    const count = Number(match[1]);
    // Cross-check with completion, which lists every S3 action.
    const completionUri = uniqueUri();
    const source = GOOD_POLICY.replace('"s3:Get*"', '"s3:"');
    await client.open(completionUri, 'json', source);
    const items = await client.completion(completionUri, positionOf(source, '"s3:"', 4));
    const getActions = items.filter((i) => /^s3:get/i.test(i.label));
    assert.equal(count, getActions.length, `hover says ${count}, completion lists ${getActions.length} s3:Get* actions`);
    assert.ok(count > 10);
  });

  test('hover on a condition key and on the Effect key', async () => {
    const uri = uniqueUri();
    await client.open(uri, 'json', GOOD_POLICY);
    const keyText = hoverText(await client.hover(uri, positionOf(GOOD_POLICY, '"aws:SourceIp"', 4)));
    assert.match(keyText, /aws:SourceIp/);
    assert.match(keyText, /IPAddress/);

    const effectText = hoverText(await client.hover(uri, positionOf(GOOD_POLICY, '"Effect"', 2)));
    assert.match(effectText.replace(/\*/g, ''), /explicit deny/i);
  });

  test('hover outside any token returns null', async () => {
    const uri = uniqueUri();
    await client.open(uri, 'json', GOOD_POLICY);
    assert.equal(await client.hover(uri, { line: 0, character: 0 }), null);
  });

  test('completion of actions after "s3:Get inside an Action string', async () => {
    const uri = uniqueUri();
    const source = GOOD_POLICY.replace('["s3:GetObject", "s3:Get*"]', '"s3:Get"');
    await client.open(uri, 'json', source);
    const position = positionOf(source, '"s3:Get"', '"s3:Get'.length);
    const items = await client.completion(uri, position);
    const getObject = items.find((i) => i.label === 's3:GetObject');
    assert.ok(getObject, `s3:GetObject missing among ${items.length} items`);
    // The edit replaces the string's content, not the quotes.
    assert.ok(getObject.textEdit && 'range' in getObject.textEdit);
    assert.equal(getObject.textEdit.newText, 's3:GetObject');
    assert.deepEqual(getObject.textEdit.range.start, { line: position.line, character: position.character - 's3:Get'.length });
  });

  test('completion of actions in an unterminated string', async () => {
    const uri = uniqueUri();
    const source = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "s3:Get';
    await client.open(uri, 'json', source);
    const items = await client.completion(uri, positionOf(source, '"s3:Get', '"s3:Get'.length));
    assert.ok(items.some((i) => i.label === 's3:GetObject'), `s3:GetObject missing among ${items.length} items`);
  });

  test('completion at a statement key position offers Condition', async () => {
    const uri = uniqueUri();
    const source = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "*",
      ""
    }
  ]
}
`;
    await client.open(uri, 'json', source);
    const items = await client.completion(uri, positionOf(source, '""', 1));
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('Condition'), JSON.stringify(labels));
    // Elements already present are not offered again.
    assert.ok(!labels.includes('Effect'), JSON.stringify(labels));
  });

  test('completion at a condition operator position offers StringLike', async () => {
    const uri = uniqueUri();
    const source = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "*",
      "Condition": {
        "Str"
      }
    }
  ]
}
`;
    await client.open(uri, 'json', source);
    const items = await client.completion(uri, positionOf(source, '"Str"', 4));
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('StringLike'), JSON.stringify(labels.slice(0, 20)));
  });

  test('a non-policy JSON file gets no diagnostics and status "none"', async () => {
    const uri = uniqueUri('package.json');
    const text = JSON.stringify({
      name: 'demo', version: '1.0.0', scripts: { build: 'tsc' }, dependencies: { 'left-pad': '1.3.0' },
    }, null, 2);
    await client.open(uri, 'json', text);
    assert.deepEqual(await client.pullDiagnostics(uri), []);
    const status = await client.status(uri);
    assert.equal(status.documentType, 'none');
    assert.equal(await client.hover(uri, positionOf(text, '"name"', 2)), null);
  });

  test('status of a policy reports its type, kind and counts', async () => {
    const uri = uniqueUri();
    await client.open(uri, 'json', BAD_POLICY);
    const status = await client.status(uri);
    assert.equal(status.documentType, 'iam-policy');
    assert.equal(status.policyKind, 'identity');
    assert.equal(status.kindSource, 'inferred');
    assert.equal(status.statements, 1);
    assert.equal(status.problems, 3);
    assert.ok(status.catalogVersion.length > 0);
  });

  test('documents that are not open or were closed get empty results', async () => {
    const uri = uniqueUri();
    assert.deepEqual(await client.pullDiagnostics(uri), []);
    await client.open(uri, 'json', BAD_POLICY);
    assert.equal((await client.pullDiagnostics(uri)).length, 3);
    await client.close(uri);
    assert.deepEqual(await client.pullDiagnostics(uri), []);
    assert.equal((await client.status(uri)).documentType, 'none');
  });
});

describe('settings', TIMEOUT, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client?.shutdown();
  });

  test('per-rule severity follows awsStudyHints.rules after didChangeConfiguration', async () => {
    const uri = uniqueUri();
    await client.open(uri, 'json', BAD_POLICY);
    assert.equal(byCode(await client.pullDiagnostics(uri), 'IAM042').severity, DiagnosticSeverity.Error);
    const request = client.configurationRequests.at(-1);
    assert.deepEqual(request?.items.find((i) => i.scopeUri === uri), { scopeUri: uri, section: 'awsStudyHints' });

    const refreshesBefore = client.diagnosticRefreshes;
    await client.updateSettings({ awsStudyHints: { rules: { IAM042: 'off' } } });
    const off = await client.pullDiagnostics(uri);
    assert.ok(!codes(off).includes('IAM042'), JSON.stringify(codes(off)));
    assert.ok(codes(off).includes('IAM022'), 'other rules are unaffected');

    await client.updateSettings({ awsStudyHints: { rules: { IAM042: 'warning' } } });
    assert.equal(byCode(await client.pullDiagnostics(uri), 'IAM042').severity, DiagnosticSeverity.Warning);

    // Rule names work as well as codes.
    await client.updateSettings({ awsStudyHints: { rules: { 'invalid-effect': 'hint' } } });
    const named = await client.pullDiagnostics(uri);
    assert.equal(byCode(named, 'IAM022').severity, DiagnosticSeverity.Hint);
    assert.equal(byCode(named, 'IAM042').severity, DiagnosticSeverity.Error);

    // The server asks the client to re-pull after each configuration change.
    await client.waitForRefreshes(refreshesBefore + 3);

    await client.updateSettings({});
    assert.equal(byCode(await client.pullDiagnostics(uri), 'IAM042').severity, DiagnosticSeverity.Error);
  });

  test('policyKinds glob: a file under scp/ is an SCP, where Principal is not allowed', async () => {
    await client.updateSettings({ awsStudyHints: { iam: { policyKinds: { '**/scp/**': 'scp' } } } });
    const scpUri = 'file:///ws/scp/p.json';
    await client.open(scpUri, 'json', PRINCIPAL_POLICY);
    const status = await client.status(scpUri);
    assert.equal(status.documentType, 'iam-policy');
    assert.equal(status.policyKind, 'scp');
    assert.equal(status.kindSource, 'configured');
    const diagnostics = await client.pullDiagnostics(scpUri);
    const principal = byCode(diagnostics, 'IAM029');
    assert.equal(principal.range.start.line, 5);

    // The same content elsewhere is inferred from its content (a resource policy), without IAM029.
    const otherUri = 'file:///ws/other/p.json';
    await client.open(otherUri, 'json', PRINCIPAL_POLICY);
    const otherStatus = await client.status(otherUri);
    assert.equal(otherStatus.kindSource, 'inferred');
    assert.notEqual(otherStatus.policyKind, 'scp');
    assert.ok(!codes(await client.pullDiagnostics(otherUri)).includes('IAM029'));
  });
});

describe('robustness', TIMEOUT, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client?.shutdown();
  });

  /** After each hostile document the server must still answer an ordinary request correctly. */
  async function assertHealthy(): Promise<void> {
    assert.ok(client.alive, `server process died: ${client.stderr.join('')}`);
    const uri = uniqueUri('health.json');
    await client.open(uri, 'json', BAD_POLICY);
    assert.deepEqual(codes(await client.pullDiagnostics(uri)).sort(), ['IAM022', 'IAM042', 'IAM071']);
    await client.close(uri);
    assert.ok(client.alive);
  }

  async function exercise(name: string, languageId: string, text: string): Promise<Diagnostic[]> {
    const uri = uniqueUri(name);
    await client.open(uri, languageId, text);
    const diagnostics = await client.pullDiagnostics(uri);
    assert.ok(Array.isArray(diagnostics));
    // The other features answer too (a result or null, never an error or a hang).
    const end = positionAt(text, text.length);
    await client.hover(uri, end);
    await client.completion(uri, end);
    await client.hover(uri, { line: 0, character: 1 });
    await client.completion(uri, { line: 0, character: 1 });
    await client.status(uri);
    await client.close(uri);
    await assertHealthy();
    return diagnostics;
  }

  test('truncated JSON', async () => {
    const diagnostics = await exercise('truncated.json', 'json', BAD_POLICY.slice(0, BAD_POLICY.indexOf('"Resource"') + 5));
    assert.ok(codes(diagnostics).includes('IAM001'), JSON.stringify(codes(diagnostics)));
  });

  test('binary content with NUL bytes', async () => {
    const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    await exercise('binary.json', 'json', `{"Version": "2012-10-17", "Statement": [\u0000\u0000${bytes}\u0000]}`);
    await exercise('binary2.json', 'json', '\u0000'.repeat(1000));
  });

  test('100,000 nested [', async () => {
    const deep = await exercise('deep.json', 'json', `{"Version": "2012-10-17", "Statement": ${'['.repeat(100_000)}`);
    assert.deepEqual(codes(deep), ['IAM004']);
    await exercise('deep2.json', 'json', '['.repeat(100_000));
    await exercise('deep3.json', 'json', `{"Statement": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`);
  });

  test('a 5 MB generated policy', async () => {
    const statements: string[] = [];
    let size = 0;
    for (let i = 0; size < 5 * 1024 * 1024; i++) {
      const statement = JSON.stringify({
        Sid: `S${i}`,
        Effect: i % 97 === 0 ? 'allow' : 'Allow',
        Action: [`s3:GetObject`, `s3:PutObject`, i % 89 === 0 ? 's3:GetObjects' : 's3:ListBucket'],
        Resource: [`arn:aws:s3:::bucket-${i}`, `arn:aws:s3:::bucket-${i}/*`],
      });
      statements.push(statement);
      size += statement.length + 2;
    }
    const text = `{"Version": "2012-10-17", "Statement": [\n${statements.join(',\n')}\n]}`;
    assert.ok(text.length >= 5 * 1024 * 1024);
    const diagnostics = await exercise('huge.json', 'json', text);
    assert.ok(diagnostics.length > 0 && diagnostics.length <= 1001, `${diagnostics.length} diagnostics`);
    assert.ok(codes(diagnostics).includes('IAM022'));
  });

  test('invalid UTF-16 surrogates in strings', async () => {
    const text = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "\uD800\uD800x\uDC00",
      "Effect": "Allow\uDFFF",
      "Action": "s3:Get\uD83DObject",
      "Resource": "arn:aws:s3:::\\uD800bucket\\uDC00/*",
      "Condition": { "StringEquals\uDC00": { "aws:SourceIp\uD800": "\uD800" } }
    }
  ]
}`;
    const diagnostics = await exercise('surrogates.json', 'json', text);
    assert.ok(diagnostics.length > 0);
  });

  test('a YAML file gets no diagnostics', async () => {
    const yaml = `Version: "2012-10-17"\nStatement:\n  - Effect: allow\n    Action: s3:GetObjects\n    Resource: "*"\n`;
    const diagnostics = await exercise('policy.yaml', 'yaml', yaml);
    assert.deepEqual(diagnostics, []);
  });
});

describe('deeply nested policies', TIMEOUT, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { awsStudyHints: { iam: { policyKinds: { '**/scp/**': 'scp' } } } } });
  });
  after(async () => {
    await client?.shutdown();
  });

  // A valid, complete policy whose one condition value is nested 300 arrays deep (the limit is 256).
  const DEEP_POLICY = BAD_POLICY.replace('"203.0.113.0/24"', `${'['.repeat(300)}"203.0.113.0/24"${']'.repeat(300)}`);

  test('with a configured kind, a too-deep document gets IAM004', async () => {
    const uri = 'file:///ws/scp/deep.json';
    await client.open(uri, 'json', DEEP_POLICY);
    const diagnostics = await client.pullDiagnostics(uri);
    assert.deepEqual(codes(diagnostics), ['IAM004']);
    assert.deepEqual(byCode(diagnostics, 'IAM004').range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
    assert.equal((await client.status(uri)).documentType, 'iam-policy');
  });

  test('without a configured kind, a policy that is too deep is still reported (IAM004), not silently ignored', async () => {
    const uri = 'file:///ws/policies/deep.json';
    await client.open(uri, 'json', DEEP_POLICY);
    assert.equal((await client.status(uri)).documentType, 'iam-policy');
    assert.ok(codes(await client.pullDiagnostics(uri)).includes('IAM004'));
  });
});

describe('push diagnostics (client without pull capability)', TIMEOUT, () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ pullDiagnostics: false });
  });
  after(async () => {
    await client?.shutdown();
  });

  test('initialize does not advertise a diagnostic provider', () => {
    assert.equal(client.initializeResult?.capabilities.diagnosticProvider, undefined);
  });

  test('publishDiagnostics arrives for an opened bad policy, and again after a change', async () => {
    const uri = uniqueUri();
    await client.open(uri, 'json', BAD_POLICY);
    const published = await client.waitForPublishedDiagnostics(uri);
    assert.equal(published.version, 1);
    assert.deepEqual(codes(published.diagnostics).sort(), ['IAM022', 'IAM042', 'IAM071']);
    assert.deepEqual(byCode(published.diagnostics, 'IAM042').range, { start: { line: 5, character: 20 }, end: { line: 5, character: 30 } });

    await client.change(uri, BAD_POLICY.replace('"allow"', '"Allow"'));
    const second = await client.waitForPublishedDiagnostics(uri);
    assert.equal(second.version, 2);
    assert.deepEqual(codes(second.diagnostics).sort(), ['IAM042', 'IAM071']);

    // Closing clears the problems.
    await client.close(uri);
    await waitFor(() => client.publishedDiagnostics(uri)?.diagnostics.length === 0, 10_000, 'empty publishDiagnostics after close');
  });

  test('configuration changes re-publish open documents', async () => {
    const uri = uniqueUri();
    await client.open(uri, 'json', BAD_POLICY);
    await client.waitForPublishedDiagnostics(uri);
    const count = client.received('textDocument/publishDiagnostics').length;
    await client.updateSettings({ awsStudyHints: { rules: { IAM042: 'off' } } });
    const republished = await waitFor(() => {
      const all = client.received('textDocument/publishDiagnostics').slice(count) as { uri: string; diagnostics: Diagnostic[] }[];
      return all.find((p) => p.uri === uri);
    }, 10_000, 're-published diagnostics');
    assert.deepEqual(codes(republished.diagnostics).sort(), ['IAM022', 'IAM071']);
  });
});
