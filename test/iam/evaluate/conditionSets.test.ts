import { describe } from 'node:test';
import { conditionCases, OPS, MULTI, VARS, runCases, MULTI_LOGIC, DOC } from './cases';

/**
 * ARN operators, set operators on multivalued keys, AND/OR of conditions and policy variables, through the whole engine: an identity policy allows
 * everything under the condition, so the request is allowed exactly when the condition is true.
 */

const A = 'aws:username';

describe('ARN operators', () => {
  const P = 'aws:SourceArn';
  runCases(
    conditionCases([
      [
        'ArnEquals exact',
        `${OPS}#Conditions_ARN`,
        { ArnEquals: { [P]: 'arn:aws:sns:us-east-1:111122223333:topic' } },
        { [P]: 'arn:aws:sns:us-east-1:111122223333:topic' },
        true,
      ],
      [
        'ArnLike with a wildcard region',
        `${OPS}#Conditions_ARN: each of the six parts is matched separately`,
        { ArnLike: { [P]: 'arn:aws:sns:*:111122223333:topic' } },
        { [P]: 'arn:aws:sns:eu-west-1:111122223333:topic' },
        true,
      ],
      [
        'ArnLike: a wildcard does not cross into the account part',
        `${OPS}#Conditions_ARN: each of the six parts is matched separately`,
        { ArnLike: { [P]: 'arn:aws:sns:us-*:topic' } },
        { [P]: 'arn:aws:sns:us-east-1:111122223333:topic' },
        false,
      ],
      ['ArnLike with a wildcard resource part', `${OPS}#Conditions_ARN`, { ArnLike: { [P]: 'arn:aws:s3:::logs-*' } }, { [P]: 'arn:aws:s3:::logs-2026' }, true],
      [
        'ArnEquals also accepts wildcards',
        `${OPS}#Conditions_ARN: ArnEquals and ArnLike behave alike`,
        { ArnEquals: { [P]: 'arn:aws:s3:::logs-*' } },
        { [P]: 'arn:aws:s3:::logs-2026' },
        true,
      ],
      ['ArnLike is case-sensitive', `${OPS}#Conditions_ARN: case-sensitive`, { ArnLike: { [P]: 'arn:aws:s3:::Logs' } }, { [P]: 'arn:aws:s3:::logs' }, false],
      [
        'ArnNotEquals with another ARN is true',
        `${OPS}#Conditions_ARN: ArnNotEquals`,
        { ArnNotEquals: { [P]: 'arn:aws:s3:::a' } },
        { [P]: 'arn:aws:s3:::b' },
        true,
      ],
      [
        'ArnNotLike with a matching ARN is false',
        `${OPS}#Conditions_ARN: ArnNotLike`,
        { ArnNotLike: { [P]: 'arn:aws:s3:::*' } },
        { [P]: 'arn:aws:s3:::b' },
        false,
      ],
      [
        'ArnNotLike on a missing key is true',
        `${OPS}: negated operators are true when the key is missing`,
        { ArnNotLike: { [P]: 'arn:aws:s3:::*' } },
        {},
        true,
      ],
      ['ArnLike on a value that is not an ARN is false', `${OPS}#Conditions_ARN`, { ArnLike: { [P]: '*' } }, { [P]: 'not-an-arn' }, false],
      ['ArnLikeIfExists on a missing key is true', `${OPS}#Conditions_IfExists`, { ArnLikeIfExists: { [P]: 'arn:aws:s3:::x' } }, {}, true],
    ]),
  );
});

