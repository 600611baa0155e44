import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NotesService } from '../../server/src/service/notes/service';
import { describe, test } from 'node:test';
import { FactChecker } from '../../server/src/service/notes/factCheck';
import { disagreements } from '../../server/src/service/notes/lint';
import { findCounts, findQuantities, sameValue } from '../../server/src/service/notes/quantities';
import { statementsWithContext } from '../../server/src/service/notes/statements';
import { judge, loadExamples } from '../../scripts/quality/statements';

/**
 * The notes lint with the curated knowledge: number forms, context from headings and parent
 * bullets, wrong vs outdated, and the statement sets kept with the knowledge (every correct
 * statement must stay clean — precision first).
 */

const { facts, misconceptions, examples } = loadExamples();
const checker = new FactChecker(facts);
const check = (text: string) => checker.check(statementsWithContext(text));
const flagged = (text: string) => check(text).map((p) => `${p.kind} ${text.slice(p.offset, p.offset + p.length)}`);

describe('numbers as people write them', () => {
  test('units glued or spaced, thousands separators, k, ranges', () => {
    const forms = (text: string) => findQuantities(text).map((q) => `${q.value} ${q.unit}${q.rangeRole ? ` (${q.rangeRole})` : ''}`);
    assert.deepEqual(forms('Lambda 128MB to 10GB, timeout upto 15min'), ['128 MB (start)', '10 GB (end)', '15 minutes']);
    assert.deepEqual(forms('retention 1-14 days'), ['1 days (start)', '14 days (end)']);
    assert.deepEqual(forms('from 1 min to 14 days'), ['1 minutes (start)', '14 days (end)']);
    assert.deepEqual(forms('gp2 bursts to 3,000 IOPS; io2 64k IOPS; 99.99% durability'), ['3000 IOPS', '64000 IOPS', '99.99 percent']);
    assert.deepEqual(forms('1,792 MB and 3,500 PUT requests/sec and 300 TPS'), ['1792 MB', '3500 requests per second', '300 transactions per second']);
    assert.deepEqual(forms('3 IOPS/GB baseline, 500 IOPS per GiB'), ['3 IOPS/GiB', '500 IOPS/GiB'], 'a ratio of IOPS to size is its own unit');
    assert.deepEqual(forms('250 MB/s per TB'), [], 'a throughput per size is not judged');
    assert.deepEqual(forms('version 1.2.3 and port 8080 and 5 m'), []);
  });

  test('binary and decimal sizes compare equal, percentages exactly', () => {
    assert.ok(sameValue({ value: 1, unit: 'MB' }, { value: 1, unit: 'MiB' }));
    assert.ok(sameValue({ value: 10, unit: 'GB' }, { value: 10_240, unit: 'MB' }));
    assert.ok(sameValue({ value: 15, unit: 'minutes' }, { value: 900, unit: 'seconds' }));
    assert.ok(!sameValue({ value: 99.9, unit: 'percent' }, { value: 99.99, unit: 'percent' }));
  });

  test('counts need the noun they count', () => {
    assert.deepEqual(
      findCounts('up to 5 layers, 1,000 concurrent executions', ['layers', 'executions']).map((c) => c.value),
      [5, 1000],
    );
    assert.deepEqual(findCounts('built 2 things', ['layers']), []);
  });
});

