import { describe } from 'node:test';
import { allowAll, type Case, DOC, runCases } from './cases';

/**
 * Every condition operator family, through the whole engine: an identity policy allows
 * everything under the condition, so the request is allowed exactly when the condition is true.
 */

const OPS = `${DOC}reference_policies_elements_condition_operators.html`;
const MULTI = `${DOC}reference_policies_condition-single-vs-multi-valued-context-keys.html`;
const LOGIC = `${DOC}reference_policies_multi-value-conditions.html`;
const VARS = `${DOC}reference_policies_variables.html`;

type Row = [name: string, rule: string, condition: Record<string, unknown>, context: Record<string, string | string[]>, allowed: boolean];

function cases(rows: readonly Row[]): Case[] {
  return rows.map(([name, rule, Condition, context, allowed]) => ({
    name,
    rule,
    identity: [allowAll({ Condition })],
    context,
    expect: allowed ? 'allowed' : 'implicit-deny',
  }));
}

const A = 'aws:username';

describe('String operators', () => {
  runCases(
    cases([
      ['StringEquals matches the exact value', `${OPS}#Conditions_String: StringEquals is exact`, { StringEquals: { [A]: 'alice' } }, { [A]: 'alice' }, true],
      [
        'StringEquals is case-sensitive',
        `${OPS}#Conditions_String: StringEquals is case-sensitive`,
        { StringEquals: { [A]: 'Alice' } },
        { [A]: 'alice' },
        false,
      ],
      [
        'StringEquals on a missing key is false',
        `${OPS}: a condition on a key missing from the request is false`,
        { StringEquals: { [A]: 'alice' } },
        {},
        false,
      ],
      ['StringNotEquals with another value is true', `${OPS}#Conditions_String: StringNotEquals`, { StringNotEquals: { [A]: 'bob' } }, { [A]: 'alice' }, true],
      [
        'StringNotEquals with the same value is false',
        `${OPS}#Conditions_String: StringNotEquals`,
        { StringNotEquals: { [A]: 'alice' } },
        { [A]: 'alice' },
        false,
      ],
      [
        'StringNotEquals on a missing key is true',
        `${OPS}: negated operators are true when the key is missing`,
        { StringNotEquals: { [A]: 'alice' } },
        {},
        true,
      ],
      [
        'StringEqualsIgnoreCase ignores case',
        `${OPS}#Conditions_String: StringEqualsIgnoreCase`,
        { StringEqualsIgnoreCase: { [A]: 'ALICE' } },
        { [A]: 'alice' },
        true,
      ],
      [
        'StringNotEqualsIgnoreCase ignores case',
        `${OPS}#Conditions_String: StringNotEqualsIgnoreCase`,
        { StringNotEqualsIgnoreCase: { [A]: 'ALICE' } },
        { [A]: 'alice' },
        false,
      ],
      [
        'StringLike with *',
        `${OPS}#Conditions_String: StringLike accepts * wildcards`,
        { StringLike: { 's3:prefix': 'home/*' } },
        { 's3:prefix': 'home/alice/' },
        true,
      ],
      [
        'StringLike with ? matches exactly one character',
        `${OPS}#Conditions_String: ? is one character`,
        { StringLike: { 's3:prefix': 'dir?' } },
        { 's3:prefix': 'dir1' },
        true,
      ],
      [
        'StringLike ? does not match two characters',
        `${OPS}#Conditions_String: ? is one character`,
        { StringLike: { 's3:prefix': 'dir?' } },
        { 's3:prefix': 'dir12' },
        false,
      ],
      [
        'StringLike is case-sensitive',
        `${OPS}#Conditions_String: StringLike is case-sensitive`,
        { StringLike: { 's3:prefix': 'Home/*' } },
        { 's3:prefix': 'home/x' },
        false,
      ],
      [
        'StringNotLike with a non-matching value is true',
        `${OPS}#Conditions_String: StringNotLike`,
        { StringNotLike: { 's3:prefix': 'secret/*' } },
        { 's3:prefix': 'public/a' },
        true,
      ],
      [
        'StringNotLike with a matching value is false',
        `${OPS}#Conditions_String: StringNotLike`,
        { StringNotLike: { 's3:prefix': 'secret/*' } },
        { 's3:prefix': 'secret/a' },
        false,
      ],
      [
        'StringNotLike on a missing key is true',
        `${OPS}: negated operators are true when the key is missing`,
        { StringNotLike: { 's3:prefix': 'secret/*' } },
        {},
        true,
      ],
      [
        'StringEquals does not treat * as a wildcard',
        `${OPS}#Conditions_String: only the Like operators read wildcards`,
        { StringEquals: { [A]: 'a*' } },
        { [A]: 'alice' },
        false,
      ],
      [
        'condition key names are case-insensitive',
        `${OPS}: condition key names are not case-sensitive`,
        { StringEquals: { 'AWS:UserName': 'alice' } },
        { [A]: 'alice' },
        true,
      ],
      [
        'StringEqualsIfExists on a missing key is true',
        `${OPS}#Conditions_IfExists: …IfExists is true when the key is absent`,
        { StringEqualsIfExists: { 'ec2:InstanceType': 't3.micro' } },
        {},
        true,
      ],
      [
        'StringEqualsIfExists on a present key compares',
        `${OPS}#Conditions_IfExists: …IfExists compares a present key normally`,
        { StringEqualsIfExists: { 'ec2:InstanceType': 't3.micro' } },
        { 'ec2:InstanceType': 'm5.large' },
        false,
      ],
      [
        'StringNotEqualsIfExists on a missing key is true',
        `${OPS}#Conditions_IfExists`,
        { StringNotEqualsIfExists: { 'ec2:InstanceType': 't3.micro' } },
        {},
        true,
      ],
    ]),
  );
});

