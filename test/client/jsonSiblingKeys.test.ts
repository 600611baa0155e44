import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keysProposedBySiblings } from '../../client/src/jsonSiblingKeys';

/** The names VS Code's JSON support proposes without a schema, which the client then does not propose twice. */

const at = (text: string, marker: string) => text.indexOf(marker) + 1;

test("a statement's siblings: the keys of the other elements of the Statement array", () => {
  const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},{ }]}';
  assert.deepEqual([...keysProposedBySiblings(text, at(text, '{ }'))].sort(), ['Action', 'Effect', 'Resource']);
});

test('objects held by a property of the same name elsewhere in the document (condition operators)', () => {
  const text = [
    '{"Statement":[',
    '{"Effect":"Allow","Condition":{"StringEquals":{"aws:PrincipalTag/team":"a"}}},',
    '{"Effect":"Allow","Condition":{"StringEquals":{ }}}',
    ']}',
  ].join('');
  assert.deepEqual([...keysProposedBySiblings(text, at(text, '{ }}}'))], ['aws:PrincipalTag/team']);
});

test('a single statement, the top level, broken and empty documents: nothing', () => {
  const single = '{"Statement":{"Effect":"Allow", }}';
  assert.deepEqual([...keysProposedBySiblings(single, single.indexOf(', ') + 2)], []);
  const top = '{"Version":"2012-10-17", }';
  assert.deepEqual([...keysProposedBySiblings(top, top.indexOf(', ') + 2)], []);
  for (const text of ['', '{', '[', '{"Statement":[{"Effect":', '\u0000\u0001'])
    assert.deepEqual([...keysProposedBySiblings(text, text.length)], [], JSON.stringify(text));
});
