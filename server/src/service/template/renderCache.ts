import { RecentCache } from '../common/recentCache';
import type { ArnResolver } from './resolve';
import type { VirtualPolicy } from './virtual';

/**
 * Rendered policies kept between versions of a template. A policy's rendering depends only on
 * its own text (which fixes its tree) and on what the references in it resolve to; when neither
 * changed, the rendering made before is moved to where the policy now starts instead of being
 * made again. Every reference the rendering resolved is asked again, so a change elsewhere in
 * the template (a resource's type, a parameter that replaces a resource) renders afresh.
 */

interface Rendered {
  readonly virtual: VirtualPolicy | undefined;
  /** Where the policy started in the template when `virtual` was made or last moved. */
  readonly offset: number;
  /** What the rendering asked the resolver, and what it answered. */
  readonly resolved: readonly (readonly [string, string | undefined, string | undefined])[];
}

export class RenderCache {
  /** By the policy's form (syntax and node type), then by its text: the text itself is the key, never a longer string made from it, which would be copied to be hashed. */
  private readonly byForm = new Map<string, RecentCache<string, Rendered>>();
  constructor(private readonly capacity = 2000) {}

  /** The policy of this form (its syntax and node type) and text rendered at `offset`. */
  render(
    form: string,
    text: string,
    offset: number,
    resolve: ArnResolver,
    make: (resolve: ArnResolver) => VirtualPolicy | undefined,
  ): VirtualPolicy | undefined {
    let entries = this.byForm.get(form);
    if (!entries) {
      entries = new RecentCache(this.capacity);
      this.byForm.set(form, entries);
    }
    const known = entries.get(text);
    if (known?.resolved.every(([id, attribute, value]) => resolve(id, attribute) === value)) {
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
    if (inside) entries.set(text, { virtual, offset, resolved });
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
