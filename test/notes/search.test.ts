import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { NotesIndex } from '../../server/src/service/notes/index';
import { EMPTY_KNOWLEDGE } from '../../server/src/service/notes/knowledge';
import { actionWords } from '../../server/src/service/notes/query';
import { NotesService } from '../../server/src/service/notes/service';
import { didYouMean, maxSuggestionDistance, nearestTerms, typoDistance, vocabularyOf } from '../../server/src/service/notes/suggest';

/** The search over notes: `service:Action` words, "did you mean", and where excerpts come from. */

const IAM = '---\ntitle: AWS IAM\nprefix: iam\n---\n# IAM\n## Roles\n- iam:PassRole is required to hand a role to a service.\n';
const KINESIS =
  '---\ntitle: Amazon Kinesis\nprefix: kinesis\n---\n# Kinesis\n## Shards\n- Each shard takes 1 MB/s of writes.\n- Kinesis keeps records for 24 hours by default.\n';
const S3 = '---\ntitle: Amazon S3\nprefix: s3\n---\n# S3\n## Writing objects\n- s3:PutObject writes an object.\n';
const MINE = '# My IAM notes\n## Handing roles to services\n- PassRole lets a user give a role to EC2 or Lambda.\n- Nothing else here.\n';

function index(): NotesIndex {
  const notes = new NotesIndex();
  notes.setFile('knowledge/notes/iam.md', IAM, 'knowledge');
  notes.setFile('knowledge/notes/kinesis.md', KINESIS, 'knowledge');
  notes.setFile('knowledge/notes/s3.md', S3, 'knowledge');
  notes.setFile('/notes/iam.md', MINE, 'notes');
  return notes;
}

const titles = (notes: NotesIndex, query: string, options = {}) => notes.query(query, options).map((hit) => `${hit.section.source}:${hit.section.title}`);

describe('service:Action in a query', () => {
  test('the words that name an action', () => {
    assert.deepEqual(actionWords('iam:PassRole and "s3:GetObject", s3:Get* apigateway:GET aws:the sqs'), [
      { action: 'iam:PassRole', name: 'PassRole' },
      { action: 's3:GetObject', name: 'GetObject' },
    ]);
  });
  test('iam:PassRole also finds notes that say PassRole alone, the whole action first', () => {
    assert.deepEqual(titles(index(), 'iam:PassRole'), ['knowledge:Roles', 'notes:Handing roles to services']);
    assert.deepEqual(titles(index(), 'PassRole'), ['knowledge:Roles', 'notes:Handing roles to services']);
  });
  test('hovers (every term required) find them too, and the other words still count', () => {
    assert.deepEqual(titles(index(), 'iam:PassRole', { requireAll: true }), ['knowledge:Roles', 'notes:Handing roles to services']);
    assert.deepEqual(titles(index(), 'iam:passrole lambda', { requireAll: true }), ['notes:Handing roles to services']);
    assert.deepEqual(titles(index(), 'the iam:PassRole', { requireAll: true }), ['knowledge:Roles', 'notes:Handing roles to services']);
  });
  test('typos are forgiven in words, and a word longer than anyone types is matched exactly (found by the fuzzer: 4 GB asked for)', () => {
    assert.deepEqual(titles(index(), 'Kinesys'), ['knowledge:Shards', 'knowledge:Kinesis']);
    assert.deepEqual(titles(index(), `${'k'.repeat(70_000)} shard`), ['knowledge:Shards']);
    assert.deepEqual(titles(index(), 'x'.repeat(41)), []);
  });
  test('the name alone is matched exactly: GetObject is not PutObject', () => {
    assert.deepEqual(titles(index(), 's3:GetObject', { requireAll: true }), []);
  });
  test('the excerpt of a note that says PassRole is its PassRole line', () => {
    const service = new NotesService({ knowledge: { ...EMPTY_KNOWLEDGE, notes: [{ path: 'knowledge/notes/iam.md', text: IAM }] } });
    service.setNote('/notes/iam.md', MINE);
    const mine = service.search('iam:PassRole', { source: 'notes' }).results;
    assert.deepEqual(
      mine.map((r) => [r.title, r.excerpt]),
      [['Handing roles to services', 'PassRole lets a user give a role to EC2 or Lambda.']],
    );
  });
});

