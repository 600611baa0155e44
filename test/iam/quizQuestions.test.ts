import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzePolicy } from '../../server/src/service/iam/analyze';
import { policyQuestions } from '../../server/src/service/iam/quizQuestions';
import { doc, testCatalog } from '../helpers';

/** Questions about what a policy itself uses, keyed from the catalog and checked against it. */

const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::reports", "Condition": {"StringLike": {"s3:prefix": "2024/*"}}},
    {"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListAllMyBuckets"], "Resource": "arn:aws:s3:::reports/*"}
  ]
}`;

describe('Quiz Me on This File, for a policy', () => {
  const document = doc(POLICY);
  const catalog = testCatalog();
  const questions = policyQuestions(document, analyzePolicy(document, catalog)!, catalog, '/ws/policy.json');

  test('asks about the actions, resources and keys of the file, from the catalog', () => {
    const prompts = questions.map((q) => q.prompt);
    assert.ok(prompts.includes('Which access level does the Service Authorization Reference give s3:ListBucket?'));
    assert.ok(prompts.includes('Which of these resource types can s3:GetObject act on?'));
    assert.ok(prompts.includes('Which of these condition keys can a Condition use with s3:ListBucket?'));
    assert.ok(prompts.includes('True or false: s3:ListAllMyBuckets can be limited to specific resources with ARNs in "Resource".'));
    assert.ok(prompts.includes('Which resource type does arn:aws:s3:::reports/* name?'));
    const level = questions.find((q) => q.prompt.includes('access level') && q.prompt.includes('s3:ListBucket'))!;
    assert.equal(level.answer, 'List');
    assert.equal(questions.find((q) => q.prompt === 'Which of these resource types can s3:GetObject act on?')!.answer, 'object');
    assert.equal(questions.find((q) => q.prompt === 'Which of these condition keys can a Condition use with s3:ListBucket?')!.answer, 's3:prefix');
    assert.equal(questions.find((q) => q.prompt.startsWith('True or false') && q.prompt.includes('ListAllMyBuckets'))!.answer, 'False');
    assert.equal(questions.find((q) => q.prompt.includes('arn:aws:s3:::reports/*'))!.answer, 'object');
  });

  test('every answer is among its options, options are distinct, and wrong options are really wrong', () => {
    for (const q of questions) {
      assert.ok(q.options?.includes(q.answer as string), q.prompt);
      assert.equal(new Set(q.options).size, q.options!.length, q.prompt);
      assert.equal(q.source.kind, 'file');
      assert.equal(q.source.file, '/ws/policy.json');
    }
    const key = questions.find((q) => q.prompt.startsWith('Which of these condition keys'));
    if (key) {
      const action = catalog.action('s3', key.prompt.replace(/.* with s3:(\w+)\?$/, '$1'))!;
      const supported = new Set(
        [...action.conditionKeys, ...action.resourceTypes.flatMap((rt) => catalog.resourceType('s3', rt.name)!.conditionKeys)].map((k) => k.toLowerCase()),
      );
      for (const option of key.options!) assert.equal(supported.has(option.toLowerCase()), option === key.answer, option);
    }
  });

  test('the same action gives the same question in any file (one card to review)', () => {
    const other = doc('{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*"}]}');
    const again = policyQuestions(other, analyzePolicy(other, catalog)!, catalog, '/ws/other.json');
    const id = (qs: typeof questions) => qs.find((q) => q.prompt.includes('access level') && q.prompt.includes('s3:ListBucket'))!.id;
    assert.equal(id(again), id(questions));
  });
});
