import { RecentCache } from '../common/recentCache';
import type { ArnResolver } from './resolve';
import type { VirtualPolicy } from './virtual';

/**
 * Rendered policies kept between versions of a template. A policy's rendering depends on its own
 * text, on the YAML around it that decides how that text reads (its line up to where it starts,
 * and the blank lines after it up to the next text: a block scalar's last line break and where it
 * ends), and on what the references in it resolve to; when none of these changed, the rendering
 * made before is moved to where the policy now starts instead of being made again. Every reference the rendering resolved is asked again, so a change elsewhere in
 * the template (a resource's type, a parameter that replaces a resource) renders afresh.
 */

interface Rendered {
  readonly virtual: VirtualPolicy | undefined;
  /** Where the policy started in the template when `virtual` was made or last moved. */
  readonly offset: number;
  /** The text around the policy that decides how it reads (yamlSurroundings). */
  readonly surroundings: string;
  /** What the rendering asked the resolver, and what it answered. */
  readonly resolved: readonly (readonly [string, string | undefined, string | undefined])[];
}

export class RenderCache {
  /** By the policy's form (syntax and node type), then by its text: the text itself is the key, never a longer string made from it, which would be copied to be hashed. */
  private readonly byForm = new Map<string, RecentCache<string, Rendered>>();
  constructor(private readonly capacity = 2000) {}

  /**
   * The policy of this form (its syntax and node type) and text rendered at `offset`, with the
   * text around it that decides how it reads (undefined: too much to compare, never reused).
   */
  render(
    form: string,
    text: string,
    offset: number,
    surroundings: string | undefined,
    resolve: ArnResolver,
    make: (resolve: ArnResolver) => VirtualPolicy | undefined,
  ): VirtualPolicy | undefined {
    let entries = this.byForm.get(form);
    if (!entries) {
      entries = new RecentCache(this.capacity);
      this.byForm.set(form, entries);
    }
    const known = entries.get(text);
    if (known && known.surroundings === surroundings && known.resolved.every(([id, attribute, value]) => resolve(id, attribute) === value)) {
      if (known.offset === offset) return known.virtual;
      const virtual = moved(known.virtual, offset - known.offset);
      entries.set(text, { ...known, virtual, offset });
      return virtual;
    }
    const resolved: [string, string | undefined, string | undefined][] = [];
    const virtual = make((id, attribute) => {
      const value = resolve(id, attribute);
      resolved.push([id, attribute, value]);
      return value;
    });
    // A rendering that reaches outside the policy's own text (a block scalar whose lines the
    // template's text around it decided) is not fixed by that text alone: never reused. The fuzzer
    // found one that was, and its findings landed on the wrong line.
    const inside = (virtual?.segments ?? []).every((s) => s.sStart >= offset && s.sEnd <= offset + text.length);
    if (inside && surroundings !== undefined) entries.set(text, { virtual, offset, surroundings, resolved });
    else entries.delete(text);
    return virtual;
  }
}

function moved(virtual: VirtualPolicy | undefined, delta: number): VirtualPolicy | undefined {
  if (!virtual) return undefined;
  return {
    ...virtual,
    segments: virtual.segments.map((s) => ({ vStart: s.vStart, vEnd: s.vEnd, sStart: s.sStart + delta, sEnd: s.sEnd + delta, exact: s.exact })),
  };
}

/** More blank text than this after a policy is not compared: such a rendering is not kept. */
const MAX_SURROUNDINGS = 256;

/**
 * What decides how a YAML node's text reads, outside that text: the line it starts on up to its
 * start (the indentation, the key), and what follows it up to the next character that is not
 * white space (blank lines, which a block scalar keeps or clips, and the indentation of the next
 * line). A block scalar that ends the file has no last line break; followed by one it has.
 * Undefined when there is more than MAX_SURROUNDINGS characters of it.
 */
export function yamlSurroundings(text: string, start: number, end: number): string | undefined {
  let lineStart = start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') {
    if (start - --lineStart > MAX_SURROUNDINGS) return undefined;
  }
  let next = end;
  while (next < text.length && (text[next] === ' ' || text[next] === '\t' || text[next] === '\n' || text[next] === '\r')) {
    if (++next - end > MAX_SURROUNDINGS) return undefined;
  }
  // The next character itself, or nothing at the end of the file.
  return `${text.slice(lineStart, start)}\u0000${text.slice(end, Math.min(next + 1, text.length))}`;
}
