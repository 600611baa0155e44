import type { Pair, Scalar } from 'yaml';
import type { Fix, RuleDefinition } from '../../common/findings';
import { nearest } from '../../common/suggest';
import type { YamlRuleContext } from '../../yaml/context';
import { findPair, isMap, isScalar, isSeq, keyName, pairsOf, scalarSource } from '../../yaml/model';
import type { AppSpecPlatform } from '../detect';
import { APPSPEC_SPEC, eventsOf, scriptableEvents } from '../spec';
import { define, HOOKS } from './docs';
import { EC2_RULES } from './ec2';

/** Hooks: event names valid for the platform, reserved events, timeouts, runas; Lambda/ECS hook functions. */

export const HOOK_RULES = {
  unknownHook: define('APS030', 'unknown-hook', 'error', 'The lifecycle event does not exist on this compute platform.', HOOKS),
  reservedHook: define(
    'APS031',
    'reserved-hook',
    'error',
    'Start, DownloadBundle, Install, BlockTraffic, AllowTraffic, End (and ECS TestTraffic) cannot run scripts.',
    HOOKS,
  ),
  invalidTimeout: define('APS032', 'invalid-timeout', 'error', 'A hook timeout is a whole number of seconds from 1 to 3600.', HOOKS),
  hookTimeoutSum: define(
    'APS033',
    'hook-timeout-sum',
    'warning',
    "The timeouts of one event's scripts add up to more than 3600 seconds, the most one event may take.",
    HOOKS,
  ),
  invalidHookFunction: define('APS046', 'invalid-hook-function', 'error', 'A Lambda/ECS hook names a Lambda function (name or ARN).', HOOKS),
} satisfies Record<string, RuleDefinition>;

/** Where the scripts of a reserved event belong: the scriptable event that plays its part. */
const RESERVED_TARGET: Readonly<Record<AppSpecPlatform, Readonly<Record<string, string>>>> = {
  ec2: {
    Start: 'BeforeInstall',
    DownloadBundle: 'BeforeInstall',
    Install: 'AfterInstall',
    BlockTraffic: 'AfterBlockTraffic',
    AllowTraffic: 'AfterAllowTraffic',
    End: 'ValidateService',
  },
  lambda: { Start: 'BeforeAllowTraffic', AllowTraffic: 'AfterAllowTraffic', End: 'AfterAllowTraffic' },
  ecs: {
    Start: 'BeforeInstall',
    Install: 'AfterInstall',
    TestTraffic: 'AfterAllowTestTraffic',
    AllowTestTraffic: 'AfterAllowTestTraffic',
    AllowTraffic: 'AfterAllowTraffic',
    End: 'AfterAllowTraffic',
  },
};

const LABEL: Record<AppSpecPlatform, string> = { ec2: 'EC2/on-premises', lambda: 'Lambda', ecs: 'ECS' };

function article(word: string): string {
  return /^[AEIO]/.test(word) ? 'an' : 'a';
}

export function findPairInsensitive(map: unknown, name: string): Pair | undefined {
  return pairsOf(map).find((p) => (keyName(p) ?? '').toLowerCase() === name.toLowerCase());
}

/** Checks one event name; returns true when the event can run scripts here. */
function checkEventName(context: YamlRuleContext, platform: AppSpecPlatform, pair: Pair, present: Set<string>): boolean {
  const name = keyName(pair) ?? '';
  const keyRange = context.nodeRange(pair.key as Scalar);
  const events = eventsOf(platform);
  const event = events.get(name);
  if (!event) {
    const scriptable = scriptableEvents(platform);
    const suggestion = nearest(name, scriptable);
    const elsewhere = (['ec2', 'lambda', 'ecs'] as const).filter((p) => p !== platform && eventsOf(p).has(name));
    const why =
      elsewhere.length > 0
        ? ` It is ${article(LABEL[elsewhere[0]!])} ${elsewhere.map((p) => LABEL[p]).join('/')} event, and this AppSpec is for ${LABEL[platform]}.`
        : '';
    context.report(
      HOOK_RULES.unknownHook,
      keyRange,
      `"${name}" is not ${article(LABEL[platform])} ${LABEL[platform]} lifecycle event.${why}${suggestion ? ` Did you mean "${suggestion}"?` : ` Events: ${scriptable.join(', ')}.`}`,
      {
        fixes:
          suggestion && !present.has(suggestion)
            ? [{ title: `Rename to "${suggestion}"`, edits: [context.renameScalar(pair.key as Scalar, suggestion)], preferred: true }]
            : [],
      },
    );
    return false;
  }
  if (event.reserved) {
    const target = RESERVED_TARGET[platform][name];
    const fixes: Fix[] =
      target && !present.has(target)
        ? [{ title: `Move these scripts to "${target}"`, edits: [context.renameScalar(pair.key as Scalar, target)], preferred: true }]
        : [];
    context.report(HOOK_RULES.reservedHook, keyRange, `${name} is run by CodeDeploy itself and cannot run scripts${target ? `; put them in ${target}` : ''}.`, {
      fixes,
    });
    return false;
  }
  return true;
}

