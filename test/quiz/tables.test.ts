import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { NotesService } from '../../server/src/service/notes/service';
import { EMPTY_KNOWLEDGE } from '../../server/src/service/notes/knowledge';
import { isCorrect } from '../../server/src/service/quiz/answers';
import { comparisonCells, tablesOf, tableTerms } from '../../server/src/service/quiz/tables';
import { quizFromNotes } from '../../server/src/service/quiz/generate';

/** Questions from Markdown tables: glossaries and comparisons, and nothing from tables of other shapes. */

const COMPARISON = [
  '| Feature          | EventBridge | SNS | SQS |',
  '|:-----------------|-------------|-----|----:|',
  '| **Delivery**     | Push to targets by rule | Push to subscribers | Pull by consumers |',
  '| Retention        | 24 hours of retries | None | Up to 14 days |',
  '| Ordering         | No | No | FIFO queues |',
  '| Ragged row | only two |',
];

const GLOSSARY = [
  '| State | Description |',
  '|---|---|',
  '| OK | The metric is within the threshold you defined |',
  '| ALARM | The metric crossed the threshold for the evaluation periods |',
  '| INSUFFICIENT_DATA | Not enough data points yet to decide \\| or the alarm just started |',
];

describe('tables in notes', () => {
  test('parse: header, separator with alignment, rows of the header width, escaped pipes kept in the cell', () => {
    const [table] = tablesOf(GLOSSARY, 20);
    assert.deepEqual(table!.header, ['State', 'Description']);
    assert.equal(table!.rows.length, 3);
    assert.deepEqual(table!.rows[2], { cells: ['INSUFFICIENT_DATA', 'Not enough data points yet to decide | or the alarm just started'], line: 24 });
    const [comparison] = tablesOf(COMPARISON, 1);
    assert.equal(comparison!.rows.length, 3, 'the ragged row is left out');
    assert.deepEqual(comparison!.rows[0]!.cells, ['Delivery', 'Push to targets by rule', 'Push to subscribers', 'Pull by consumers']);
    assert.deepEqual(tablesOf(['| a | b |', '| c | d |'], 1), [], 'no separator, no table');
  });

  test('a glossary table gives term ↔ definition pairs with their lines', () => {
    assert.deepEqual(
      tableTerms(tablesOf(GLOSSARY, 20)).map((t) => [t.term, t.line]),
      [
        ['OK', 22],
        ['ALARM', 23],
        ['INSUFFICIENT_DATA', 24],
      ],
    );
    assert.deepEqual(tableTerms(tablesOf(['| Name | Value |', '|---|---|', '| a | some words here |'], 1)), [], 'a second column that is not a description');
  });

  test('a comparison table asks which column has a value only it has', () => {
    const cells = comparisonCells(tablesOf(COMPARISON, 1));
    assert.deepEqual(
      cells.map((c) => [c.attribute, c.value, c.answer, c.line]),
      [
        ['Delivery', 'Push to targets by rule', 'EventBridge', 3],
        ['Delivery', 'Push to subscribers', 'SNS', 3],
        ['Delivery', 'Pull by consumers', 'SQS', 3],
        ['Retention', '24 hours of retries', 'EventBridge', 4],
        ['Retention', 'Up to 14 days', 'SQS', 4],
        ['Ordering', 'FIFO queues', 'SQS', 5],
      ],
      '"None" and "No" say nothing about which one is meant',
    );
    assert.deepEqual(cells[0]!.options, ['EventBridge', 'SNS', 'SQS']);
  });

  test('tables of other shapes make no comparison questions', () => {
    const rowsAreThings = ['| Service | Retention | Ordering | Push |', '|---|---|---|---|', '| SQS | 14 days | FIFO | no |'];
    assert.deepEqual(comparisonCells(tablesOf(rowsAreThings, 1)), [], 'the first header names the rows: the columns are not options');
    const two = ['| Feature | NAT Gateway | NAT Instance |', '|---|---|---|', '| Managed | AWS | You |'];
    assert.deepEqual(comparisonCells(tablesOf(two, 1)), [], 'two options make a coin toss');
  });

  test('from a note to a quiz: table questions are well formed and answerable', () => {
    const notes = new NotesService({ knowledgeRoot: path.resolve(__dirname, '..', '..'), knowledge: EMPTY_KNOWLEDGE });
    const file = path.join('/notes', 'messaging.md');
    notes.setNote(file, ['# Messaging', '', '## Compared', '', ...COMPARISON, '', '## Alarm states', '', ...GLOSSARY, ''].join('\n'));
    const questions = quizFromNotes(notes, { count: 50, seed: 3 });
    const cells = questions.filter((q) => q.type === 'table-cell');
    assert.ok(cells.length >= 1 && cells.length <= 2, `at most two per section: ${cells.length}`);
    for (const q of cells) {
      assert.match(q.prompt, /^\[Messaging › Compared\] Which one has (Delivery|Retention|Ordering): ".+"\?$/);
      assert.deepEqual([...q.options!].sort(), ['EventBridge', 'SNS', 'SQS']);
      assert.ok(isCorrect(q, q.answer));
      assert.equal(q.source.file, file);
      assert.ok([7, 8, 9].includes(q.source.startLine), `source line ${q.source.startLine}`);
    }
    const terms = questions.filter((q) => (q.type === 'term-definition' || q.type === 'definition-term') && q.source.startLine >= 15);
    assert.ok(terms.length >= 1, 'the glossary table gives term questions');
  });
});
