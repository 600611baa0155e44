/**
 * Values copied from documentation and samples that were never filled in: "<my-corporate-cidr>",
 * "ACCOUNT-B-ID", "account-id", "{{bucket}}". A finding on one says so, because "replace the
 * placeholder" is the fix the reader needs, not a lecture on the value's format.
 */
const PLACEHOLDER = [
  /<[^<>]+>/,
  /\{\{[^}]*\}\}/,
  /^[A-Z0-9]+(?:[-_][A-Z0-9]+)+$/,
  /(?:^|[^a-z])(?:account[-_ ]?(?:id|number)|acct[-_ ]?id|aws[-_ ]?account|region[-_ ]?(?:name|code)?|bucket[-_ ]?(?:name|arn)|your[-_ ]|example|placeholder)(?:$|[^a-z])/i,
];

export function looksLikePlaceholder(value: string): boolean {
  return PLACEHOLDER.some((pattern) => pattern.test(value));
}

/** A sentence to append to a message about a value that looks like an unfilled placeholder. */
export function placeholderHint(value: string): string {
  return looksLikePlaceholder(value) ? ' It looks like a placeholder from an example: replace it with the real value.' : '';
}
