import type { Pair } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { YamlRuleContext } from './context';

/** Text edits that move whole YAML blocks while keeping indentation right. */

export interface Block {
  /** Offset of the start of the key's line. */
  readonly start: number;
  /** Offset just past the newline that ends the block's last line. */
  readonly end: number;
  /** Column of the key. */
  readonly indent: number;
  readonly text: string;
}

/** The lines a pair occupies: from its key's line to the end of its value's last line. */
export function pairBlock(context: YamlRuleContext, pair: Pair): Block | undefined {
  const text = context.model.text;
  const keyRange = (pair.key as { range?: [number, number, number] } | null)?.range;
  if (!keyRange) return undefined;
  const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
  const start = text.lastIndexOf('\n', keyRange[0] - 1) + 1;
  const lastContent = Math.max(keyRange[1], valueRange ? valueRange[1] : keyRange[1]);
  const newline = text.indexOf('\n', Math.max(lastContent - 1, start));
  const end = newline === -1 ? text.length : newline + 1;
  return { start, end, indent: keyRange[0] - start, text: text.slice(start, end) };
}

/** Shifts every line of a block from one indentation to another. */
export function reindent(block: string, from: number, to: number): string {
  const withNewline = block.endsWith('\n') ? block : `${block}\n`;
  return withNewline
    .split('\n')
    .map((line, i, all) => {
      if (i === all.length - 1 || line.trim() === '') return line;
      const current = /^ */.exec(line)![0].length;
      return ' '.repeat(Math.max(0, to + current - from)) + line.trimStart();
    })
    .join('\n');
}

/** Deletes a pair's lines. */
export function deleteBlock(context: YamlRuleContext, block: Block): TextEdit {
  return { range: context.range(block.start, block.end - block.start), newText: '' };
}

/** Inserts text at the start of the line after the one that holds `offset`. */
export function insertAfterLine(context: YamlRuleContext, offset: number, text: string): TextEdit {
  const source = context.model.text;
  const newline = source.indexOf('\n', offset);
  if (newline === -1) return { range: context.range(source.length, 0), newText: `\n${text.replace(/\n$/, '')}` };
  return { range: context.range(newline + 1, 0), newText: text };
}