describe('Numeric operators', () => {
  const K = 's3:max-keys';
  runCases(
    cases([
      ['NumericEquals', `${OPS}#Conditions_Numeric: NumericEquals`, { NumericEquals: { [K]: '10' } }, { [K]: '10' }, true],
      ['NumericEquals compares numbers, not text', `${OPS}#Conditions_Numeric: values are numbers`, { NumericEquals: { [K]: '10' } }, { [K]: '10.0' }, true],
      ['NumericNotEquals', `${OPS}#Conditions_Numeric: NumericNotEquals`, { NumericNotEquals: { [K]: '10' } }, { [K]: '11' }, true],
      [
        'NumericNotEquals on a missing key is true',
        `${OPS}: negated operators are true when the key is missing`,
        { NumericNotEquals: { [K]: '10' } },
        {},
        true,
      ],
      ['NumericLessThan true', `${OPS}#Conditions_Numeric: NumericLessThan`, { NumericLessThan: { [K]: '10' } }, { [K]: '9' }, true],
      ['NumericLessThan is strict', `${OPS}#Conditions_Numeric: NumericLessThan`, { NumericLessThan: { [K]: '10' } }, { [K]: '10' }, false],
      ['NumericLessThanEquals', `${OPS}#Conditions_Numeric: NumericLessThanEquals`, { NumericLessThanEquals: { [K]: '10' } }, { [K]: '10' }, true],
      ['NumericGreaterThan', `${OPS}#Conditions_Numeric: NumericGreaterThan`, { NumericGreaterThan: { [K]: '10' } }, { [K]: '10' }, false],
      ['NumericGreaterThanEquals', `${OPS}#Conditions_Numeric: NumericGreaterThanEquals`, { NumericGreaterThanEquals: { [K]: '10' } }, { [K]: '11' }, true],
      ['Numeric on a missing key is false', `${OPS}: a condition on a missing key is false`, { NumericLessThan: { [K]: '10' } }, {}, false],
      [
        'Numeric with a non-numeric request value is false',
        `${OPS}#Conditions_Numeric: values must be numbers`,
        { NumericLessThan: { [K]: '10' } },
        { [K]: 'ten' },
        false,
      ],
      ['Numeric JSON number values work', `${OPS}#Conditions_Numeric`, { NumericLessThanEquals: { [K]: 100 } }, { [K]: '50' }, true],
      ['NumericLessThanIfExists missing is true', `${OPS}#Conditions_IfExists`, { NumericLessThanIfExists: { [K]: '10' } }, {}, true],
    ]),
  );
});

