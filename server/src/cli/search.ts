import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createLanguageService } from '../service/languageService';
import { loadNotes } from './notes';

/** `aws-study-hints search`: the same notes search as hovers and the Search Notes command. */

export const SEARCH_USAGE = `Usage: aws-study-hints search "<query>" [--notes <dir>...] [--context iam|buildspec|appspec] [--mine] [--limit N] [--json]

Searches the bundled knowledge and, with --notes, your notes folders (Markdown and text).
--context ranks the notes of that kind of file first, as hovers do. --mine keeps to your own notes.
Words of five letters or more forgive one or two typos (Kinesys finds Kinesis); iam:PassRole also
finds notes that say PassRole; when nothing matches, the nearest words of the notes are suggested.`;

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
  const found = notes.search(query, { limit, boostServices, source: values.mine ? 'notes' : undefined });
  const results = found.results.map((result) => ({
    file: notes.pathOf(result) ?? result.file,
    startLine: result.line + 1,
    endLine: result.endLine + 1,
    title: result.title,
    excerpt: result.excerpt.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
    source: result.source === 'knowledge' ? 'bundled' : 'user',
    score: Math.round(result.score * 100) / 100,
  }));
  const noResults = `No results for "${query}".${found.suggestions.length > 0 ? ` Did you mean: ${listOf(found.suggestions)}?` : ''}\n`;
  if (values.json) {
    // The JSON stays the list of results (scripts read it); "did you mean" goes to stderr.
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    if (results.length === 0) process.stderr.write(noResults);
  } else if (results.length === 0) {
    process.stdout.write(noResults);
  } else {
    const lines = results.map(
      (r, i) =>
        `${i + 1}. ${r.title}  (${r.source === 'bundled' ? 'AWS Study Hints knowledge' : 'your notes'})\n   ${relative(r.file)}:${r.startLine}-${r.endLine}\n   ${r.excerpt}`,
    );
    process.stdout.write(`${lines.join('\n\n')}\n`);
  }
  return 0;
}

/** kinesis · kinesis or key · kinesis, key or "kinesis stream" (a query of several words in quotes). */
function listOf(suggestions: readonly string[]): string {
  const shown = suggestions.map((s) => (/\s/.test(s) ? `"${s}"` : s));
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`;
}

function relative(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}
