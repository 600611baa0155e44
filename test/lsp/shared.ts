import assert from 'node:assert/strict';
import { MarkupContent, type CodeAction, type Command, type Diagnostic, type Hover } from 'vscode-languageserver-protocol/node';

/** Policies and small helpers shared by the LSP test files. */

export const TIMEOUT = { timeout: 60_000 };

export const BAD_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "allow",
      "Action": "s3:GetObjects",
      "Resource": "arn:aws:s3:::example-bucket/*",
      "Condition": {
        "StringEqualz": { "aws:SourceIp": "203.0.113.0/24" }
      }
    }
  ]
}
`;

export const GOOD_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadObjects",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:Get*"],
      "Resource": "arn:aws:s3:::example-bucket/*",
      "Condition": {
        "IpAddress": { "aws:SourceIp": "203.0.113.0/24" }
      }
    }
  ]
}
`;

export const PRINCIPAL_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Deny",
      "Principal": { "AWS": "arn:aws:iam::123456789012:root" },
      "Action": "s3:DeleteBucket",
      "Resource": "*"
    }
  ]
}
`;

let nextId = 0;
export const uniqueUri = (name = 'policy.json', dir = 'docs') => `file:///ws/${dir}/${++nextId}-${name}`;

export const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => String(d.code));
export const byCode = (diagnostics: readonly Diagnostic[], code: string) => {
  const found = diagnostics.find((d) => d.code === code);
  assert.ok(found, `expected a ${code} diagnostic, got ${JSON.stringify(codes(diagnostics))}`);
  return found;
};
export const isCodeAction = (a: CodeAction | Command): a is CodeAction =>
  typeof (a as CodeAction).title === 'string' && !('command' in a && typeof a.command === 'string');

export function hoverText(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents;
  if (MarkupContent.is(contents)) return contents.value;
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
  return contents.value;
}
