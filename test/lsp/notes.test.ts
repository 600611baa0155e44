import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { MarkupContent, WorkspaceSymbolRequest } from 'vscode-languageserver-protocol/node';
import { NotesChangedNotification, SearchNotesRequest } from '../../server/src/protocol';
import { LspClient, positionOf } from '../support/lspClient.mjs';
import { poll } from '../support/poll.mjs';
import { TIMEOUT } from './shared';

/** Study notes through the protocol: indexing a folder, searching, hovers from notes, changes, and hostile folders. */

describe('notes over the protocol', TIMEOUT, () => {
  let client: LspClient;
  let folder: string;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-study-hints-notes-'));
    fs.writeFileSync(path.join(folder, 'codebuild.md'), '# CodeBuild\n## Phases\n- pre_build runs after install: log in to ECR here.\n');
    fs.writeFileSync(path.join(folder, 'flat.txt'), 'CodeDeploy\n- BeforeInstall runs before the files are copied\n');
    fs.writeFileSync(path.join(folder, 'roles.md'), '# Roles\n## Passing roles\n- PassRole lets a user hand a role to a service.\n');
    fs.mkdirSync(path.join(folder, 'loop'));
    fs.symlinkSync(folder, path.join(folder, 'loop', 'back')); // a symlink loop is not followed
    fs.writeFileSync(path.join(folder, 'binary.md'), Buffer.from([0x23, 0x20, 0x00, 0xff, 0xfe]));
    fs.writeFileSync(path.join(folder, 'bad-utf8.md'), Buffer.from([0x23, 0x20, 0x51, 0xc3, 0x28, 0x0a, 0x2d, 0x20, 0x78]));
    client = await LspClient.start({ settings: { awsStudyHints: { notes: { paths: [folder] } } } });
  });
  after(async () => {
    await client?.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const search = async (query: string) => (await client.connection.sendRequest(SearchNotesRequest, { query })).results;

  /** Polls an asynchronous condition (each probe is a request) until it holds or the deadline passes. */
  const until = <T>(what: string, probe: () => Promise<T | undefined>) => poll(what, probe, { timeoutMs: 15_000, intervalMs: 50 });

  test('the folder is indexed and searchable, the bundled knowledge too', async () => {
    const results = await until('notes to be indexed', async () => {
      const found = await search('pre_build');
      return found.some((r) => r.source === 'user') ? found : undefined;
    });
    const mine = results.find((r) => r.source === 'user')!;
    assert.equal(mine.title, 'Phases');
    assert.equal(mine.uri, pathToFileURL(path.join(folder, 'codebuild.md')).href);
    assert.deepEqual(mine.range, { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } });
    assert.ok(results.some((r) => r.source === 'bundled'));
    assert.ok(mine.score > 0);
    assert.match(mine.excerpt, /pre\\_build runs after install/);
  });

  test("a search may keep to the learner's own notes", async () => {
    await until('notes to be indexed', async () => ((await search('pre_build')).some((r) => r.source === 'user') ? true : undefined));
    const { results: mine } = await client.connection.sendRequest(SearchNotesRequest, { query: 'pre_build', source: 'user' });
    assert.ok(mine.length > 0);
    assert.ok(mine.every((r) => r.source === 'user'));
  });

  test('hovers in a buildspec end with "From your notes"', async () => {
    await until('notes to be indexed', async () => ((await search('pre_build')).some((r) => r.source === 'user') ? true : undefined));
    const uri = 'file:///ws/notes-test/buildspec.yml';
    const text = 'version: 0.2\nphases:\n  pre_build:\n    commands:\n      - echo hi\n';
    await client.open(uri, 'yaml', text);
    const hover = await client.hover(uri, positionOf(text, 'pre_build', 2));
    assert.ok(hover && MarkupContent.is(hover.contents));
    assert.match(hover.contents.value, /\*\*From your notes\*\*/);
    assert.match(hover.contents.value, /\*codebuild\.md\* · \*\*CodeBuild › Phases\*\* · \[open\]\(file:\/\/.*codebuild\.md#L2\)/);
  });

  test('a search that finds nothing answers with "did you mean"', async () => {
    await until('notes to be indexed', async () => ((await search('pre_build')).some((r) => r.source === 'user') ? true : undefined));
    assert.deepEqual(await client.connection.sendRequest(SearchNotesRequest, { query: 'Kynesys' }), { results: [], suggestions: ['kinesis'] });
    assert.deepEqual(await client.connection.sendRequest(SearchNotesRequest, { query: 'zzzzqqqq' }), { results: [], suggestions: [] });
    const kinesis = await client.connection.sendRequest(SearchNotesRequest, { query: 'kinesis', limit: 3 });
    assert.equal(kinesis.results.length, 3);
    assert.deepEqual(kinesis.suggestions, []);
  });

  test('iam:PassRole finds the notes that say PassRole; bundled notes are read-only documents', async () => {
    await until('notes to be indexed', async () => ((await search('pre_build')).some((r) => r.source === 'user') ? true : undefined));
    const { results } = await client.connection.sendRequest(SearchNotesRequest, { query: 'iam:PassRole' });
    const mine = results.filter((r) => r.source === 'user');
    assert.deepEqual(
      mine.map((r) => [r.title, r.uri, r.excerpt]),
      [['Passing roles', pathToFileURL(path.join(folder, 'roles.md')).href, 'PassRole lets a user hand a role to a service.']],
    );
    const bundled = results.filter((r) => r.source === 'bundled');
    assert.ok(bundled.length > 0);
    assert.ok(
      bundled.every((r) => /^aws-study-hints:\/knowledge\/notes\/[a-z0-9-]+\.md$/.test(r.uri)),
      bundled.map((r) => r.uri).join(', '),
    );
    assert.ok(bundled.some((r) => r.uri === 'aws-study-hints:/knowledge/notes/iam.md' && /iam:PassRole is required/.test(r.excerpt)));
  });

  test('a hover on iam:PassRole shows the note that says PassRole, under "From your notes"', async () => {
    await until('notes to be indexed', async () => ((await search('pre_build')).some((r) => r.source === 'user') ? true : undefined));
    const uri = 'file:///ws/notes-test/passrole.json';
    const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]}';
    await client.open(uri, 'json', text);
    const hover = await client.hover(uri, positionOf(text, 'iam:PassRole', 4));
    assert.ok(hover && MarkupContent.is(hover.contents));
    const value = hover.contents.value;
    const mine = value.indexOf('**From your notes**');
    const bundled = value.indexOf('**From AWS Study Hints knowledge**');
    assert.ok(mine > 0 && bundled > 0, value);
    const roles = `*roles.md* · **Roles › Passing roles** · [open](${pathToFileURL(path.join(folder, 'roles.md')).href}#L2)`;
    assert.ok(value.includes(roles), value);
    // The note sits under its own heading, not under the bundled knowledge's.
    assert.ok(mine < bundled ? value.indexOf(roles) < bundled : value.indexOf(roles) > mine, value);
  });

  test('a changed note is re-indexed on its own', async () => {
    fs.writeFileSync(path.join(folder, 'kinesis.md'), '# Kinesis\n- Shards take 1 MB/s of writes.\n');
    await client.connection.sendNotification(NotesChangedNotification, { changed: [pathToFileURL(path.join(folder, 'kinesis.md')).href], deleted: [] });
    await until('the new note', async () => ((await search('shards')).some((r) => r.source === 'user') ? true : undefined));
    fs.rmSync(path.join(folder, 'kinesis.md'));
    await client.connection.sendNotification(NotesChangedNotification, { changed: [], deleted: [pathToFileURL(path.join(folder, 'kinesis.md')).href] });
    await until('the note to go', async () => ((await search('shards')).some((r) => r.source === 'user') ? undefined : true));
  });

  test('binary and invalid UTF-8 files do not break anything', async () => {
    const results = await search('Q');
    assert.ok(Array.isArray(results));
    const status = await client.status('file:///ws/notes-test/buildspec.yml');
    assert.ok(status.notes && status.notes.files >= 2, JSON.stringify(status.notes));
  });
});

