import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IamCatalog } from '../../../server/src/service/iam/catalog/catalog';
import { simulationQuestions } from '../../../server/src/service/iam/evaluate/questions';
import { parsePolicy } from '../../../server/src/service/iam/model';

/** Quiz questions answered by the evaluation engine (reference_policies_evaluation-logic.html). */

const catalog = IamCatalog.load();
const TEXT = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ReadReports', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' },
      { Sid: 'WriteDrafts', Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::reports/drafts/*' },
      { Sid: 'NoDeletes', Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' },
      { Sid: 'Tls', Effect: 'Allow', Action: 's3:ListBucket', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
      { Sid: 'NoDraftReads', Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/drafts/*' },
    ],
  },
  null,
  2,
);

describe('questions the engine answers', () => {
  const questions = simulationQuestions(parsePolicy(TEXT), 'identity', TEXT, '/ws/p.json', catalog);

  it('asks whether the principal can make the request of each unconditional Allow', () => {
    const can = questions.filter((q) => q.type === 'true-false');
    assert.deepEqual(
      can.map((q) => [q.prompt, q.answer]),
      [
        ['True or false: with only this policy attached, its principal can call s3:GetObject on arn:aws:s3:::reports/example.', 'True'],
        ['True or false: with only this policy attached, its principal can call s3:PutObject on arn:aws:s3:::reports/drafts/example.', 'True'],
      ],
    );
    assert.match(can[0]!.explanation, /^True\. Allowed: "ReadReports"/);
  });

  it('asks which statement denies, with the engine as the key', () => {
    const denies = questions.filter((q) => q.prompt.startsWith('Which statement'));
    assert.equal(denies.length, 2);
    assert.equal(denies[0]!.prompt, 'Which statement of this policy denies s3:DeleteObject on arn:aws:s3:::example?');
    assert.equal(denies[0]!.answer, '"NoDeletes" (line 16)');
    assert.equal(denies[1]!.answer, '"NoDraftReads" (line 33)');
    for (const q of denies) {
      assert.ok(q.options?.includes(q.answer as string));
      assert.equal(new Set(q.options).size, q.options!.length);
      assert.match(q.explanation, /^Denied explicitly/);
    }
  });

  it('asks nothing about other kinds of policy', () => {
    assert.deepEqual(simulationQuestions(parsePolicy(TEXT), 'scp', TEXT, '/ws/p.json', catalog), []);
  });
});