describe('facts', () => {
  test('a wrong number is flagged on the number, with the value now and its source', () => {
    const text = '- SQS max message retention is 21 days';
    const [problem, ...rest] = check(text);
    assert.equal(rest.length, 0);
    assert.equal(problem!.kind, 'wrong');
    assert.equal(text.slice(problem!.offset, problem!.offset + problem!.length), '21 days');
    assert.match(problem!.message, /^Your note says 21 days, but the .+ of Amazon SQS is 14 days\. .+ \(Source: https:\/\/docs\.aws\.amazon\.com\/.+\)$/);
    assert.equal(problem!.replacement?.text, '14 days');
  });

  test('an old value is outdated (information), saying until when and what it is now', () => {
    const [problem] = check('* SQS message size: max 256KB');
    assert.equal(problem!.kind, 'outdated');
    assert.match(problem!.message, /^Outdated: 256KB was the maximum message size of Amazon SQS until 2025-08; it is now 1 MiB\./);
  });

  test('the service may come from a heading or a parent bullet', () => {
    assert.deepEqual(flagged('# Amazon SQS\n\n## Limits\n- message retention max 21 days\n'), ['wrong 21 days']);
    assert.deepEqual(flagged('- SQS\n  - retention: max 21 days\n'), ['wrong 21 days']);
    assert.deepEqual(flagged('# Kinesis\n- retention: max 365 days\n'), [], "Kinesis's maximum, which would be wrong for SQS");
    assert.deepEqual(flagged('# Kinesis\n- retention: max 21 days\n'), ['wrong 21 days'], 'judged against Kinesis');
  });

  test('correct statements in any unit and form are left alone', () => {
    for (const text of [
      'Lambda memory 128MB to 10GB',
      'lambda timeout defaults to 3s (max 15 min)',
      'SQS retention: default 4 days, max 14 days (1,209,600 s)',
      'S3 objects up to 50 TB since Dec 2025',
      'SNS extended client library: payloads up to 2 GB via S3',
    ]) {
      assert.deepEqual(flagged(text), [], text);
    }
  });

  test('comparisons, estimates, negations and numbers that name things are not claims', () => {
    for (const text of [
      '3000 IOPS by default (cheaper than GP2)',
      'gp2 does not have a fixed block size: IOPS are counted in 256 KB blocks',
      'Route 53 is named after port 53',
      'CloudWatch 5 minute metrics are kept 63 days',
      'about 2 GiB of memory per vCPU for Lambda',
    ]) {
      assert.deepEqual(flagged(text), [], text);
    }
  });

  test('notes as people write them: tables, ratios, far qualifiers, asides, ranges without the property', () => {
    // A comparison table: the column header names the variant, the row's first cell the property.
    const table = [
      '### EBS provisioned IOPS',
      '| Feature | io1 | io2 |',
      '|---|---|---|',
      '| Max IOPS/GB | 50 IOPS/GB | 500 IOPS/GB |',
      '| Max IOPS per volume | 64,000 IOPS | Up to 300,000 IOPS |',
      '',
    ].join('\n');
    assert.deepEqual(flagged(table), ['outdated 500 IOPS/GB', 'wrong 300,000 IOPS']);
    assert.deepEqual(flagged('| | NAT gateway | NAT instance |\n|---|---|---|\n| Bandwidth | up to 45 Gbps | depends on the type |\n'), ['outdated 45 Gbps']);
    // A ratio is judged as a ratio.
    assert.deepEqual(flagged('- gp3: at most 50 IOPS per GiB'), ['wrong 50 IOPS per GiB']);
    assert.deepEqual(flagged('- gp2 baseline: 3 IOPS/GiB'), []);
    // A qualified number may sit further from the property than an unqualified one.
    assert.deepEqual(flagged('# Kinesis\nData streams store records for 24 hours by default; this can be increased to 7 days.'), ['outdated 7 days']);
    // Another service named in an aside does not make the number about that service…
    assert.deepEqual(flagged('## SQS\n- Message size: up to 256KB (keep bigger payloads in S3)'), ['outdated 256KB']);
    // …but one with a property of this kind named here does.
    assert.deepEqual(flagged('## SQS\n- SNS message size is 256 KB'), []);
    // A comparison in parentheses hedges only what is inside them.
    assert.deepEqual(flagged('### gp3\n- For a fee, up to 16,000 IOPS (faster than the baseline)'), ['outdated 16,000 IOPS']);
    assert.deepEqual(flagged('### gp3\n- 3,000 IOPS included (cheaper than gp2, which gives 3 IOPS/GiB)'), []);
    // A property named only in an aside with numbers of its own owns only those numbers.
    assert.deepEqual(flagged("### gp3\n- Paying more: up to 16,000 IOPS (gp2's max is 250 MiB/s)"), ['outdated 16,000 IOPS']);
    assert.deepEqual(flagged('- gp3: up to 80,000 IOPS (gp2 up to 16,000 IOPS)'), []);
    // The property word right after a number is the one it states.
    assert.deepEqual(flagged('### S3 Intelligent-Tiering\n`99.99% availability & 99.999999999% durability`'), ['wrong 99.99%']);
    assert.deepEqual(flagged('### S3 Intelligent-Tiering\n`99.9% availability & 99.999999999% durability`'), []);
    // A label bullet covers a fenced block written under it; the block's "1." lines are no list.
    const fenced = ['## EBS', '* *Provisioned IOPS SSD (io2)*:', '', '```yaml', '1. 1,000 IOPS per GiB.', '2. Up to 64,000 IOPS.', '```', ''].join('\n');
    assert.deepEqual(flagged(fenced), ['outdated 64,000 IOPS']);
    // A one-letter slip in a long word of the property is read as the word.
    assert.deepEqual(flagged('# SQS\n- Retension period: max 21 days'), ['wrong 21 days']);
    assert.deepEqual(flagged('# SQS\n- Retension period: max 14 days'), []);
    // "for an additional fee" marks the paid ceiling.
    assert.deepEqual(flagged('### gp3 volumes\n- 16000 IOPS and 1000 MiB/s for an additional fee'), ['outdated 16000 IOPS', 'outdated 1000 MiB/s']);
    // A maximum stated with today's default, which was the old maximum.
    assert.deepEqual(flagged('# Lambda\n* /tmp\n    * max size is 512 MB'), ['outdated 512 MB']);
    assert.deepEqual(flagged('# Lambda\n* /tmp: 512 MB by default'), []);
    // A range recognised by its start: 128 MB is Lambda's minimum memory.
    assert.deepEqual(flagged('# Lambda\n- settable from 128MB to 3GB'), ['outdated 3GB']);
    assert.deepEqual(flagged('# Lambda\n- settable from 128MB to 10GB'), []);
    assert.deepEqual(flagged('# Lambda\n- from 128MB to 3GB, unlike the old days'), [], 'hedged');
  });

  test('subjects joined by a slash, long sentences under a label, checks named by the sentence before', () => {
    // "gp2/gp3: up to 16,000 IOPS" claims 16,000 for both: right for gp2, gp3's old maximum. No quick-fix: gp2 keeps it.
    const [joint, ...more] = check('- **GP2/GP3**: Up to **16,000 IOPS**.');
    assert.equal(more.length, 0);
    assert.equal(joint!.kind, 'outdated');
    assert.equal(joint!.fact.id, 'ec2-ebs-gp3-max-iops');
    assert.equal(joint!.replacement, undefined);
    assert.deepEqual(flagged('- gp2/gp3: up to 80,000 IOPS'), ['wrong 80,000 IOPS'], "gp2's maximum is 16,000");
    assert.deepEqual(flagged('- gp2 and gp3: up to 16,000 IOPS for gp2'), [], 'not joined by a slash');
    // A label bullet names the volume type; a longer sentence under it with its own "up to" and the unit word is still about it.
    const label = ['# EBS', '* *General Purpose SSD (gp3)*:', '    1. Customers who need more can scale up to 16,000 IOPS for an additional fee.'].join('\n');
    assert.deepEqual(flagged(label), ['outdated 16,000 IOPS']);
    const other = ['# EBS', '* *General Purpose SSD (gp3)*:', '    1. A database on such a volume, say an RDS instance, can then use up to 16,000 IOPS.'].join(
      '\n',
    );
    assert.deepEqual(flagged(other), [], 'the sentence names another service of its own');
    // The property named by the sentence's own words ("of the health checks pass").
    assert.deepEqual(flagged('## Route 53 health checks\nIf at least 80% of the health checks pass, the endpoint is healthy.'), ['wrong 80%']);
    assert.deepEqual(flagged('## Route 53 health checks\nHealthy when more than 18% of the health checks pass.'), []);
    // A fact outside the exam's core services: FSx's backups, raised from 35 to 90 days.
    assert.deepEqual(flagged('# FSx for Lustre\n- automatic backups: retention period 0-35 days'), ['outdated 35 days']);
  });

  test('a number is judged only when the fact it means is certain', () => {
    // Two services' properties in one statement: which one a leftover number belongs to is a guess.
    assert.deepEqual(flagged('lambda sqs batch upto 10k msgs (FIFO max 10)'), []);
  });

  test('notes that disagree with each other', () => {
    const here = checker.analyse(statementsWithContext('- SQS retention max 14 days'));
    const other = checker.analyse(statementsWithContext('intro\n- SQS retention max 21 days'));
    const [found] = disagreements(
      here.mentions,
      other.mentions.map((m) => ({ ...m, file: 'other.md' })),
    );
    assert.match(found!.message, /^Your notes disagree: 14 days here, 21 days in other\.md \(line 2\), which is flagged there\./);
  });
});

