import specData from '../../../../knowledge/appspec/spec.json';
import type { SpecNode } from '../yaml/spec';
import type { AppSpecPlatform } from './detect';

/** The AppSpec specification as data (knowledge/appspec/spec.json), typed. */

export interface LifecycleEvent {
  readonly name: string;
  readonly reserved?: boolean;
  readonly doc: string;
  /** Other names AWS uses for the same event (ECS AllowTestTraffic is also called TestTraffic). */
  readonly aliases?: readonly string[];
  readonly link?: string;
}

export interface AppSpecSpec {
  readonly source: string;
  readonly docsBase: string;
  readonly platforms: Readonly<Record<AppSpecPlatform, { readonly label: string; readonly root: SpecNode }>>;
  readonly lifecycles: Readonly<Record<string, readonly LifecycleEvent[]>>;
  readonly hookEnvironment: Readonly<Record<string, string>>;
  readonly timeouts: { readonly defaultSeconds: number; readonly maxSecondsPerEvent: number };
}

export const APPSPEC_SPEC = specData as unknown as AppSpecSpec;

/** The lifecycles that apply to a platform (EC2 has an in-place and a blue/green one). */
export function lifecyclesOf(platform: AppSpecPlatform): { name: string; events: readonly LifecycleEvent[] }[] {
  return Object.entries(APPSPEC_SPEC.lifecycles)
    .filter(([name]) => name === platform || name.startsWith(`${platform}-`))
    .map(([name, events]) => ({ name, events }));
}

/** Every event of a platform, reserved or not, by name. */
export function eventsOf(platform: AppSpecPlatform): Map<string, LifecycleEvent> {
  const events = new Map<string, LifecycleEvent>();
  for (const lifecycle of lifecyclesOf(platform)) {
    for (const event of lifecycle.events) {
      for (const name of [event.name, ...(event.aliases ?? [])]) if (!events.has(name)) events.set(name, event);
    }
  }
  return events;
}

/** Events that can run scripts or functions on a platform. */
export function scriptableEvents(platform: AppSpecPlatform): string[] {
  return [...new Set([...eventsOf(platform).values()].filter((e) => !e.reserved).map((e) => e.name))];
}
