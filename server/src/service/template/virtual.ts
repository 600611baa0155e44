import { type ArnResolver, getAttTarget } from './resolve';
import type { TIntrinsic, TMap, TNode } from './tree';

/**
 * An embedded policy rendered as a JSON policy document, for the IAM kind to analyse as if it
 * were a policy file, together with the map from every token of that JSON back to the template.
 *
 * Intrinsic functions become strings: pseudo parameters take a typical value (so
 * `arn:${AWS::Partition}:iam::${AWS::AccountId}:root` is checked as the ARN it will be), a
 * reference to a resource whose ARN is known becomes such an ARN (see resolve.ts), and
 * anything else becomes the placeholder `x*` (never "*", which would look like a grant on every
 * resource, and never an ARN, which could look like the wrong one). A string that contains such a
 * placeholder is "open": findings inside it are not reported, because its value is unknown.
 */

/** One rendered token and where it came from; exact when the texts are equal, character by character. */
export interface Segment {
  readonly vStart: number;
  readonly vEnd: number;
  readonly sStart: number;
  readonly sEnd: number;
  readonly exact: boolean;
}

export interface VirtualPolicy {
  readonly text: string;
  /** In rendering order: every container precedes what it contains. */
  readonly segments: readonly Segment[];
  /** Rendered spans (string tokens, quotes included) whose value depends on the stack. */
  readonly open: readonly (readonly [number, number])[];
  /** What text a fix may write into exactly mapped text, when the template's quoting allows more than the default. */
  readonly editable?: RegExp;
}

/** Values CloudFormation substitutes that are the same kind of thing in every stack. */
const PSEUDO_VALUES: Readonly<Record<string, string>> = {
  'AWS::Partition': 'aws',
  'AWS::Region': 'us-east-1',
  'AWS::AccountId': '123456789012',
  'AWS::URLSuffix': 'amazonaws.com',
};

export const UNKNOWN_VALUE = 'x*';

/** A piece of a rendered string: text, and its source span when it has one. */
export interface Piece {
  readonly text: string;
  readonly sStart: number;
  readonly sEnd: number;
  readonly exact: boolean;
  /** The value is not known before deployment. */
  readonly open: boolean;
}

export function renderPolicy(policy: TMap, resolve: ArnResolver = () => undefined): VirtualPolicy {
  let text = '';
  const segments: Segment[] = [];
  const open: [number, number][] = [];

  const push = (sStart: number, sEnd: number, exact: boolean) => {
    const segment = { vStart: text.length, vEnd: -1, sStart, sEnd, exact };
    segments.push(segment);
    return (vEnd: number) => {
      (segment as { vEnd: number }).vEnd = vEnd;
    };
  };

  const stringToken = (pieces: readonly Piece[], sStart: number, sEnd: number) => {
    const close = push(sStart, sEnd, false);
    const tokenStart = text.length;
    text += '"';
    for (const piece of pieces) {
      const escaped = JSON.stringify(piece.text).slice(1, -1);
      const exact = piece.exact && escaped === piece.text;
      segments.push({ vStart: text.length, vEnd: text.length + escaped.length, sStart: piece.sStart, sEnd: piece.sEnd, exact });
      text += escaped;
    }
    text += '"';
    close(text.length);
    if (pieces.some((piece) => piece.open)) open.push([tokenStart, text.length]);
  };

  const render = (node: TNode | undefined): void => {
    if (!node) {
      text += 'null';
      return;
    }
    switch (node.type) {
      case 'map': {
        const close = push(node.start, node.end, false);
        text += '{';
        node.entries.forEach((entry, index) => {
          if (index > 0) text += ', ';
          const keyPiece = {
            text: entry.key,
            sStart: entry.keyContent ?? entry.keyStart,
            sEnd: (entry.keyContent ?? entry.keyStart) + entry.key.length,
            exact: entry.keyContent !== undefined,
            open: false,
          };
          stringToken([keyPiece], entry.keyStart, entry.keyEnd);
          text += ': ';
          render(entry.value);
        });
        text += '}';
        close(text.length);
        return;
      }
      case 'seq': {
        const close = push(node.start, node.end, false);
        text += '[';
        node.items.forEach((item, index) => {
          if (index > 0) text += ', ';
          render(item);
        });
        text += ']';
        close(text.length);
        return;
      }
      case 'scalar': {
        if (typeof node.value === 'string') {
          const content = node.content;
          const piece = {
            text: node.value,
            sStart: content ?? node.start,
            sEnd: content !== undefined ? content + node.value.length : node.end,
            exact: content !== undefined,
            open: false,
          };
          stringToken([piece], node.start, node.end);
        } else {
          const close = push(node.start, node.end, false);
          text += JSON.stringify(node.value);
          close(text.length);
        }
        return;
      }
      case 'intrinsic':
        stringToken(intrinsicPieces(node, resolve), node.start, node.end);
        return;
    }
  };

  render(policy);
  return { text, segments, open };
}

