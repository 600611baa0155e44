import { jsonString } from '../../common/text';
import type { JsonString } from '../model';
import type { RuleContext } from './context';
import { statementLabel } from './elements';
import { define, ELEMENTS } from './docs';
import type { RuleDefinition } from '../../common/findings';

/** Effect and Sid: the two scalar fields of a statement. */

export const STATEMENT_FIELD_RULES = {
  missingEffect: define('IAM021', 'missing-effect', 'error', 'Every statement needs Effect.', `${ELEMENTS}_effect.html`),
  invalidEffect: define('IAM022', 'invalid-effect', 'error', 'Effect must be exactly Allow or Deny.', `${ELEMENTS}_effect.html`),
  invalidSid: define('IAM031', 'invalid-sid', 'error', 'Sid may contain only letters A-Z, a-z and digits 0-9.', `${ELEMENTS}_sid.html`),
  duplicateSid: define('IAM032', 'duplicate-sid', 'error', 'Statement ids must be unique within a policy.', `${ELEMENTS}_sid.html`),
} satisfies Record<string, RuleDefinition>;

const SID_PATTERN = /^[A-Za-z0-9]*$/;

export function checkEffect(context: RuleContext): void {
  context.eachStatement((statement) => {
    const effect = statement.effect;
    const property = statement.properties.get('Effect');
    if (!property) {
      const where = statement.sid ? context.stringRange(statement.sid) : context.nodeRange({ ...statement.node, length: 1 });
      context.report(STATEMENT_FIELD_RULES.missingEffect, where, `${statementLabel(statement)} has no "Effect": add "Effect": "Allow" or "Effect": "Deny".`);
      return;
    }
    if (!effect || effect.value === 'Allow' || effect.value === 'Deny') return;
    const lower = effect.value.trim().toLowerCase();
    const intended = lower === 'allow' ? 'Allow' : lower === 'deny' ? 'Deny' : undefined;
    if (intended) {
      context.report(
        STATEMENT_FIELD_RULES.invalidEffect,
        context.stringRange(effect),
        `Effect "${effect.value}" is not valid: Effect is case-sensitive and must be "${intended}".`,
        { fixes: [{ title: `Change to "${intended}"`, edits: [{ range: context.nodeRange(effect.node), newText: jsonString(intended) }], preferred: true }] },
      );
    } else {
      context.report(STATEMENT_FIELD_RULES.invalidEffect, context.stringRange(effect), `Effect "${effect.value}" is not valid: use "Allow" or "Deny".`);
    }
  });
}

export function checkSids(context: RuleContext): void {
  context.eachStatement((statement) => {
    const sid = statement.sid;
    if (!sid) return;
    // IAM enforces the alphanumeric Sid on the policies it stores (identity policies, role trust
    // policies); S3, KMS, SQS, SNS and other services accept spaces and more in theirs (AWS's own
    // default key policy has "Enable IAM User Permissions"), so other kinds are left alone.
    if (!SID_PATTERN.test(sid.value) && (context.kind === 'identity' || context.kind === 'trust')) {
      const cleaned = sid.value.replace(/[^A-Za-z0-9]/g, '');
      context.report(
        STATEMENT_FIELD_RULES.invalidSid,
        context.stringRange(sid),
        `Sid "${sid.value}" contains characters IAM rejects in ${context.kind === 'trust' ? 'role trust' : 'identity'} policies: use only A-Z, a-z and 0-9${cleaned ? `, e.g. "${cleaned}"` : ''}.`,
        {
          fixes: cleaned
            ? [{ title: `Change to "${cleaned}"`, edits: [{ range: context.nodeRange(sid.node), newText: jsonString(cleaned) }], preferred: true }]
            : [],
        },
      );
    }
  });
  // Across statements: run on every version, never reused.
  // The first statement of each Sid; its line is looked up only for a duplicate.
  const seen = new Map<string, JsonString>();
  for (const statement of context.model.statements) {
    const sid = statement.sid;
    if (!sid || sid.value === '') continue;
    const first = seen.get(sid.value);
    if (first !== undefined) {
      context.report(
        STATEMENT_FIELD_RULES.duplicateSid,
        context.stringRange(sid),
        `Sid "${sid.value}" is already used on line ${context.nodeRange(first.node).start.line + 1}: each statement needs its own Sid.`,
      );
    } else seen.set(sid.value, sid);
  }
}
