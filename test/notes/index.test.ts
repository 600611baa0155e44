import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NotesIndex } from '../../server/src/service/notes/index';
import { escapeMarkdown, excerpt } from '../../server/src/service/notes/excerpt';

/** The AWS-aware index: compound tokens, stop words, plurals, typos, context boosts, incremental updates. */

function index(): NotesIndex {
  const notes = new NotesIndex();
  notes.setFile(
    'knowledge/notes/codebuild.md',
    '---\ntitle: AWS CodeBuild\nprefix: codebuild\n---\n# CodeBuild\n## Phases\n- install, pre_build, build and post_build run in order.\n- parameter-store values come from SSM.\n',
    'knowledge',
  );
  notes.setFile(
    'knowledge/notes/s3.md',
    '---\ntitle: Amazon S3\nprefix: s3\n---\n# S3\n## Reading objects\n- s3:GetObject reads an object; s3:ListBucket lists keys.\n## Permissions boundaries\n- A boundary caps what identity policies grant.\n',
    'knowledge',
  );
  for (const name of fs.readdirSync(path.join(__dirname, 'fixtures'))) {
    notes.setFile(`/notes/${name}`, fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8'), 'notes');
  }
  return notes;
}

const top = (notes: NotesIndex, query: string, options = {}) => notes.query(query, options)[0]?.section;

describe('notes index', () => {
  test('actions are found whole', () => {
    assert.equal(top(index(), 's3:GetObject')?.title, 'Reading objects');
  });
  test('buildspec keys with underscores and hyphens', () => {
    assert.match(`${top(index(), 'pre_build')?.title}`, /Pre_build phase/);
    assert.equal(top(index(), 'pre_build', { source: 'knowledge' })?.title, 'Phases');
    assert.equal(top(index(), 'parameter-store')?.title, 'Phases');
  });
  test('plurals and misspellings', () => {
    assert.equal(top(index(), 'boundary')?.title, 'Permissions boundaries');
    assert.equal(top(index(), 'Lamda timeout')?.title, 'Lambda');
    assert.equal(top(index(), 'visibilty timeout')?.title, 'SQS');
  });
  test('"aws" and "amazon" do not count', () => {
    assert.deepEqual(index().query('aws amazon'), []);
  });
  test('user notes and knowledge are told apart, and a filter applies', () => {
    const notes = index();
    assert.equal(top(notes, 'hooks BeforeInstall')?.source, 'notes');
    assert.ok(notes.query('pre_build', { source: 'notes' }).every((hit) => hit.section.source === 'notes'));
  });
  test("context boosts prefer the service's sections", () => {
    const notes = new NotesIndex();
    notes.setFile(
      'k/codebuild.md',
      '---\ntitle: AWS CodeBuild\nprefix: codebuild\n---\n# CodeBuild\n## Timeouts\n- A build times out after 60 minutes by default.\n',
      'knowledge',
    );
    notes.setFile(
      'k/lambda.md',
      '---\ntitle: AWS Lambda\nprefix: lambda\n---\n# Lambda\n## Timeouts\n- A function times out after 3 seconds by default.\n',
      'knowledge',
    );
    assert.equal(top(notes, 'timeout', { boostServices: ['codebuild'] })?.file, 'k/codebuild.md');
    assert.equal(top(notes, 'timeout', { boostServices: ['lambda'] })?.file, 'k/lambda.md');
  });
  test('a file is replaced and removed on its own', () => {
    const notes = index();
    const before = notes.counts('notes');
    notes.setFile('/notes/flat.txt', 'Kinesis\n- shards carry 1 MB/s in\n', 'notes');
    assert.equal(top(notes, 'shards')?.file, '/notes/flat.txt');
    assert.equal(notes.query('ProvisionedThroughputExceededException', { source: 'notes' }).length, 0);
    notes.removeFile('/notes/flat.txt');
    assert.equal(notes.query('shards').length, 0);
    assert.equal(notes.counts('notes').files, before.files - 1);
  });
  test('excerpts pick the matching lines and cannot inject markup', () => {
    assert.equal(excerpt('first line\nthe visibility timeout line\nlast', 'visibility'), 'the visibility timeout line');
    assert.equal(escapeMarkdown('<script>alert(1)</script> [x](javascript:y)'), '&lt;script&gt;alert\\(1\\)&lt;/script&gt; \\[x\\]\\(javascript:y\\)');
  });
});
