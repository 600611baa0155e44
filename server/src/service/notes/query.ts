import type { Query } from 'minisearch';
import { processTerm, tokenize } from './tokenize';

/**
 * Turns the text of a search into a MiniSearch query. Everything is searched as typed, except
 * `service:Action` words (`iam:PassRole`, `s3:GetObject`): people write "PassRole" in their notes
 * without the prefix, so such a word matches the whole action or the action name alone. The
 * whole action still ranks first (it matches more terms). Hovers, the editor's search and the
 * CLI all go through here.
 */

/** A service prefix, a colon, an action name (letters and digits, as IAM writes them). */
const ACTION = /^([a-z0-9][a-z0-9-]*):([a-z][a-z0-9]*)$/i;
/** Quotes, brackets and sentence punctuation around a word; `*` stays (a wildcard is no action name). */
const WRAPPING = /^[^a-z0-9*]+|[^a-z0-9*]+$/gi;

export interface ActionWord {
  /** The word as written, e.g. `iam:PassRole`. */
  readonly action: string;
  /** The action name alone, e.g. `PassRole`. */
  readonly name: string;
}

/** The `service:Action` words of a query whose action name is long enough to stand alone (4+ letters). */
export function actionWords(text: string): ActionWord[] {
  const found: ActionWord[] = [];
  for (const word of text.split(/\s+/)) {
    const match = ACTION.exec(word.replace(WRAPPING, ''));
    if (!match) continue;
    const name = match[2]!;
    // A stop word ("aws:the") or a two-letter name would match far too much on its own.
    if (name.length < 4 || processTerm(name) === null) continue;
    found.push({ action: match[0], name });
  }
  return found;
}

/** The MiniSearch query for a text: a plain string unless it names actions. */
export function notesQuery(text: string, combineWith: 'AND' | 'OR'): Query {
  const actions = actionWords(text);
  if (actions.length === 0) return text;
  let rest = text;
  for (const { action } of actions) rest = rest.replace(action, ' ');
  const queries: Query[] = actions.map(({ action, name }) => ({
    combineWith: 'OR',
    queries: [
      // The whole action, as before: its parts (iam:passrole, iam, passrole) all present.
      { combineWith: 'AND', queries: [action] },
      // The name alone is an identifier: exactly that word (or its plural), never a near miss
      // (GetObject is two typos from PutObject) nor a longer name that starts with it.
      { combineWith: 'AND', queries: [name], fuzzy: false, prefix: false },
    ],
  }));
  // Only words that are terms: a leaf of stop words alone matches nothing and would empty an AND.
  if (tokenize(rest).some((token) => processTerm(token) !== null)) queries.unshift(rest);
  return queries.length === 1 ? queries[0]! : { combineWith, queries };
}