describe('did you mean', () => {
  test('the vocabulary keeps words in lower case and names as written, counted per section', () => {
    const vocabulary = vocabularyOf(['# Shards\n- A shard, two shards, Kinesis and s3:GetObject, PassRole, SQS', '- shards again, 42']);
    assert.deepEqual(Object.fromEntries(vocabulary), {
      shard: { display: 'shard', sections: 2 },
      two: { display: 'two', sections: 1 },
      kinesis: { display: 'kinesis', sections: 1 },
      's3:getobject': { display: 's3:GetObject', sections: 1 },
      s3: { display: 's3', sections: 1 },
      getobject: { display: 'GetObject', sections: 1 },
      passrole: { display: 'PassRole', sections: 1 },
      sqs: { display: 'SQS', sections: 1 },
      again: { display: 'again', sections: 1 },
    });
  });
  test('two swapped letters are one typo', () => {
    assert.deepEqual(
      [
        ['shrad', 'shard'],
        ['shrads', 'shared'],
        ['kinesis', 'kniesis'],
        ['abcd', 'badc'],
        ['lamda', 'lambda'],
      ].map(([a, b]) => typoDistance(a!, b!)),
      [1, 3, 1, 3, 1],
    );
  });
  test('how far a suggestion may be: about a third of the word, two letters in an identifier', () => {
    assert.deepEqual(['ebz', 'lamd', 'kynesys', 'cloudfrmation', 's3:getobjekt'].map(maxSuggestionDistance), [1, 2, 3, 4, 2]);
  });
  test('nearest terms: as near as the best, by distance and common start, then a close length, then the commoner', () => {
    const vocabulary = vocabularyOf(['key key', 'key', 'kinesis', 'lambda', 'last', 'iam', 'EBS', 'EB', 'ECS', 'ECS', 'ECR']);
    assert.deepEqual(nearestTerms('Kynesys', vocabulary), ['kinesis'], 'key is one letter further');
    assert.deepEqual(nearestTerms('Knesys', vocabulary), ['kinesis', 'key']);
    assert.deepEqual(nearestTerms('Lamd', vocabulary), ['lambda'], 'last and iam start less like it');
    assert.deepEqual(nearestTerms('ebz', vocabulary), ['EBS', 'EB']);
    assert.deepEqual(nearestTerms('ecz', vocabulary), ['ECS', 'ECR'], 'the commoner first');
    assert.deepEqual(nearestTerms('zzzz', vocabulary), []);
  });
  test('a corrected query replaces the unknown words and leaves out what cannot be corrected', () => {
    const vocabulary = vocabularyOf(['kinesis shard', 's3 GetObject', 'ECS ECR', 'ECS']);
    const all = () => true;
    assert.deepEqual(didYouMean('ecz', vocabulary, all), ['ECS', 'ECR']);
    assert.deepEqual(didYouMean('ecz shrad', vocabulary, all), ['ECS shard', 'ECR shard'], "the second takes each word's second best, or its best");
    assert.deepEqual(didYouMean('Kynesys', vocabulary, all), ['kinesis']);
    assert.deepEqual(didYouMean('the Kynesys shrads', vocabulary, all), ['the kinesis shard']);
    assert.deepEqual(didYouMean('Kynesys zzzz', vocabulary, all), ['kinesis']);
    assert.deepEqual(didYouMean('s3:GetObjekt', vocabulary, all), ['s3:GetObject']);
    assert.deepEqual(didYouMean('zzzz qqqq', vocabulary, all), []);
    assert.deepEqual(didYouMean('kinesis', vocabulary, all), [], 'nothing to correct');
    assert.deepEqual(
      didYouMean('Kynesys', vocabulary, () => false),
      [],
      'a suggestion that finds nothing is never offered',
    );
  });
  test('from the index: only when nothing matches, from the searched notes, each finding something', () => {
    const notes = index();
    assert.deepEqual(notes.suggest('Kynesys'), ['kinesis']);
    assert.deepEqual(notes.suggest('Kinesys'), [], 'one or two typos are found by the search itself');
    assert.deepEqual(notes.suggest('Lamd'), ['lambda']);
    assert.deepEqual(notes.suggest('Kynesys shrads'), ['kinesis shard']);
    assert.deepEqual(notes.suggest('Kynesys', { source: 'notes' }), [], 'no Kinesis in my notes');
    assert.deepEqual(notes.suggest('s3:PutObjekt'), ['s3:PutObject']);
    assert.deepEqual(notes.suggest('iam:PasRole', { source: 'notes' }), ['iam:PassRole']);
    assert.deepEqual(notes.suggest('zzzz'), []);
  });
  test('the vocabulary follows the notes as they change', () => {
    const notes = index();
    assert.deepEqual(notes.suggest('Fyrehoz', { source: 'notes' }), []);
    notes.setFile('/notes/firehose.md', '# Firehose\n- Delivery streams buffer records.\n', 'notes');
    assert.deepEqual(notes.suggest('Fyrehoz', { source: 'notes' }), ['firehose']);
    assert.deepEqual(notes.suggest('Fyrehoz delivry', { source: 'notes' }), [], 'delivry finds Delivery: there are results');
    notes.removeFile('/notes/firehose.md');
    assert.deepEqual(notes.suggest('Fyrehoz', { source: 'notes' }), []);
  });
  test('the service answers a search with its results or its suggestions', () => {
    const service = new NotesService({ knowledge: { ...EMPTY_KNOWLEDGE, notes: [{ path: 'knowledge/notes/kinesis.md', text: KINESIS }] } });
    assert.deepEqual(service.search('Kynesys'), { results: [], suggestions: ['kinesis'] });
    assert.deepEqual(service.search('Kynesys', { suggest: false }), { results: [], suggestions: [] });
    const found = service.search('kinesis');
    assert.deepEqual(found.suggestions, []);
    assert.deepEqual(
      found.results.map((r) => r.title),
      ['Shards', 'Kinesis'],
    );
  });
});