describe('set operators on multivalued keys', () => {
  const K = 'aws:TagKeys';
  runCases(
    conditionCases([
      [
        'ForAllValues: every value in the policy set',
        `${MULTI}: ForAllValues needs every request value to match`,
        { 'ForAllValues:StringEquals': { [K]: ['env', 'team'] } },
        { [K]: ['env', 'team'] },
        true,
      ],
      [
        'ForAllValues: one value outside the set',
        `${MULTI}: ForAllValues needs every request value to match`,
        { 'ForAllValues:StringEquals': { [K]: ['env', 'team'] } },
        { [K]: ['env', 'owner'] },
        false,
      ],
      [
        'ForAllValues on a missing key is true',
        `${MULTI}: ForAllValues is true when the key is missing`,
        { 'ForAllValues:StringEquals': { [K]: ['env'] } },
        {},
        true,
      ],
      [
        'ForAllValues on an empty list is true',
        `${MULTI}: ForAllValues is true for an empty set`,
        { 'ForAllValues:StringEquals': { [K]: ['env'] } },
        { [K]: [] },
        true,
      ],
      [
        'ForAnyValue: one value matches',
        `${MULTI}: ForAnyValue needs one request value to match`,
        { 'ForAnyValue:StringEquals': { [K]: ['env'] } },
        { [K]: ['owner', 'env'] },
        true,
      ],
      [
        'ForAnyValue: none matches',
        `${MULTI}: ForAnyValue needs one request value to match`,
        { 'ForAnyValue:StringEquals': { [K]: ['env'] } },
        { [K]: ['owner'] },
        false,
      ],
      [
        'ForAnyValue on a missing key is false',
        `${MULTI}: ForAnyValue is false when the key is missing`,
        { 'ForAnyValue:StringEquals': { [K]: ['env'] } },
        {},
        false,
      ],
      [
        'ForAnyValue on an empty list is false',
        `${MULTI}: ForAnyValue is false for an empty set`,
        { 'ForAnyValue:StringEquals': { [K]: ['env'] } },
        { [K]: [] },
        false,
      ],
      [
        'ForAllValues:StringLike with a wildcard',
        `${MULTI}: set operators with StringLike`,
        { 'ForAllValues:StringLike': { [K]: 'app-*' } },
        { [K]: ['app-a', 'app-b'] },
        true,
      ],
      [
        'ForAllValues:StringNotLike: every value avoids the pattern',
        `${DOC}reference_policies_condition_examples-multi-valued-context-keys.html: ForAllValues with a negated operator`,
        { 'ForAllValues:StringNotLike': { [K]: 'key1*' } },
        { [K]: ['key2:audit'] },
        true,
      ],
      [
        'ForAllValues:StringNotLike: one value has the prefix',
        `${DOC}reference_policies_condition_examples-multi-valued-context-keys.html`,
        { 'ForAllValues:StringNotLike': { [K]: 'key1*' } },
        { [K]: ['key1:legal', 'key2:x'] },
        false,
      ],
      [
        'ForAnyValue:StringNotEquals: one value outside the set',
        `${MULTI}: ForAnyValue with a negated operator`,
        { 'ForAnyValue:StringNotEquals': { [K]: ['env'] } },
        { [K]: ['env', 'owner'] },
        true,
      ],
      [
        'ForAnyValue:StringNotEquals: all values inside the set',
        `${MULTI}: ForAnyValue with a negated operator`,
        { 'ForAnyValue:StringNotEquals': { [K]: ['env'] } },
        { [K]: ['env'] },
        false,
      ],
      [
        'ForAnyValue:StringEqualsIfExists on a missing key is true',
        `${OPS}#Conditions_IfExists with a set operator`,
        { 'ForAnyValue:StringEqualsIfExists': { [K]: ['env'] } },
        {},
        true,
      ],
      ['set operators read the qualifier case-insensitively', `${MULTI}`, { 'forallvalues:StringEquals': { [K]: ['env'] } }, { [K]: ['env'] }, true],
      [
        'without a set operator, one of several request values is enough',
        `${MULTI}: a plain operator on a multivalued key`,
        { StringEquals: { [K]: 'env' } },
        { [K]: ['owner', 'env'] },
        true,
      ],
    ]),
  );
});

describe('AND and OR', () => {
  runCases(
    conditionCases([
      [
        'two keys under one operator: both must hold',
        `${MULTI_LOGIC}: keys are ANDed`,
        { StringEquals: { [A]: 'alice', 'aws:RequestedRegion': 'eu-west-1' } },
        { [A]: 'alice', 'aws:RequestedRegion': 'us-east-1' },
        false,
      ],
      [
        'two keys under one operator: both hold',
        `${MULTI_LOGIC}: keys are ANDed`,
        { StringEquals: { [A]: 'alice', 'aws:RequestedRegion': 'eu-west-1' } },
        { [A]: 'alice', 'aws:RequestedRegion': 'eu-west-1' },
        true,
      ],
      [
        'two operators: both must hold',
        `${MULTI_LOGIC}: operators are ANDed`,
        { StringEquals: { [A]: 'alice' }, Bool: { 'aws:SecureTransport': 'true' } },
        { [A]: 'alice', 'aws:SecureTransport': 'false' },
        false,
      ],
      ['values of one key are ORed', `${MULTI_LOGIC}: values are ORed`, { StringEquals: { [A]: ['bob', 'alice'] } }, { [A]: 'alice' }, true],
      [
        'values of a negated operator: none may match',
        `${MULTI_LOGIC}: a negated operator with several values`,
        { StringNotEquals: { [A]: ['bob', 'alice'] } },
        { [A]: 'alice' },
        false,
      ],
      [
        'an unknown operator makes the condition false',
        `${OPS}: only the documented operators exist`,
        { StringMaybe: { [A]: 'alice' } },
        { [A]: 'alice' },
        false,
      ],
    ]),
  );
});

describe('policy variables in conditions', () => {
  runCases(
    conditionCases([
      [
        'a variable in a condition value',
        `${VARS}: variables in condition values`,
        { StringEquals: { 's3:prefix': 'home/${aws:username}/' } },
        { 's3:prefix': 'home/alice/', [A]: 'alice' },
        true,
      ],
      [
        'a variable for another user',
        `${VARS}: variables in condition values`,
        { StringEquals: { 's3:prefix': 'home/${aws:username}/' } },
        { 's3:prefix': 'home/bob/', [A]: 'alice' },
        false,
      ],
      [
        'a missing variable makes the condition false',
        `${VARS}: a variable without a value`,
        { StringEquals: { 's3:prefix': 'home/${aws:username}/' } },
        { 's3:prefix': 'home//' },
        false,
      ],
      [
        'a variable with a default value',
        `${VARS}#policy-vars-default-values`,
        { StringEquals: { 's3:prefix': "${aws:PrincipalTag/team, 'shared'}" } },
        { 's3:prefix': 'shared' },
        true,
      ],
      [
        'a tag variable',
        `${VARS}: tags as variables`,
        { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
        { 'aws:ResourceTag/team': 'red', 'aws:PrincipalTag/team': 'red' },
        true,
      ],
      [
        'StringLike: text from a variable is literal',
        `${VARS}: special characters`,
        { StringLike: { 's3:prefix': '${aws:username}' } },
        { 's3:prefix': 'alice', [A]: 'a*' },
        false,
      ],
      ['${*} is a literal asterisk', `${VARS}#policy-vars-specialchars`, { StringEquals: { 's3:prefix': 'x${*}' } }, { 's3:prefix': 'x*' }, true],
    ]),
  );
});
