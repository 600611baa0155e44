import { ALL_RULES } from './allRules';

/** The JSON-schema properties of `awsStudyHints.rules` in package.json, one per rule code. */
export function rulesSchema(): Record<string, { type: 'string'; enum: string[]; description: string }> {
  const properties: Record<string, { type: 'string'; enum: string[]; description: string }> = {};
  for (const rule of ALL_RULES) {
    properties[rule.code] = {
      type: 'string',
      enum: ['off', 'hint', 'information', 'warning', 'error'],
      description: `${rule.name} (default: ${rule.severity}). ${rule.summary}`,
    };
  }
  return properties;
}
