import { processTerm, tokenize } from './tokenize';

/** The lines of a section that best match a query, escaped so they render as plain text in Markdown. */
export function excerpt(text: string, query: string, maxLines = 3, maxLength = 300): string {
  const terms = new Set(
    tokenize(query)
      .map(processTerm)
      .filter((t): t is string => !!t),
  );
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const scored = lines.map((line, index) => {
    const lineTerms = tokenize(line).map(processTerm);
    return { line, index, score: lineTerms.filter((t) => t && terms.has(t)).length };
  });
  const matching = scored.filter((s) => s.score > 0);
  const pool = matching.length > 0 ? matching : scored;
  const best = [...pool]
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, matching.length > 0 ? maxLines : 1)
    .sort((a, b) => a.index - b.index);
  let result = best.map((b) => b.line).join(' · ');
  if (result.length > maxLength) result = `${result.slice(0, maxLength - 1)}…`;
  return escapeMarkdown(result);
}

/** Escapes Markdown and HTML so that note text can never become a link, an image or markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>&~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}