describe('hovers before any notes exist', TIMEOUT, () => {
  test('bundled knowledge is "From AWS Study Hints knowledge" and opens read-only', async () => {
    const client = await LspClient.start();
    try {
      const uri = 'file:///ws/no-notes/buildspec.yml';
      const text = 'version: 0.2\nphases:\n  pre_build:\n    commands:\n      - echo hi\n';
      await client.open(uri, 'yaml', text);
      const hover = await client.hover(uri, positionOf(text, 'pre_build', 2));
      assert.ok(hover && MarkupContent.is(hover.contents));
      const value = hover.contents.value;
      assert.match(value, /\n---\n\*\*From AWS Study Hints knowledge\*\*\n/);
      assert.doesNotMatch(value, /From your notes/);
      const links = [...value.matchAll(/\[open\]\(command:awsStudyHints\.openNote\?([^)]+)\)/g)].map((m) => JSON.parse(decodeURIComponent(m[1]!)));
      assert.ok(links.length > 0, value);
      for (const [note, line] of links) {
        assert.match(note, /^aws-study-hints:\/knowledge\/notes\/[a-z0-9-]+\.md$/);
        assert.ok(Number.isInteger(line) && line >= 0);
      }
      assert.ok(links.some(([note]) => note === 'aws-study-hints:/knowledge/notes/codebuild.md'));
    } finally {
      await client.shutdown();
    }
  });
});

describe('note sections as workspace symbols', TIMEOUT, () => {
  test('the bundled knowledge answers workspace/symbol', async () => {
    const client = await LspClient.start();
    try {
      const symbols = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'visibility timeout' });
      const symbol = (symbols ?? []).find((s) => s.name === 'Visibility timeout');
      assert.ok(symbol, JSON.stringify(symbols?.slice(0, 3)));
      assert.equal((symbol as { location: { uri: string } }).location.uri, 'aws-study-hints:/knowledge/notes/sqs.md');
    } finally {
      await client.shutdown();
    }
  });
});
