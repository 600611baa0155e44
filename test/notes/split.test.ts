import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { splitNote } from '../../server/src/service/notes/split';

/** The splitter on the five shapes of notes people keep (fixtures written for these tests). */

const read = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const titles = (name: string) => splitNote(name, read(name)).map((s) => s.title);

describe('splitting notes into sections', () => {
  test('a summary with # topics and label lines inside long sections', () => {
    const sections = splitNote('summary.md', read('summary.md'));
    assert.deepEqual(
      sections.map((s) => s.title),
      ['Todo', 'SQS', 'Lambda'],
    );
    const sqs = sections.find((s) => s.title === 'SQS')!;
    assert.equal(sqs.startLine, 4);
    assert.match(sqs.text, /Visibility timeout\nDefault is 30 seconds; the maximum is 12 hours\./);
  });

  test('a course README: no TOC entries, no headings from shell comments in code', () => {
    const sections = splitNote('course.md', read('course.md'));
    assert.deepEqual(
      sections.map((s) => s.title),
      ['AWS Certified Developer Associate', 'Table of contents', 'IAM', 'CodeDeploy'],
    );
    assert.equal(sections.find((s) => s.title === 'Table of contents')!.text, '', 'the TOC links are not indexed');
    const iam = sections.find((s) => s.title === 'IAM')!;
    assert.match(iam.text, /Policies - JSON documents/);
    assert.doesNotMatch(iam.text, /Policies\*\*/, 'markdown emphasis is stripped');
  });

  test('deep heading paths', () => {
    const fargate = splitNote('deep.md', read('deep.md')).find((s) => s.title === 'Fargate')!;
    assert.deepEqual(fargate.headingPath, ['Compute', 'Containers', 'ECS', 'Launch types']);
    assert.equal(fargate.text, 'Serverless containers: no instances to manage.');
  });

  test('a flat export: topic lines, broken inline code re-joined, no fake topics', () => {
    assert.deepEqual(titles('flat.txt'), ['CodeDeploy', 'STS', 'DynamoDB']);
    const sections = splitNote('flat.txt', read('flat.txt'));
    assert.deepEqual(sections[0]!.text.split('\n'), ['AppSpec hooks:', 'Lambda: two options: BeforeAllowTraffic and AfterAllowTraffic']);
    assert.deepEqual(sections[1]!.text.split('\n'), ['API calls:', 'AssumeRole', 'returns temporary credentials for the role']);
    assert.equal(sections[1]!.startLine, 6);
  });

  test('a blog post: front matter, images, escapes and HTML removed', () => {
    const sections = splitNote('blog.md', read('blog.md'));
    assert.deepEqual(
      sections.map((s) => s.title),
      ['AWS FUNDAMENTALS', 'Pre_build phase in CodeBuild'],
    );
    assert.equal(sections[0]!.meta.title, 'My AWS journey');
    const prebuild = sections[1]!;
    assert.match(prebuild.text, /The pre_build phase runs > after install\. It is not optional \*really\*\./);
    assert.doesNotMatch(prebuild.text, /<script>/);
    assert.equal(prebuild.startLine, 7);
  });

  test('mojibake from a cp1252 reading is repaired', () => {
    const [section] = splitNote('m.md', '# Queues\n- SQS â€“ a queue â†’ decoupling\n');
    assert.equal(section!.text, 'SQS – a queue → decoupling');
  });
});
