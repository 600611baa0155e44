import type { AccessLevel, ActionInfo, IamCatalog } from '../catalog/catalog';

/**
 * Expanding Action / NotAction entries with the catalog, as the IAM console's policy summary
 * does: a wildcard becomes a count, a few examples and the access levels it reaches
 * (Service Authorization Reference: every action has an access level — List, Read, Write,
 * Permissions management or Tagging).
 */

export const LEVEL_ORDER: readonly AccessLevel[] = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'];

export interface ExpandedAction {
  /** As written in the policy. */
  readonly pattern: string;
  /** Service prefix in lower case, or `*` for every service. */
  readonly service: string;
  readonly actions: readonly ActionInfo[];
  readonly levels: readonly AccessLevel[];
  /** True when the entry is known to match nothing (unknown service or action). */
  readonly unknown: boolean;
}

export function expandAction(pattern: string, catalog: IamCatalog): ExpandedAction {
  if (pattern === '*') return { pattern, service: '*', actions: [], levels: [...LEVEL_ORDER], unknown: false };
  const colon = pattern.indexOf(':');
  const service = (colon > 0 ? pattern.slice(0, colon) : pattern).toLowerCase();
  const name = colon > 0 ? pattern.slice(colon + 1) : '';
  if (!catalog.hasService(service)) return { pattern, service, actions: [], levels: [], unknown: true };
  // An exact name is one lookup; only wildcards need a scan of the service's actions.
  const exact = /[*?]/.test(name) ? undefined : catalog.action(service, name);
  const actions = exact ? [exact] : /[*?]/.test(name) ? catalog.matchActions(service, name) : [];
  return { pattern, service, actions, levels: levelsOf(actions), unknown: actions.length === 0 };
}

/** Levels by the catalog's (cached) match lists, which a large policy asks about again and again. */
const levelCache = new WeakMap<readonly ActionInfo[], AccessLevel[]>();

export function levelsOf(actions: readonly ActionInfo[]): AccessLevel[] {
  let levels = levelCache.get(actions);
  if (!levels) {
    const found = new Set<AccessLevel>();
    for (const action of actions) for (const level of action.accessLevels) found.add(level);
    levels = LEVEL_ORDER.filter((level) => found.has(level));
    levelCache.set(actions, levels);
  }
  return levels;
}

/** The union of several entries' levels, in the console's order. */
export function unionOfLevels(lists: readonly (readonly AccessLevel[])[]): AccessLevel[] {
  const found = new Set(lists.flat());
  return LEVEL_ORDER.filter((level) => found.has(level));
}

/** "s3:GetObject" for one action, "s3:Get* (52 actions, e.g. s3:GetObject, s3:GetBucketTagging, …)" for a wildcard. */
export function describeExpanded(e: ExpandedAction, catalog: IamCatalog): string {
  if (e.service === '*') return '* (every action of every service)';
  if (e.unknown) return `${e.pattern} (matches no action in the catalog)`;
  if (!/[*?]/.test(e.pattern)) return `${e.service}:${e.actions[0]?.name ?? e.pattern.slice(e.service.length + 1)}`;
  const total = catalog.actions(e.service).length;
  // The shortest names are the most familiar examples (GetObject before GetObjectLegalHold).
  const examples = [...e.actions]
    .sort((a, b) => a.name.length - b.name.length || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map((a) => `${e.service}:${a.name}`);
  const count = e.actions.length === total ? `all ${total} actions` : `${e.actions.length} of ${total} actions`;
  return `${e.pattern} (${count}, e.g. ${examples.join(', ')}${e.actions.length > 3 ? ', …' : ''})`;
}

/** Verbs for the sentence, by access level. */
export const LEVEL_VERB: Readonly<Record<AccessLevel, string>> = {
  List: 'listing',
  Read: 'reading',
  Write: 'changing',
  'Permissions management': 'managing permissions of',
  Tagging: 'tagging',
};

export const LEVEL_INFINITIVE: Readonly<Record<AccessLevel, string>> = {
  List: 'list',
  Read: 'read',
  Write: 'change',
  'Permissions management': 'manage permissions of',
  Tagging: 'tag',
};