describe('Date operators', () => {
  const T = 'aws:CurrentTime';
  const E = 'aws:EpochTime';
  runCases(
    cases([
      [
        'DateLessThan with ISO 8601',
        `${OPS}#Conditions_Date: DateLessThan`,
        { DateLessThan: { [T]: '2030-01-01T00:00:00Z' } },
        { [T]: '2026-12-07T12:00:00Z' },
        true,
      ],
      [
        'DateLessThan after the date is false',
        `${OPS}#Conditions_Date: DateLessThan`,
        { DateLessThan: { [T]: '2020-01-01T00:00:00Z' } },
        { [T]: '2026-12-07T12:00:00Z' },
        false,
      ],
      [
        'DateGreaterThan',
        `${OPS}#Conditions_Date: DateGreaterThan`,
        { DateGreaterThan: { [T]: '2020-01-01T00:00:00Z' } },
        { [T]: '2026-12-07T12:00:00Z' },
        true,
      ],
      [
        'DateGreaterThanEquals on the same instant',
        `${OPS}#Conditions_Date: DateGreaterThanEquals`,
        { DateGreaterThanEquals: { [T]: '2026-01-01T00:00:00Z' } },
        { [T]: '2026-01-01T00:00:00Z' },
        true,
      ],
      [
        'DateLessThanEquals',
        `${OPS}#Conditions_Date: DateLessThanEquals`,
        { DateLessThanEquals: { [T]: '2026-01-01' } },
        { [T]: '2026-01-01T00:00:00Z' },
        true,
      ],
      [
        'DateEquals with epoch seconds on both sides',
        `${OPS}#Conditions_Date: epoch time is accepted`,
        { DateEquals: { [E]: '1700000000' } },
        { [E]: '1700000000' },
        true,
      ],
      [
        'DateEquals compares an ISO date with epoch seconds',
        `${OPS}#Conditions_Date: ISO 8601 or epoch`,
        { DateEquals: { [T]: '2023-11-14T22:13:20Z' } },
        { [T]: '1700000000' },
        true,
      ],
      ['DateNotEquals', `${OPS}#Conditions_Date: DateNotEquals`, { DateNotEquals: { [T]: '2023-11-14T22:13:20Z' } }, { [T]: '2024-01-01T00:00:00Z' }, true],
      [
        'DateNotEquals on a missing key is true',
        `${OPS}: negated operators are true when the key is missing`,
        { DateNotEquals: { [T]: '2023-11-14T22:13:20Z' } },
        {},
        true,
      ],
      ['Date on a missing key is false', `${OPS}: a condition on a missing key is false`, { DateLessThan: { [T]: '2030-01-01T00:00:00Z' } }, {}, false],
      [
        'Date with a time zone offset',
        `${OPS}#Conditions_Date: W3C date-time formats`,
        { DateLessThan: { [T]: '2026-01-01T10:00:00+02:00' } },
        { [T]: '2026-01-01T07:59:00Z' },
        true,
      ],
    ]),
  );
});

