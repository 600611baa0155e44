import type { Segment, VirtualPolicy } from './virtual';

/**
 * Offsets between an embedded policy's rendered JSON and the template. Inside text that is the
 * same on both sides (an action name, an ARN as written) the mapping is character by character;
 * anywhere else a position snaps to the start or end of the token it falls in, so a finding
 * never points between two tokens of the template.
 */

/** The template offset of a rendered offset; `side` says which end of a range it is. */
export function toSource(policy: VirtualPolicy, offset: number, side: 'start' | 'end'): number {
  const segment = innermost(policy.segments, (s) =>
    side === 'start' ? s.vStart <= offset && (offset < s.vEnd || s.vStart === s.vEnd) : s.vStart < offset && offset <= s.vEnd,
  );
  if (!segment) return side === 'start' ? (policy.segments[0]?.sStart ?? 0) : (policy.segments[0]?.sEnd ?? 0);
  if (segment.exact) return segment.sStart + (offset - segment.vStart);
  if (side === 'start') return offset === segment.vEnd ? segment.sEnd : segment.sStart;
  return offset === segment.vStart ? segment.sStart : segment.sEnd;
}

/** The rendered offset of a template offset (for hovers and completion); undefined outside the policy. */
export function toVirtual(policy: VirtualPolicy, offset: number): number | undefined {
  let best: Segment | undefined;
  for (const segment of policy.segments) {
    if (segment.sStart > offset || offset > segment.sEnd) continue;
    // The narrowest source span wins; on a tie the later segment, which is the inner one.
    if (!best || segment.sEnd - segment.sStart <= best.sEnd - best.sStart) best = segment;
  }
  if (!best) return undefined;
  if (best.exact) return best.vStart + (offset - best.sStart);
  // Inside a token that reads differently in JSON: its first character (after the quote of a string).
  return policy.text[best.vStart] === '"' && best.vEnd - best.vStart > 1 ? best.vStart + 1 : best.vStart;
}

/** Whether a rendered range lies inside a string whose value is unknown until deployment. */
export function insideOpenValue(policy: VirtualPolicy, start: number, end: number): boolean {
  return policy.open.some(([from, to]) => from <= start && end <= to);
}

function innermost(segments: readonly Segment[], matches: (segment: Segment) => boolean): Segment | undefined {
  // Segments are in rendering order, containers first, so the last match is the innermost.
  for (let i = segments.length - 1; i >= 0; i--) {
    if (matches(segments[i]!)) return segments[i];
  }
  return undefined;
}
