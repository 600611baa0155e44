import { ruleDefiner } from '../../common/findings';

/** The documentation pages appspec rules link to, and the definer that names its rules (appspec/…). */

export const BASE = 'https://docs.aws.amazon.com/codedeploy/latest/userguide/';
export const REF = `${BASE}reference-appspec-file-structure.html`;
export const HOOKS = `${BASE}reference-appspec-file-structure-hooks.html`;
export const FILES = `${BASE}reference-appspec-file-structure-files.html`;
export const PERMISSIONS = `${BASE}reference-appspec-file-structure-permissions.html`;
export const RESOURCES = `${BASE}reference-appspec-file-structure-resources.html`;

export const define = ruleDefiner('appspec', REF);