describe('the curated facts', () => {
  test('at least 600, each with its value, unit, qualifier, words, documentation page and check date', () => {
    assert.ok(facts.length >= 600, `${facts.length} facts`);
    assert.equal(new Set(facts.map((f) => f.id)).size, facts.length, 'unique ids');
    for (const fact of facts) {
      assert.ok(Number.isFinite(fact.value), fact.id);
      assert.ok(['min', 'max', 'default', 'exact'].includes(fact.qualifier), fact.id);
      assert.ok(fact.serviceWords.length > 0 && fact.propertyWords.length > 0, fact.id);
      assert.match(fact.source, /^https:\/\/docs\.aws\.amazon\.com\//, fact.id);
      assert.match(fact.checked, /^\d{4}-\d{2}-\d{2}$/, fact.id);
      // "about 2022" where AWS published no date for the change.
      for (const change of fact.history ?? []) assert.match(change.until, /^(about )?\d{4}(-\d{2})?$/, fact.id);
    }
  });

  test('the values that changed recently are the current ones, with their history', () => {
    const byId = new Map(facts.map((f) => [f.id, f]));
    const s3 = byId.get('s3-object-size-max')!;
    assert.deepEqual([s3.value, s3.unit, s3.history?.[0]?.value, s3.history?.[0]?.unit], [50, 'TB', 5, 'TB']);
    const logs = byId.get('cloudwatch-log-event-size-max')!;
    assert.deepEqual([logs.value, logs.unit, logs.history?.[0]?.value], [1, 'MB', 256]);
    assert.equal(byId.get('cloudwatch-alarm-high-res-period-min')!.value, 10);
  });
});

describe('the bundled knowledge notes', () => {
  test("linted as if they were the learner's notes, they give no finding: curated notes and curated facts agree", () => {
    const dir = path.join(__dirname, '..', '..', 'knowledge', 'notes');
    const service = new NotesService({ knowledgeRoot: path.join(__dirname, '..', '..') });
    const findings: string[] = [];
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      for (const f of service.lint(TextDocument.create(`file:///k/${name}`, 'markdown', 1, text), `/k/${name}`)) {
        findings.push(`${name}:${f.range.start.line + 1} ${f.code} ${f.message.slice(0, 80)}`);
      }
    }
    assert.deepEqual(findings, []);
  });
});

