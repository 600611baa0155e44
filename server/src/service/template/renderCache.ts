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
  private readonly entries: RecentCache<string, Rendered>;
  constructor(capacity = 2000) {
    this.entries = new RecentCache(capacity);
  }

  /** The policy with this key (its kind of syntax and its text) rendered at `offset`. */
  render(key: string, offset: number, resolve: ArnResolver, make: (resolve: ArnResolver) => VirtualPolicy | undefined): VirtualPolicy | undefined {
    const known = this.entries.get(key);
    if (known?.resolved.every(([id, attribute, value]) => resolve(id, attribute) === value)) {
      if (known.offset === offset) return known.virtual;
      const virtual = moved(known.virtual, offset - known.offset);
      this.entries.set(key, { ...known, virtual, offset });
      return virtual;
    }
    const resolved: [string, string | undefined, string | undefined][] = [];
    const virtual = make((id, attribute) => {
      const value = resolve(id, attribute);
      resolved.push([id, attribute, value]);
      return value;
    });
    this.entries.set(key, { virtual, offset, resolved });
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
