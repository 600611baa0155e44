import { plainText } from '../notes/clean';
import type { TermDefinition } from './extract';

/**
 * Questions hidden in Markdown tables, the way study notes compare things:
 * - two-column glossaries ("| State | Description |") give term ↔ definition pairs;
 * - comparisons ("| Feature | SQS | SNS | Kinesis |") give "which one has this value?" cells.
 * Tables are only used when their shape says what they are; anything else is left alone.
 */

export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly { readonly cells: readonly string[]; readonly line: number }[];
}

export interface ComparisonCell {
  /** The compared things (the header's columns after the first). */
  readonly options: readonly string[];
  readonly answer: string;
  /** The row's label ("Max Throughput") and the cell's value ("1,000 MB/s"). */
  readonly attribute: string;
  readonly value: string;
  readonly line: number;
}

const ROW = /^\s*\|.*\|\s*$/;
const SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
// A second column with one of these headers explains the first: a glossary.
const DEFINITION_HEADERS =
  /^(description|meaning|definition|explanation|what it is|what it does|purpose|use (it )?for|best for|used for|use case|use cases|details)$/i;
// A first column with one of these headers (or none) lists attributes: the other columns are the things compared.
const ATTRIBUTE_HEADERS =
  /^(|feature|features|aspect|aspects|attribute|attributes|property|properties|criteria|criterion|characteristic|characteristics|comparison|category|dimension|factor)$/i;
// Cells that many options share say nothing about which one is meant.
const UNINFORMATIVE = /^(yes|no|y|n|n\/a|na|none|-|—|–|✓|✔|✗|✘|x|true|false|supported|not supported|same|varies|depends)$/i;

function cellsOf(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  // "\|" inside a cell is a literal pipe, not a column break.
  return inner.split(/(?<!\\)\|/).map((cell) => plainText(cell.replace(/\\\|/g, '|')));
}

/** Every well-formed table of a section: a header row, a separator row, then body rows of the same width. */
export function tablesOf(raw: readonly string[], firstLine: number): Table[] {
  const tables: Table[] = [];
  for (let i = 0; i + 1 < raw.length; i++) {
    if (!ROW.test(raw[i]!) || !SEPARATOR.test(raw[i + 1]!)) continue;
    const header = cellsOf(raw[i]!);
    const rows: { cells: string[]; line: number }[] = [];
    let j = i + 2;
    for (; j < raw.length && ROW.test(raw[j]!); j++) {
      const cells = cellsOf(raw[j]!);
      if (cells.length === header.length) rows.push({ cells, line: firstLine + j });
    }
    if (header.length >= 2 && rows.length > 0) tables.push({ header, rows });
    i = j - 1;
  }
  return tables;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Glossary tables as term ↔ definition pairs, under the same quality gates as bullet definitions. */
export function tableTerms(tables: readonly Table[]): TermDefinition[] {
  const found: TermDefinition[] = [];
  for (const table of tables) {
    if (table.header.length !== 2 || !DEFINITION_HEADERS.test(table.header[1]!)) continue;
    for (const row of table.rows) {
      const [term, definition] = row.cells as [string, string];
      if (!term || words(term) > 6 || words(definition) < 3 || words(definition) > 45) continue;
      if (definition.toLowerCase().includes(term.toLowerCase())) continue; // the answer would leak
      found.push({ term, definition, line: row.line });
    }
  }
  return found;
}

/** Comparison tables: for each cell whose value only one compared thing has, "which one has it?". */
export function comparisonCells(tables: readonly Table[]): ComparisonCell[] {
  const found: ComparisonCell[] = [];
  for (const table of tables) {
    const options = table.header.slice(1);
    if (options.length < 3 || !ATTRIBUTE_HEADERS.test(table.header[0]!) || options.some((o) => !o || words(o) > 6)) continue;
    if (new Set(options.map((o) => o.toLowerCase())).size !== options.length) continue;
    for (const row of table.rows) {
      const attribute = row.cells[0]!;
      if (!attribute || words(attribute) > 8) continue;
      const values = row.cells.slice(1);
      values.forEach((value, column) => {
        if (!value || UNINFORMATIVE.test(value) || words(value) > 14) return;
        if (values.filter((v) => v.toLowerCase() === value.toLowerCase()).length !== 1) return;
        if (value.toLowerCase().includes(options[column]!.toLowerCase())) return; // the answer would leak
        found.push({ options, answer: options[column]!, attribute, value, line: row.line });
      });
    }
  }
  return found;
}