describe('the statement sets kept with the knowledge', () => {
  const results = judge(examples, facts, misconceptions);
  const group = (expect: string) => results.filter((r) => r.expect === expect);

  test('at least 150 correct statements, and not one of them is flagged', () => {
    const correct = group('correct');
    assert.ok(correct.length >= 150, `${correct.length} correct statements`);
    assert.deepEqual(
      correct.filter((r) => r.got !== 'correct').map((r) => `${r.from}: ${r.text} → ${r.detail}`),
      [],
    );
  });

  test('at least 100 wrong or outdated statements, and at least 60 % of them are flagged', () => {
    const wrong = [...group('wrong'), ...group('outdated')];
    assert.ok(wrong.length >= 100, `${wrong.length} wrong statements`);
    const caught = wrong.filter((r) => r.got !== 'correct').length;
    assert.ok(caught / wrong.length >= 0.6, `${caught} of ${wrong.length} flagged`);
  });

  test('outdated statements are told apart from wrong ones', () => {
    const outdated = group('outdated');
    const asOutdated = outdated.filter((r) => r.got === 'outdated').length;
    assert.ok(asOutdated / outdated.length >= 0.9, `${asOutdated} of ${outdated.length}`);
  });

  test('every misconception example is recognised', () => {
    const missed = group('misconception').filter((r) => r.got !== 'misconception');
    assert.ok(missed.length <= 1, missed.map((r) => r.text).join('\n'));
  });
});
