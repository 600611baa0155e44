/** Short explanations of policy elements for hovers, written for learners. */

const EVALUATION = 'Evaluation: an explicit **Deny** anywhere wins; otherwise an **Allow** grants access; with neither, the request is implicitly denied.';

export const ELEMENT_DOCS: Readonly<Record<string, string>> = {
  Version:
    'The policy language version. Always use `"2012-10-17"`: the older `2008-10-17` has no policy variables, and a policy without Version is read as the old one.',
  Id: 'An optional identifier for the policy. Some services (SQS, SNS) expect a unique value; IAM ignores it.',
  Statement:
    'The list of rules in the policy: one statement object or an array of them. Each needs Effect, Action or NotAction, and (except in trust policies) Resource or NotResource.',
  Sid: 'An optional statement id: letters and digits only, unique within the policy. Handy for naming rules in reviews and logs.',
  Effect: `Either \`"Allow"\` or \`"Deny"\` (case-sensitive). ${EVALUATION}`,
  Action:
    'The actions the statement covers, written `service:ActionName` (`s3:GetObject`). Wildcards `*` and `?` match several actions; action names are case-insensitive.',
  NotAction: `Every action **except** those listed. With Deny it is a safe "deny all but…" guard; with Allow it grants everything else, including actions of future services. ${EVALUATION}`,
  Resource:
    'The resources the statement covers, as ARNs (`arn:partition:service:region:account:resource`) or `"*"`. Each action applies only to the resource types it supports.',
  NotResource: 'Every resource **except** those listed. Use it with Deny; with Allow it grants access to everything else.',
  Principal:
    'Who the statement applies to, in resource and trust policies: `{"AWS": account or ARN}`, `{"Service": "ec2.amazonaws.com"}`, `{"Federated": provider}` or `"*"` for everyone. Identity policies and SCPs have no Principal.',
  NotPrincipal:
    'Every principal **except** those listed. With Allow it opens access to everyone else, anonymous users included; prefer Principal with conditions.',
  Condition:
    'Extra tests on the request context: `{"Operator": {"key": value}}`. Keys in one operator are ANDed, values of one key are ORed, and every operator must match.',
};

export const VERSION_DOCS: Readonly<Record<string, string>> = {
  '2012-10-17': 'The current policy language: supports policy variables such as `${aws:username}`.',
  '2008-10-17': 'The original policy language: policy variables are plain text. Use `2012-10-17`.',
};

export const EFFECT_DOCS: Readonly<Record<string, string>> = {
  Allow: `Grants the listed actions unless an explicit Deny in any applicable policy (identity, resource, SCP, permissions boundary, session policy) says otherwise. ${EVALUATION}`,
  Deny: `Refuses the listed actions whatever any other policy allows: an explicit Deny always wins. ${EVALUATION}`,
};

export const PRINCIPAL_TYPE_DOCS: Readonly<Record<string, string>> = {
  AWS: 'An AWS account (`123456789012` or `arn:aws:iam::123456789012:root`), an IAM user or role ARN, an assumed-role session ARN, or `"*"` for every AWS principal.',
  Service: 'An AWS service principal such as `ec2.amazonaws.com` or `lambda.amazonaws.com`, typically in a role trust policy.',
  Federated: 'A web identity or SAML provider: an `oidc-provider/…` or `saml-provider/…` ARN, or a provider such as `cognito-identity.amazonaws.com`.',
  CanonicalUser: 'An S3 canonical user ID (64 hexadecimal characters), mostly seen in older S3 bucket policies.',
};
