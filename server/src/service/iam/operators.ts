import operatorData from '../../../../knowledge/iam/condition-operators.json';
import type { ConditionKeyType } from './catalog/catalog';

/** Condition operators, their qualifiers (IfExists, ForAllValues:, ForAnyValue:) and type compatibility. */

export type OperatorCategory = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

export interface OperatorInfo {
  readonly name: string;
  readonly category: OperatorCategory;
  readonly description: string;
  readonly supportsWildcards: boolean;
  readonly negated: boolean;
}

export interface ParsedOperator {
  readonly text: string;
  /** The operator without qualifiers, as written. */
  readonly base: string;
  readonly info?: OperatorInfo;
  readonly ifExists: boolean;
  readonly set?: 'ForAllValues' | 'ForAnyValue';
}

export const OPERATORS: ReadonlyMap<string, OperatorInfo> = new Map(
  Object.entries(operatorData.operators).map(([name, info]) => [name, { name, ...(info as Omit<OperatorInfo, 'name'>) }]),
);
export const QUALIFIERS: Readonly<Record<string, string>> = operatorData.qualifiers;
const BY_LOWER = new Map([...OPERATORS.values()].map((info) => [info.name.toLowerCase(), info]));

export function parseOperator(text: string): ParsedOperator {
  let rest = text;
  let set: ParsedOperator['set'];
  const prefix = /^(ForAllValues|ForAnyValue):/i.exec(rest);
  if (prefix) {
    set = prefix[1]!.toLowerCase() === 'forallvalues' ? 'ForAllValues' : 'ForAnyValue';
    rest = rest.slice(prefix[0].length);
  }
  let ifExists = false;
  let info = BY_LOWER.get(rest.toLowerCase());
  if (!info && /IfExists$/i.test(rest)) {
    const withoutSuffix = rest.slice(0, -'IfExists'.length);
    info = BY_LOWER.get(withoutSuffix.toLowerCase());
    if (info) {
      ifExists = true;
      rest = withoutSuffix;
    }
  }
  return { text, base: rest, info, ifExists, set };
}

/** Every spelling the completion offers: base names, their IfExists forms and the set-qualified forms. */
export function allOperatorSpellings(): string[] {
  const names: string[] = [];
  for (const info of OPERATORS.values()) {
    names.push(info.name);
    if (info.category !== 'Null') names.push(`${info.name}IfExists`);
  }
  return names;
}

/** Key types each operator family can compare; Null works with every key. */
const COMPATIBLE: Record<OperatorCategory, readonly string[]> = {
  // ARN keys are strings too, and IAM compares them as such.
  String: ['String', 'ARN'],
  Numeric: ['Numeric'],
  Date: ['Date', 'Numeric'],
  Bool: ['Bool'],
  Binary: ['Binary', 'String'],
  IpAddress: ['IPAddress'],
  Arn: ['ARN', 'String'],
  Null: [],
};

export function isCompatible(category: OperatorCategory, keyType: ConditionKeyType): boolean {
  if (category === 'Null') return true;
  const scalar = keyType.replace(/^ArrayOf/, '');
  return COMPATIBLE[category].includes(scalar);
}

/** The operator family that suits a key type, for messages. */
export function suitableOperators(keyType: ConditionKeyType): string {
  const scalar = keyType.replace(/^ArrayOf/, '');
  switch (scalar) {
    case 'Numeric':
      return 'Numeric… operators (NumericEquals, NumericLessThan, …)';
    case 'Date':
      return 'Date… operators (DateGreaterThan, …)';
    case 'Bool':
      return 'Bool';
    case 'IPAddress':
      return 'IpAddress / NotIpAddress';
    case 'ARN':
      return 'Arn… operators (ArnLike, ArnEquals, …) or String operators';
    case 'Binary':
      return 'BinaryEquals';
    default:
      return 'String… operators (StringEquals, StringLike, …)';
  }
}