export function checkEc2Hooks(context: YamlRuleContext, windows: boolean): void {
  const hooks = findPair(context.model.doc.contents, 'hooks')?.value;
  if (!isMap(hooks)) return;
  const present = new Set(pairsOf(hooks).map((p) => keyName(p) ?? ''));
  const max = APPSPEC_SPEC.timeouts.maxSecondsPerEvent;
  for (const pair of pairsOf(hooks)) {
    checkEventName(context, 'ec2', pair, present);
    if (!isSeq(pair.value)) continue;
    let total = 0;
    for (const script of pair.value.items) {
      if (!isMap(script)) continue;
      const timeout = findPair(script, 'timeout');
      if (timeout && isScalar(timeout.value) && timeout.value.value !== null) {
        const source = scalarSource(context.model, timeout.value as Scalar);
        const range = context.nodeRange(timeout.value);
        if (!/^-?\d+$/.test(source)) continue; // not a whole number: the schema says so
        const seconds = Number(source);
        if (seconds <= 0) {
          context.report(HOOK_RULES.invalidTimeout, range, `timeout is a whole number of seconds from 1 to ${max}, not "${source}".`);
        } else if (seconds > max) {
          context.report(HOOK_RULES.invalidTimeout, range, `timeout ${seconds} exceeds the ${max}-second maximum of a lifecycle event.`, {
            fixes: [{ title: `Set the timeout to ${max}`, edits: [{ range, newText: String(max) }], preferred: true }],
          });
          total += max;
        } else total += seconds;
      } else if (!timeout) {
        total += 0; // the default applies to the event as a whole, not per script
      }
      const runas = findPair(script, 'runas');
      if (runas && windows) {
        // The Windows agent builds the script command without it: ignored, not a failure.
        context.report(
          EC2_RULES.windowsOnly,
          context.nodeRange(runas.key as Scalar),
          "runas is ignored by the CodeDeploy agent on Windows instances: the scripts run as the agent's own user. Remove it.",
          { severity: 'warning' },
        );
      }
    }
    if (total > max) {
      context.report(
        HOOK_RULES.hookTimeoutSum,
        context.nodeRange(pair.key as Scalar),
        `The timeouts of ${keyName(pair)}'s scripts add up to ${total} seconds; one lifecycle event may take at most ${max}.`,
      );
    }
  }
}

const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const FUNCTION_ARN = /^arn:aws[\w-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[\w$-]+)?$/;

export function checkFunctionHooks(context: YamlRuleContext, platform: 'lambda' | 'ecs'): void {
  const hooks = findPairInsensitive(context.model.doc.contents, 'Hooks')?.value;
  if (!isSeq(hooks)) return;
  const present = new Set(hooks.items.flatMap((item) => pairsOf(item).map((p) => keyName(p) ?? '')));
  for (const item of hooks.items) {
    for (const pair of pairsOf(item)) {
      // An item whose event is wrong is that one problem: its function is not checked on top.
      if (!checkEventName(context, platform, pair, present)) continue;
      const value = pair.value;
      if (!isScalar(value) || value.value === null) continue;
      const source = scalarSource(context.model, value as Scalar);
      if (!FUNCTION_NAME.test(source) && !FUNCTION_ARN.test(source) && !source.includes('${')) {
        context.report(
          HOOK_RULES.invalidHookFunction,
          context.nodeRange(value),
          `"${source}" is not a Lambda function name (letters, digits, - and _, up to 64) or function ARN; ${platform === 'ecs' ? 'ECS' : 'Lambda'} hooks run Lambda functions.`,
        );
      }
    }
  }
}
