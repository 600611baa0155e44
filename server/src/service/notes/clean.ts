/**
 * Cleaning note text as people export it: mojibake from a UTF-8 file read as cp1252, markdown
 * escapes and HTML entities, images, and the inline code that flat exports break onto lines.
 */

/** The most common UTF-8-read-as-cp1252 sequences, repaired to what the author wrote. */
const MOJIBAKE: readonly [string, string][] = [
  ['â€“', '–'],
  ['â€”', '—'],
  ['â€™', '’'],
  ['â€˜', '‘'],
  ['â€œ', '“'],
  ['â€\u009d', '”'],
  ['â€', '”'],
  ['â†’', '→'],
  ['â†', '←'],
  ['âœ…', '✅'],
  ['âœ“', '✓'],
  ['â€¢', '•'],
  ['â€¦', '…'],
  ['Â ', ' '],
  ['Â', ''],
];

export function repairMojibake(text: string): string {
  if (!/[âÂð]/.test(text)) return text;
  let repaired = text;
  for (const [broken, fixed] of MOJIBAKE) repaired = repaired.split(broken).join(fixed);
  // Emoji read as cp1252 (ðŸ’¡ and friends) carry no meaning for search: drop them.
  return repaired.replace(/ð[\u0080-\u00ff\u0152-\u0178\u2018-\u203a]{2,3}/g, '');
}

const ENTITIES: Readonly<Record<string, string>> = { '&gt;': '>', '&lt;': '<', '&amp;': '&', '&nbsp;': ' ', '&quot;': '"', '&#39;': "'" };

/** Text for searching and excerpts: no markdown escapes, entities, images or HTML tags. */
export function plainText(line: string): string {
  // Most lines have no markup at all: skip the replacements for them.
  if (!/[[\]!<&\\*_`]/.test(line)) return line.replace(/\s+/g, ' ').trim();
  return line
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '') // images
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links → their text
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ') // HTML tags
    .replace(/&(gt|lt|amp|nbsp|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2') // bold
    .replace(/`([^`]+)`/g, '$1') // inline code
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1') // markdown escapes
    .replace(/\s+/g, ' ')
    .trim();
}

/** YAML front matter at the very top: its fields (flat key: value) and the line count it spans. */
export function frontMatter(lines: readonly string[]): { fields: Record<string, string>; lines: number } {
  if (lines[0]?.trim() !== '---') return { fields: {}, lines: 0 };
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end < 0 || end > 60) return { fields: {}, lines: 0 };
  const fields: Record<string, string> = {};
  for (const line of lines.slice(1, end)) {
    const match = /^([\w-]+):\s*(.*)$/.exec(line);
    if (match)
      fields[match[1]!] = match[2]!
        .replace(/^["']|["']$/g, '')
        .replace(/\s+#.*$/, '')
        .trim();
  }
  return { fields, lines: end + 1 };
}
