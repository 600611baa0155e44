import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadKnowledge } from '../../server/src/service/notes/knowledge';
import { knownServices, TopicNormaliser } from '../../server/src/service/quiz/topics';

/**
 * Topics counted per service: note chapter titles, the curated facts' service names, scenario
 * tags and IAM prefixes all become the knowledge's service name, so that S3 is one row of the
 * progress page and not three.
 */

describe('topic normalisation', () => {
  const knowledge = loadKnowledge();
  const normaliser = new TopicNormaliser(knownServices(knowledge.facts));
  const topic = (t: string) => normaliser.normalise(t);

  test('every way of naming S3 becomes "Amazon S3", the name of knowledge/facts/s3.json', () => {
    for (const name of ['Simple Storage Service (S3)', 'Amazon S3', 'S3', 's3', '**S3**', '3. Simple Storage Service (S3)', 'S3 Glacier and lifecycle']) {
      assert.equal(topic(name), 'Amazon S3', name);
    }
  });

  test('chapter titles, curated names, scenario tags and IAM prefixes meet on one name', () => {
    const cases: [string, string][] = [
      ['Simple Queuing Service (SQS)', 'Amazon SQS'],
      ['sqs', 'Amazon SQS'],
      ['Identity Access Management (IAM)', 'AWS Identity and Access Management (IAM)'],
      ['AWS IAM', 'AWS Identity and Access Management (IAM)'],
      ['elb-asg', 'Elastic Load Balancing and Amazon EC2 Auto Scaling'],
      ['elasticloadbalancing', 'Elastic Load Balancing and Amazon EC2 Auto Scaling'],
      ['Key Management Service', 'AWS Key Management Service (KMS)'],
      ['AWS KMS and envelope encryption', 'AWS Key Management Service (KMS)'],
      ['Route53', 'Amazon Route 53'],
      ['Amazon Cognito user pools vs identity pools', 'Amazon Cognito'],
      ['Kinesis Data Firehose', 'Amazon Kinesis'],
      ['Amazon RDS and Aurora', 'Amazon RDS and Amazon Aurora'],
    ];
    for (const [from, to] of cases) assert.equal(topic(from), to, from);
  });

  test('a name inside a longer name of another service is not a mention: Lambda@Edge is CloudFront, EC2 Auto Scaling is not EC2', () => {
    assert.equal(topic('Lambda@Edge'), 'Amazon CloudFront');
    assert.equal(topic('EC2 Auto Scaling'), 'Elastic Load Balancing and Amazon EC2 Auto Scaling');
    assert.equal(topic('Amazon EC2'), 'Amazon EC2 (with EBS, EFS and instance store)');
  });

  test('a chapter about several services, or none the knowledge covers, keeps its title', () => {
    assert.equal(topic('SQS vs SNS'), 'SQS vs SNS');
    assert.equal(topic('Messaging & Event-Driven Architecture'), 'Messaging & Event-Driven Architecture');
    assert.equal(topic('  AWS Budgets  '), 'AWS Budgets');
    assert.equal(topic('   '), 'Other');
  });

  test('words too common to decide alone do not pull a chapter to a service', () => {
    assert.equal(topic('Lifecycle hooks'), 'Lifecycle hooks'); // Auto Scaling's or CodeDeploy's
    assert.equal(topic('Instances'), 'Instances');
    // With the service named, they are fine.
    assert.equal(topic('CodeDeploy lifecycle hooks'), 'AWS CodeDeploy');
  });

  test('the services and their words come from the facts, merged per service', () => {
    const services = knownServices([
      { service: 'x', topic: 'Amazon X', serviceWords: ['x', 'xylo'] },
      { service: 'x', topic: 'Amazon X', serviceWords: ['x', 'xylophone'] },
      { service: 'y', topic: 'AWS Y Service (YS)', serviceWords: ['y'] },
    ]);
    assert.deepEqual(services, [
      { id: 'x', name: 'Amazon X', words: ['x', 'xylo', 'xylophone'] },
      { id: 'y', name: 'AWS Y Service (YS)', words: ['y'] },
    ]);
    const small = new TopicNormaliser(services);
    assert.equal(small.normalise('Xylophone basics'), 'Amazon X');
    assert.equal(small.normalise('YS'), 'AWS Y Service (YS)', 'the abbreviation in parentheses names the service');
    assert.equal(small.normalise('Y service'), 'AWS Y Service (YS)');
  });
});