describe('Bool, Binary and Null', () => {
  const S = 'aws:SecureTransport';
  const M = 'aws:MultiFactorAuthPresent';
  runCases(
    cases([
      ['Bool true', `${OPS}#Conditions_Boolean`, { Bool: { [S]: 'true' } }, { [S]: 'true' }, true],
      ['Bool false vs true', `${OPS}#Conditions_Boolean`, { Bool: { [S]: 'false' } }, { [S]: 'true' }, false],
      ['Bool is case-insensitive', `${OPS}#Conditions_Boolean`, { Bool: { [S]: 'TRUE' } }, { [S]: 'true' }, true],
      ['Bool with a JSON boolean', `${OPS}#Conditions_Boolean`, { Bool: { [S]: true } }, { [S]: 'true' }, true],
      ['Bool on a missing key is false', `${OPS}#Conditions_Boolean: a missing key makes Bool false`, { Bool: { [M]: 'true' } }, {}, false],
      [
        'BoolIfExists false on a missing key is true (the MFA trap)',
        `${OPS}#Conditions_IfExists: BoolIfExists on a missing MFA key`,
        { BoolIfExists: { [M]: 'false' } },
        {},
        true,
      ],
      [
        'BinaryEquals equal base64',
        `${OPS}#Conditions_BinaryEquals`,
        { BinaryEquals: { 'key:bin': 'QmluYXJ5VmFsdWU=' } },
        { 'key:bin': 'QmluYXJ5VmFsdWU=' },
        true,
      ],
      ['BinaryEquals different bytes', `${OPS}#Conditions_BinaryEquals`, { BinaryEquals: { 'key:bin': 'QmluYXJ5VmFsdWU=' } }, { 'key:bin': 'T3RoZXI=' }, false],
      ['Null true on a missing key', `${OPS}#Conditions_Null: true means the key is absent`, { Null: { 'aws:TokenIssueTime': 'true' } }, {}, true],
      [
        'Null true on a present key',
        `${OPS}#Conditions_Null`,
        { Null: { 'aws:TokenIssueTime': 'true' } },
        { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' },
        false,
      ],
      [
        'Null false on a present key',
        `${OPS}#Conditions_Null: false means the key is present`,
        { Null: { 'aws:TokenIssueTime': 'false' } },
        { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' },
        true,
      ],
      ['Null false on a missing key', `${OPS}#Conditions_Null`, { Null: { 'aws:TokenIssueTime': 'false' } }, {}, false],
      [
        'Null false on an empty multivalued key',
        `${MULTI}: Null false requires a non-empty value`,
        { Null: { 'aws:TagKeys': 'false' } },
        { 'aws:TagKeys': [] },
        false,
      ],
    ]),
  );
});

describe('IpAddress and NotIpAddress', () => {
  const IP = 'aws:SourceIp';
  runCases(
    cases([
      ['IpAddress inside an IPv4 CIDR', `${OPS}#Conditions_IPAddress`, { IpAddress: { [IP]: '203.0.113.0/24' } }, { [IP]: '203.0.113.7' }, true],
      ['IpAddress outside an IPv4 CIDR', `${OPS}#Conditions_IPAddress`, { IpAddress: { [IP]: '203.0.113.0/24' } }, { [IP]: '203.0.114.7' }, false],
      ['IpAddress with a bare address is a /32', `${OPS}#Conditions_IPAddress`, { IpAddress: { [IP]: '203.0.113.7' } }, { [IP]: '203.0.113.7' }, true],
      ['IpAddress /0 matches every IPv4 address', `${OPS}#Conditions_IPAddress`, { IpAddress: { [IP]: '0.0.0.0/0' } }, { [IP]: '8.8.8.8' }, true],
      ['IpAddress with an IPv6 CIDR', `${OPS}#Conditions_IPAddress: IPv6 blocks`, { IpAddress: { [IP]: '2001:db8::/32' } }, { [IP]: '2001:db8:1234::1' }, true],
      [
        'IpAddress IPv6 outside the block',
        `${OPS}#Conditions_IPAddress: IPv6 blocks`,
        { IpAddress: { [IP]: '2001:db8::/32' } },
        { [IP]: '2001:db9::1' },
        false,
      ],
      ['IPv4 address never matches an IPv6 block', `${OPS}#Conditions_IPAddress`, { IpAddress: { [IP]: '::/0' } }, { [IP]: '10.0.0.1' }, false],
      [
        'several blocks are ORed',
        `${LOGIC}: several values for one key are ORed`,
        { IpAddress: { [IP]: ['10.0.0.0/8', '192.168.0.0/16'] } },
        { [IP]: '192.168.4.4' },
        true,
      ],
      [
        'NotIpAddress outside the block is true',
        `${OPS}#Conditions_IPAddress: NotIpAddress`,
        { NotIpAddress: { [IP]: '10.0.0.0/8' } },
        { [IP]: '8.8.8.8' },
        true,
      ],
      [
        'NotIpAddress inside the block is false',
        `${OPS}#Conditions_IPAddress: NotIpAddress`,
        { NotIpAddress: { [IP]: '10.0.0.0/8' } },
        { [IP]: '10.1.2.3' },
        false,
      ],
      [
        'NotIpAddress on a missing key is true',
        `${OPS}: negated operators are true when the key is missing`,
        { NotIpAddress: { [IP]: '10.0.0.0/8' } },
        {},
        true,
      ],
      ['IpAddress on a missing key is false', `${OPS}: a condition on a missing key is false`, { IpAddress: { [IP]: '10.0.0.0/8' } }, {}, false],
    ]),
  );
});

describe('ARN operators', () => {
  const P = 'aws:SourceArn';
  runCases(
    cases([
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
    cases([
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
    cases([
      [
        'two keys under one operator: both must hold',
        `${LOGIC}: keys are ANDed`,
        { StringEquals: { [A]: 'alice', 'aws:RequestedRegion': 'eu-west-1' } },
        { [A]: 'alice', 'aws:RequestedRegion': 'us-east-1' },
        false,
      ],
      [
        'two keys under one operator: both hold',
        `${LOGIC}: keys are ANDed`,
        { StringEquals: { [A]: 'alice', 'aws:RequestedRegion': 'eu-west-1' } },
        { [A]: 'alice', 'aws:RequestedRegion': 'eu-west-1' },
        true,
      ],
      [
        'two operators: both must hold',
        `${LOGIC}: operators are ANDed`,
        { StringEquals: { [A]: 'alice' }, Bool: { 'aws:SecureTransport': 'true' } },
        { [A]: 'alice', 'aws:SecureTransport': 'false' },
        false,
      ],
      ['values of one key are ORed', `${LOGIC}: values are ORed`, { StringEquals: { [A]: ['bob', 'alice'] } }, { [A]: 'alice' }, true],
      [
        'values of a negated operator: none may match',
        `${LOGIC}: a negated operator with several values`,
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
    cases([
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