describe('where an excerpt comes from', () => {
  const knowledge = { ...EMPTY_KNOWLEDGE, notes: [{ path: 'knowledge/notes/iam.md', text: IAM }] };

  test('before any notes exist, hovers say "From AWS Study Hints knowledge" and link the read-only note', () => {
    const service = new NotesService({ knowledge });
    const link = `command:awsStudyHints.openNote?${encodeURIComponent(JSON.stringify(['aws-study-hints:/knowledge/notes/iam.md', 5]))}`;
    assert.equal(
      service.hoverMarkdown('iam:PassRole', ['iam']),
      ['---', '**From AWS Study Hints knowledge**', '', `**IAM › Roles** · [open](${link})`, '', 'iam:PassRole is required to hand a role to a service.'].join(
        '\n',
      ),
    );
  });
  test('with notes, "From your notes" heads only the learner\'s own, each with its file link', () => {
    const service = new NotesService({ knowledge });
    service.setNote('/notes/iam.md', MINE);
    const hover = service.hoverMarkdown('iam:PassRole', ['iam'])!;
    assert.equal(
      hover.replace(/\(command:[^)]*\)/, '(command)'),
      [
        '---',
        '**From AWS Study Hints knowledge**',
        '',
        '**IAM › Roles** · [open](command)',
        '',
        'iam:PassRole is required to hand a role to a service.',
        '',
        '**From your notes**',
        '',
        '*iam.md* · **My IAM notes › Handing roles to services** · [open](file:///notes/iam.md#L2)',
        '',
        'PassRole lets a user give a role to EC2 or Lambda.',
      ].join('\n'),
    );
  });
  test('a hover excerpt is kept until the notes change: a note added, changed or removed shows at once', () => {
    const service = new NotesService({ knowledge });
    const before = service.hoverMarkdown('iam:PassRole', ['iam']);
    assert.equal(service.hoverMarkdown('iam:PassRole', ['iam']), before);
    service.setNote('/notes/iam.md', MINE);
    assert.match(service.hoverMarkdown('iam:PassRole', ['iam'])!, /From your notes/);
    service.setNote('/notes/iam.md', MINE.replace('PassRole lets a user', 'PassRole allows a user'));
    assert.match(service.hoverMarkdown('iam:PassRole', ['iam'])!, /PassRole allows a user/);
    service.removeNote('/notes/iam.md');
    assert.equal(service.hoverMarkdown('iam:PassRole', ['iam']), before);
  });
  test("results open the learner's notes as files and the bundled notes as virtual documents", () => {
    const service = new NotesService({ knowledge });
    service.setNote('/notes/iam.md', MINE);
    assert.deepEqual(
      service.search('PassRole').results.map((r) => [r.source, service.uriOf(r), r.line]),
      [
        ['knowledge', 'aws-study-hints:/knowledge/notes/iam.md', 5],
        ['notes', 'file:///notes/iam.md', 1],
      ],
    );
  });
});
