import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseContext } from '../../client/src/contextText';

test('the request context of Simulate Request: pairs, repeated keys as several values, "=" inside values', () => {
  assert.deepEqual(parseContext('aws:SourceIp=203.0.113.7; aws:TagKeys=a; aws:TagKeys=b; aws:PrincipalTag/team = blue'), {
    'aws:SourceIp': ['203.0.113.7'],
    'aws:TagKeys': ['a', 'b'],
    'aws:PrincipalTag/team': ['blue'],
  });
  assert.deepEqual(parseContext('s3:prefix=a=b'), { 's3:prefix': ['a=b'] });
  assert.deepEqual(parseContext(''), {});
  assert.deepEqual(parseContext('=x; ; novalue'), {});
});