/** The string an intrinsic stands for, as pieces: literal text where it is written out, placeholders elsewhere. */
function intrinsicPieces(node: TIntrinsic, resolve: ArnResolver): Piece[] {
  const whole = (value: string, open: boolean): Piece[] => [{ text: value, sStart: node.start, sEnd: node.end, exact: false, open }];
  const known = (value: string | undefined): Piece[] => (value === undefined ? whole(UNKNOWN_VALUE, true) : whole(value, false));
  const argument = node.argument;
  if (node.name === 'Ref' && argument?.type === 'scalar' && typeof argument.value === 'string') {
    return known(PSEUDO_VALUES[argument.value] ?? resolve(argument.value, undefined));
  }
  if (node.name === 'Fn::GetAtt') {
    const target = getAttTarget(argument);
    return known(target ? resolve(target.logicalId, target.attribute) : undefined);
  }
  if (node.name === 'Fn::Sub') {
    // !Sub "text" or !Sub ["text", {Var: value}]: the variables of the map are as unknown as parameters.
    const template = argument?.type === 'seq' ? argument.items[0] : argument;
    // With a variable map, ${Name} may be one of its variables rather than a resource: leave those unresolved.
    const variables = argument?.type === 'seq' ? () => undefined : resolve;
    if (template?.type === 'scalar' && typeof template.value === 'string')
      return subPieces(template.value, template.content, template.start, template.end, variables);
  }
  if (node.name === 'Fn::Join' && argument?.type === 'seq') {
    const [delimiter, list] = argument.items;
    if (delimiter?.type === 'scalar' && typeof delimiter.value === 'string' && list?.type === 'seq')
      return joinPieces(delimiter.value, list.items, node, resolve);
  }
  return whole(UNKNOWN_VALUE, true);
}

/** `${AWS::Region}` becomes its typical value, `${Name}` and `${Name.Attr}` the ARN they resolve to or an unknown, `${!Literal}` the literal `${Literal}`. */
export function subPieces(value: string, content: number | undefined, start: number, end: number, resolve: ArnResolver): Piece[] {
  const pieces: Piece[] = [];
  // Offsets inside the value are source offsets only when the source is the value as written.
  const at = (index: number) => (content !== undefined ? content + index : start);
  const to = (index: number) => (content !== undefined ? content + index : end);
  const literal = (from: number, until: number) => {
    if (until > from) pieces.push({ text: value.slice(from, until), sStart: at(from), sEnd: to(until), exact: content !== undefined, open: false });
  };
  let last = 0;
  for (const match of value.matchAll(/\$\{([^}]*)\}/g)) {
    const index = match.index;
    literal(last, index);
    const name = match[1]!.trim();
    const span = { sStart: at(index), sEnd: to(index + match[0].length), exact: false };
    if (name.startsWith('!')) pieces.push({ text: `\${${name.slice(1)}}`, ...span, open: false });
    else {
      const dot = name.indexOf('.');
      const value = PSEUDO_VALUES[name] ?? (dot > 0 ? resolve(name.slice(0, dot), name.slice(dot + 1)) : resolve(name, undefined));
      pieces.push(value === undefined ? { text: UNKNOWN_VALUE, ...span, open: true } : { text: value, ...span, open: false });
    }
    last = index + match[0].length;
  }
  literal(last, value.length);
  return pieces.length > 0 ? pieces : [{ text: '', sStart: start, sEnd: end, exact: false, open: false }];
}

/** `!Join ['', ['arn:', !Ref AWS::Partition, ':s3:::', !Ref Bucket]]`, one piece per item. */
function joinPieces(delimiter: string, items: readonly TNode[], node: TIntrinsic, resolve: ArnResolver): Piece[] {
  const pieces: Piece[] = [];
  items.forEach((item, index) => {
    if (index > 0 && delimiter) pieces.push({ text: delimiter, sStart: item.start, sEnd: item.start, exact: false, open: false });
    if (item.type === 'scalar' && typeof item.value === 'string') {
      const content = item.content;
      pieces.push({
        text: item.value,
        sStart: content ?? item.start,
        sEnd: content !== undefined ? content + item.value.length : item.end,
        exact: content !== undefined,
        open: false,
      });
    } else if (item.type === 'intrinsic') {
      pieces.push(...intrinsicPieces(item, resolve));
    } else {
      pieces.push({ text: UNKNOWN_VALUE, sStart: item.start, sEnd: item.end, exact: false, open: true });
    }
  });
  return pieces.length > 0 ? pieces : [{ text: '', sStart: node.start, sEnd: node.end, exact: false, open: false }];
}
