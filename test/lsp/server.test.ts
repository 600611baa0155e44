import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { DocumentStatusRequest } from '../../server/src/protocol';
import { applyEdits, DOCUMENT_STATUS_METHOD, LspClient, positionOf } from '../support/lspClient.mjs';
import { BAD_POLICY, GOOD_POLICY, TIMEOUT, byCode, codes, hoverText, isCodeAction, uniqueUri } from './shared';

/** End-to-end tests of the built language server (dist/server.js) through the protocol. Run `npm run build` first. */

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

  for (const [code, title] of [
    ['IAM022', 'Change to "Allow"'],
    ['IAM042', 'Change to "s3:GetObject"'],
    ['IAM071', 'Change to "StringEquals"'],
  ] as const) {
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
    assert.ok(
      items.some((i) => i.label === 's3:GetObject'),
      `s3:GetObject missing among ${items.length} items`,
    );
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
    const text = JSON.stringify(
      {
        name: 'demo',
        version: '1.0.0',
        scripts: { build: 'tsc' },
        dependencies: { 'left-pad': '1.3.0' },
      },
      null,
      2,
    );
    await client.open(uri, 'json', text);
    assert.deepEqual(await client.pullDiagnostics(uri), []);
    const status = await client.status(uri);
    assert.equal(status.documentType, 'none');
    assert.equal(await client.hover(uri, positionOf(text, '"name"', 2)), null);
  });

  test("the shared client asks for the status with the protocol's method", () => {
    // test/support/lspClient.mjs runs in plain node too, so it cannot import server/src/protocol.ts.
    assert.equal(DOCUMENT_STATUS_METHOD, DocumentStatusRequest.method);
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

describe("language server over Node's IPC channel (how VS Code's client starts it)", TIMEOUT, () => {
  test('the same diagnostics and hovers as over stdio', async () => {
    const client = await LspClient.start({ transport: 'ipc' });
    try {
      const uri = uniqueUri();
      await client.open(uri, 'json', BAD_POLICY);
      assert.deepEqual(codes(await client.pullDiagnostics(uri)).sort(), ['IAM022', 'IAM042', 'IAM071']);
      const hover = await client.hover(uri, positionOf(BAD_POLICY, '"Resource"', 2));
      assert.match(hoverText(hover), /Resource/);
    } finally {
      await client.shutdown();
    }
  });
});
