import type { AppSpecPlatform } from './detect';
import { APPSPEC_SPEC, lifecyclesOf } from './spec';

/**
 * A deployment's lifecycle as Markdown: every event in order, the reserved ones struck through,
 * the ones the AppSpec defines in bold. Used by hovers on hooks and by the
 * "Show Deployment Lifecycle" command.
 */
export function lifecycleMarkdown(platform: AppSpecPlatform, defined: ReadonlySet<string>, current?: string): string {
  const label = APPSPEC_SPEC.platforms[platform].label;
  const lines: string[] = [];
  for (const lifecycle of lifecyclesOf(platform)) {
    const title = lifecycle.name
      .replace(/^ec2-/, 'EC2 ')
      .replace(/^lambda$/, 'Lambda')
      .replace(/^ecs$/, 'ECS')
      .replace(/-/g, ' ');
    lines.push(`**${title}** (${label})`, '');
    lifecycle.events.forEach((event, i) => {
      const name = event.reserved ? `~~${event.name}~~ *(reserved)*` : defined.has(event.name) ? `**${event.name}** ✓` : event.name;
      const marker = event.name === current ? ' ◀ this hook' : '';
      lines.push(`${i + 1}. ${name}${marker}`);
    });
    lines.push('');
  }
  const { defaultSeconds, maxSecondsPerEvent } = APPSPEC_SPEC.timeouts;
  lines.push(
    platform === 'ec2'
      ? `Script timeouts default to ${defaultSeconds} s; all scripts of one event together may take at most ${maxSecondsPerEvent} s.`
      : 'Each hook names a Lambda function, which reports Succeeded or Failed to CodeDeploy with PutLifecycleEventHookExecutionStatus.',
  );
  return lines.join('\n');
}

/** The events just before and after a hook in its first lifecycle, for a one-line summary. */
export function neighbours(platform: AppSpecPlatform, event: string): { before?: string; after?: string } {
  for (const lifecycle of lifecyclesOf(platform)) {
    const index = lifecycle.events.findIndex((e) => e.name === event);
    if (index >= 0) return { before: lifecycle.events[index - 1]?.name, after: lifecycle.events[index + 1]?.name };
  }
  return {};
}

/** One lifecycle on one line, for hovers: reserved events struck through, this hook in bold. */
export function lifecycleLine(platform: AppSpecPlatform, current: string): string {
  const lifecycle = lifecyclesOf(platform).find((l) => l.events.some((e) => e.name === current)) ?? lifecyclesOf(platform)[0];
  if (!lifecycle) return '';
  return lifecycle.events.map((e) => (e.name === current ? `**${e.name}**` : e.reserved ? `~~${e.name}~~` : e.name)).join(' → ');
}
