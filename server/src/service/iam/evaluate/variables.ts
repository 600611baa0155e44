import type { RequestContext } from './types';

/**
 * Policy variables in Resource, NotResource and condition values:
 * `${aws:username}`, `${aws:PrincipalTag/team}`, `${aws:username, 'default'}` and the special
 * `${*}`, `${?}`, `${$}` that stand for the literal characters.
 * IAM User Guide, reference_policies_variables.html: variables are replaced only in policies
 * of Version 2012-10-17 (in older policies the text is literal); only single-valued keys can be
 * variables; a variable whose key is not in the request (and has no default) makes the value
 * unusable, so the element or condition that holds it does not match.
 */

/** A piece of a policy value: text written in the policy (where `*` and `?` may be wildcards) or text a variable produced (always literal). */
export interface ValuePiece {
  readonly text: string;
  readonly fromVariable: boolean;
}

export type Resolved = { readonly ok: true; readonly pieces: readonly ValuePiece[] } | { readonly ok: false; readonly missing: string };

const VARIABLE = /\$\{([^}]*)\}/g;
const SPECIAL: Readonly<Record<string, string>> = { '*': '*', '?': '?', $: '$' };

export function lookup(context: RequestContext, key: string): readonly string[] | undefined {
  const direct = context.get(key);
  if (direct) return direct;
  const lower = key.toLowerCase();
  for (const [name, values] of context) if (name.toLowerCase() === lower) return values;
  return undefined;
}

export function resolveVariables(text: string, context: RequestContext, variablesEnabled: boolean): Resolved {
  if (!variablesEnabled || !text.includes('${')) return { ok: true, pieces: [{ text, fromVariable: false }] };
  const pieces: ValuePiece[] = [];
  let last = 0;
  for (const match of text.matchAll(VARIABLE)) {
    if (match.index > last) pieces.push({ text: text.slice(last, match.index), fromVariable: false });
    last = match.index + match[0].length;
    const inner = match[1]!.trim();
    const special = SPECIAL[inner];
    if (special !== undefined) {
      pieces.push({ text: special, fromVariable: true });
      continue;
    }
    const withDefault = /^([^,]+?)\s*,\s*'([^']*)'$/.exec(inner);
    const key = withDefault ? withDefault[1]!.trim() : inner;
    const values = lookup(context, key);
    // A multivalued key cannot be a variable: treat it as unavailable.
    if (values && values.length === 1) pieces.push({ text: values[0]!, fromVariable: true });
    else if (withDefault) pieces.push({ text: withDefault[2]!, fromVariable: true });
    else return { ok: false, missing: key };
  }
  if (last < text.length) pieces.push({ text: text.slice(last), fromVariable: false });
  return { ok: true, pieces };
}

export function plainText(pieces: readonly ValuePiece[]): string {
  return pieces.map((p) => p.text).join('');
}
