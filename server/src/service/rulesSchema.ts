import { SEVERITY_SETTINGS } from '../protocol/settings';
import { ALL_RULES } from './registry/kinds';
import { legacyRuleName } from './registry/severity';

/**
 * The `awsStudyHints.rules` setting in package.json, generated from the rule definitions: one
 * severity enum for the values, and `propertyNames` listing every code and name, so that
 * completion in settings.json offers each rule (codes with their name, default and summary).
 */
export function rulesSettingSchema(): Record<string, unknown> {
  return {
    type: 'object',
    default: {},
    scope: 'resource',
    markdownDescription: 'Severity per rule by code or name, e.g. `{"IAM042": "warning", "iam/service-wildcard": "off"}`.',
    propertyNames: {
      enum: [...ALL_RULES.map((rule) => rule.code), ...ALL_RULES.map((rule) => rule.name)],
      // Each code is described by its name (the code already says the language); summaries are in docs/rules.md.
      enumDescriptions: ALL_RULES.map((rule) => legacyRuleName(rule)),
    },
    additionalProperties: { type: 'string', enum: [...SEVERITY_SETTINGS] },
  };
}
