import { describe } from 'node:test';
import { conditionCases, OPS, MULTI, runCases, MULTI_LOGIC } from './cases';

/**
 * The scalar condition operator families (String, Numeric, Date, Bool, Binary, Null, IP), through the whole engine: an identity policy allows
 * everything under the condition, so the request is allowed exactly when the condition is true.
 */

const A = 'aws:username';

describe('String operators', () => {
  runCases(
    conditionCases([
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
    conditionCases([
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
    conditionCases([
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
    conditionCases([
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
    conditionCases([
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
        `${MULTI_LOGIC}: several values for one key are ORed`,
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
