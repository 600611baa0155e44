/**
 * Whether a document is a CloudFormation, SAM or CDK-synthesised template, from its text alone
 * (no parse: detection runs on every open document). A template names its format version, the
 * SAM transform, or has a top-level Resources section whose entries have an `AWS::` Type. An IAM
 * policy has none of these (it has "Resource", singular, inside statements), nor has a buildspec
 * or an AppSpec.
 */

const YAML_VERSION = /^AWSTemplateFormatVersion[ \t]*:/m;
const YAML_TRANSFORM =
  /^Transform[ \t]*:[ \t]*(?:\[[^\]\n]*)?['"]?AWS::Serverless-2016-10-31|^Transform[ \t]*:[ \t]*\n(?:[ \t]+-[ \t]*\S*\n)*?[ \t]+-[ \t]*['"]?AWS::Serverless-2016-10-31/m;
const YAML_RESOURCES = /^Resources[ \t]*:[ \t]*(?:#.*)?$/m;
const YAML_RESOURCE_TYPE = /^[ \t]+Type[ \t]*:[ \t]*['"]?(?:AWS|Custom|Alexa)::[A-Za-z0-9]+/m;

const JSON_VERSION = /"AWSTemplateFormatVersion"\s*:/;
const JSON_TRANSFORM = /"Transform"\s*:\s*(?:\[[^\]]*)?"AWS::Serverless-2016-10-31"/;
const JSON_RESOURCES = /"Resources"\s*:\s*\{/;
const JSON_RESOURCE_TYPE = /"Type"\s*:\s*"AWS::[A-Za-z0-9]+::[A-Za-z0-9]+/;

export function looksLikeTemplate(text: string, json: boolean): boolean {
  // Each pattern starts with a quoted name: looking for that first is what keeps a 1 MB policy's
  // keystrokes from paying for three regular-expression scans.
  if (json) {
    return (
      (text.includes('"AWSTemplateFormatVersion"') && JSON_VERSION.test(text)) ||
      (text.includes('"Transform"') && JSON_TRANSFORM.test(text)) ||
      (text.includes('"Resources"') && JSON_RESOURCES.test(text) && JSON_RESOURCE_TYPE.test(text))
    );
  }
  return YAML_VERSION.test(text) || YAML_TRANSFORM.test(text) || (YAML_RESOURCES.test(text) && YAML_RESOURCE_TYPE.test(text));
}

/** Whether a JSON-or-YAML document with no language of its own reads as JSON (first visible character). */
export function readsAsJson(text: string): boolean {
  return /^\s*[{[]/.test(text);
}
