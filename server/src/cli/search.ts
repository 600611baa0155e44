import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createLanguageService } from '../service/languageService';
import { loadNotes } from './notes';

/** `aws-study-hints search`: the same notes search as hovers and the Search Notes command. */

export const SEARCH_USAGE = `Usage: aws-study-hints search "<query>" [--notes <dir>...] [--context iam|buildspec|appspec] [--mine] [--limit N] [--json]

Searches the bundled knowledge and, with --notes, your notes folders (Markdown and text).
--context ranks the notes of that kind of file first, as hovers do. --mine keeps to your own notes.
Words of five letters or more forgive one or two typos (Kinesys finds Kinesis).`;

export function search(args: readonly string[], usageError: (message: string) => number): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        notes: { type: 'string', multiple: true, default: [] },
        context: { type: 'string' },
        limit: { type: 'string', default: '10' },
        json: { type: 'boolean', default: false },
        mine: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const query = positionals.join(' ').trim();
  if (query === '') return usageError('Give a query, e.g. aws-study-hints search "visibility timeout".');
  const context = values.context;
  if (context !== undefined && context !== 'iam' && context !== 'buildspec' && context !== 'appspec') {
    return usageError(`--context must be iam, buildspec or appspec, not "${context}".`);
  }
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return usageError('--limit must be a whole number from 1 to 100.');

  const notes = loadNotes(values.notes ?? []);
  if (values.mine && (values.notes ?? []).length === 0) return usageError('--mine needs --notes <dir>: your own notes to search.');
  const boostServices = context ? createLanguageService({ notes }).noteServices(context) : undefined;
  const results = notes.search(query, { limit, boostServices, source: values.mine ? 'notes' : undefined }).map((result) => ({
    file: notes.pathOf(result) ?? result.file,
    startLine: result.line + 1,
    endLine: result.endLine + 1,
    title: result.title,
    excerpt: result.excerpt.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
    source: result.source === 'knowledge' ? 'bundled' : 'user',
    score: Math.round(result.score * 100) / 100,
  }));
  if (values.json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else if (results.length === 0) {
    process.stdout.write(`Nothing found for "${query}".\n`);
  } else {
    const lines = results.map(
      (r, i) =>
        `${i + 1}. ${r.title}  (${r.source === 'bundled' ? 'AWS Study Hints knowledge' : 'your notes'})\n   ${relative(r.file)}:${r.startLine}-${r.endLine}\n   ${r.excerpt}`,
    );
    process.stdout.write(`${lines.join('\n\n')}\n`);
  }
  return 0;
}

function relative(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}
