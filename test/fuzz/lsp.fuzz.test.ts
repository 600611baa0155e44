import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { Diagnostic, Position } from 'vscode-languageserver-protocol/node';
import { LspClient, positionAt } from '../support/lspClient.mjs';
import { BAD_POLICY } from '../lsp/shared';
import { poll } from '../support/poll.mjs';
import { ALL_KINDS, documentOf, documentShape, type FuzzCase } from './generators';

/**
 * The real server (dist/server.js --stdio) under fuzzed documents and requests at random, and
 * invalid, positions, with diagnostics whose data was tampered with and requests with broken
 * parameters: it must answer every request and stay alive; one failing request costs only itself.
 */

const SEED = 20261207;
const DOCUMENTS_PER_KIND = 12;

describe('fuzz: the server over LSP', { timeout: 120_000 }, () => {
  let client: LspClient;
  let n = 0;
  before(async () => {
    client = await LspClient.start({ settings: { awsStudyHints: { notes: { paths: ['/ws/notes'] } } } });
  });
  after(async () => {
    await client?.shutdown();
  });

  const uriOf = (fuzz: FuzzCase) => {
    const folder = fuzz.kind === 'notes' ? `notes/l${++n}` : `l${++n}`;
    return `file:///ws/${folder}/${documentShape(fuzz.kind).name}`;
  };

  /** Positions a client may send: inside the text, at its end, and beyond a line or the document. */
  function positionsFor(text: string, random: fc.Arbitrary<number>): Position[] {
    const offsets = fc.sample(random, { seed: text.length, numRuns: 6 }).map((r) => r % (text.length + 1));
    return [
      ...offsets.map((offset) => positionAt(text, offset)),
      positionAt(text, text.length),
      { line: 0, character: 100_000 },
      { line: 1_000_000, character: 0 },
    ];
  }

  /** Diagnostics a client might send back, changed on the way: fixes for the wrong version, nonsense ranges, odd data. */
  function tampered(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    const out: Diagnostic[] = [...diagnostics];
    for (const d of diagnostics.slice(0, 3)) {
      out.push({
        ...d,
        data: { version: 1, fixes: [{ title: 'x', edits: [{ range: { start: { line: 99, character: 0 }, end: { line: 0, character: 0 } }, newText: 'y' }] }] },
      });
      out.push({ ...d, data: { version: 'one', fixes: 'none' } });
      out.push({ ...d, data: null, range: { start: { line: -1, character: -1 }, end: { line: 2 ** 31, character: 0 } } });
    }
    return out;
  }

  for (const kind of ALL_KINDS) {
    test(`fuzzed ${kind} documents and requests`, async () => {
      const cases = fc.sample(documentOf(kind), { seed: SEED, numRuns: DOCUMENTS_PER_KIND });
      for (const fuzz of cases) {
        const uri = uriOf(fuzz);
        await client.open(uri, documentShape(fuzz.kind).languageId, fuzz.text);
        const diagnostics = await client.pullDiagnostics(uri);
        assert.ok(Array.isArray(diagnostics));
        const positions = positionsFor(fuzz.text, fc.nat());
        // Sent together, as an editor does while the user types and moves the mouse.
        await Promise.all([
          ...positions.flatMap((position) => [client.hover(uri, position), client.completion(uri, position)]),
          client.codeActions(uri, { start: { line: 0, character: 0 }, end: positionAt(fuzz.text, fuzz.text.length) }, tampered(diagnostics)),
          client.status(uri),
        ]);
        // An edit that cuts the document in half, then requests on the new version.
        const version = await client.change(uri, fuzz.text.slice(0, fuzz.text.length >> 1));
        assert.ok(version > 1);
        await client.pullDiagnostics(uri);
        await client.hover(uri, positions[0]!);
        await client.close(uri);
        assert.ok(client.alive, `server died: ${client.stderr.join('').slice(-2000)}`);
      }
    });
  }

  test('YAML nested a thousand levels, analysed version after version, does not abort the process', async () => {
    // A fresh server: the abort needs the yaml package's regular expressions not yet compiled.
    const fresh = await LspClient.start();
    try {
      await deepDocuments(fresh);
    } finally {
      await fresh.shutdown();
    }
  });

  /** The answer to a request, or a failure as soon as the server process is gone (a dead server never answers). */
  async function answered<T>(client: LspClient, request: Promise<T>): Promise<T> {
    let settled = false;
    const watched = request.finally(() => {
      settled = true;
    });
    await poll('an answer or the server gone', () => settled || !client.alive, { timeoutMs: 30_000 });
    assert.ok(client.alive, `server died: ${client.stderr.join('').slice(-2000)}`);
    return watched;
  }

  async function deepDocuments(client: LspClient): Promise<void> {
    // Found by the fuzzer: the yaml package's second parse of such text made V8 abort ("RegExpCompiler
    // Allocation failed"), which no handler can catch; the text is now refused before parsing (yaml/depth.ts).
    for (const [name, text] of [
      ['buildspec.yml', `${'- '.repeat(1000)}x\n`],
      ['appspec.yml', `version: 0.0\nhooks: ${'['.repeat(1000)}\n`],
      ['buildspec.yml', `${'? '.repeat(1000)}x\n`],
    ] as const) {
      const uri = `file:///ws/deep${++n}/${name}`;
      await client.open(uri, 'yaml', text);
      for (let edit = 0; edit < 3; edit++) {
        await answered(client, client.pullDiagnostics(uri));
        await client.change(uri, `${text}# edit ${edit}\n`);
      }
      assert.ok((await answered(client, client.pullDiagnostics(uri))).some((d) => /levels deep/.test(d.message)));
      await client.close(uri);
      assert.ok(client.alive, `server died: ${client.stderr.join('').slice(-2000)}`);
    }
  }

  test('requests with broken parameters get an answer (a result or an error), never a crash', async () => {
    const broken: [string, unknown][] = [
      ['textDocument/hover', { textDocument: { uri: 'file:///ws/never-opened.json' }, position: { line: 0, character: 0 } }],
      ['textDocument/hover', { textDocument: {}, position: null }],
      ['textDocument/completion', { textDocument: { uri: 42 }, position: { line: 'x' } }],
      ['textDocument/codeAction', { textDocument: { uri: 'file:///ws/x.json' }, range: null, context: { diagnostics: [null, 1, 'x'] } }],
      ['textDocument/diagnostic', { textDocument: { uri: 'file:///ws/never-opened.json' } }],
      ['awsStudyHints/documentStatus', { uri: null }],
      ['awsStudyHints/documentStatus', null],
    ];
    for (const [method, params] of broken) {
      await client.connection.sendRequest(method, params).catch((error: unknown) => error);
      assert.ok(client.alive, `server died on ${method}: ${client.stderr.join('').slice(-2000)}`);
    }
    // And it still does its job.
    const uri = 'file:///ws/after-fuzz/policy.json';
    await client.open(uri, 'json', BAD_POLICY);
    assert.deepEqual((await client.pullDiagnostics(uri)).map((d) => String(d.code)).sort(), ['IAM022', 'IAM042', 'IAM071']);
  });
});
