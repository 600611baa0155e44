import { servicesFor } from './scenarios';

/**
 * Question topics come from many places — the chapter titles of the learner's notes ("Simple
 * Storage Service (S3)"), the curated facts ("Amazon S3"), scenario tags ("s3"), sequences
 * ("AWS CodeDeploy") — so the same service shows up under several names. Progress is counted
 * per service instead: a topic that names exactly one service of the knowledge becomes that
 * service's name (knowledge/facts/*.json serviceName); any other topic keeps its own title.
 */

/** One service of the curated knowledge: its id (file name), display name and the words that name it in notes. */
export interface KnownService {
  readonly id: string;
  readonly name: string;
  readonly words: readonly string[];
}

/** The services of the curated facts (each fact carries its service's id, name and words). */
export function knownServices(
  facts: readonly { readonly service: string; readonly topic: string; readonly serviceWords: readonly string[] }[],
): KnownService[] {
  const byId = new Map<string, { name: string; words: string[] }>();
  for (const fact of facts) {
    const entry = byId.get(fact.service);
    if (!entry) byId.set(fact.service, { name: fact.topic, words: [...fact.serviceWords] });
    else for (const word of fact.serviceWords) if (!entry.words.includes(word)) entry.words.push(word);
  }
  return [...byId].map(([id, { name, words }]) => ({ id, name, words }));
}

/**
 * Service words too common to decide a topic on their own: "Lifecycle hooks" may be Auto
 * Scaling's or CodeDeploy's, "Instances" any compute service's. They still count when the
 * topic also names the service.
 */
const AMBIGUOUS = new Set([
  'instance',
  'instances',
  'volume',
  'volumes',
  'container',
  'containers',
  'trail',
  'trails',
  'pipeline',
  'pipelines',
  'distribution',
  'distributions',
  'organization',
  'org',
  'orgs',
  'dns',
  'eb',
  'cw',
  'sg',
  'sgs',
  'peering',
  'lifecycle hook',
  'lifecycle hooks',
  'user data',
  'user-data',
  'function',
  'serverless function',
]);

const VENDOR = /\b(?:amazon|aws)\b/g;

/** Lower case, markup and punctuation as spaces, one space between words; keeps @ . - inside words (lambda@edge, x-ray). */
function clean(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9@.-]+/g, ' ')
    .replace(/(^|\s)[.-]+|[.-]+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The names a service's display name contains: "Amazon RDS and Amazon Aurora" → rds, aurora; "AWS Key Management Service (KMS)" → key management service, kms. */
function namesOf(name: string): string[] {
  const names: string[] = [];
  const inParentheses = [...name.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]!);
  const outside = name.replace(/\([^)]*\)/g, ' ');
  names.push(outside);
  // Split only where a new vendor name starts: "Identity and Access Management" stays whole.
  names.push(...outside.split(/,|\band\s+(?=amazon\b|aws\b)/i));
  for (const part of inParentheses) names.push(...part.replace(/^\s*with\s+/i, '').split(/,|\band\b/i));
  return names.map((n) => clean(n.toLowerCase().replace(VENDOR, ' '))).filter((n) => n.length >= 2);
}

interface Phrase {
  readonly text: string;
  readonly service: KnownService;
  /** 0: the service's id or name, or one of its two main words; 1: any other of its words. */
  readonly tier: 0 | 1;
}

interface Match {
  readonly phrase: Phrase;
  readonly start: number;
  readonly end: number;
}

export class TopicNormaliser {
  private readonly phrases: Phrase[] = [];
  private readonly byId = new Map<string, KnownService>();
  private readonly memo = new Map<string, string>();

  constructor(services: readonly KnownService[]) {
    for (const service of services) {
      this.byId.set(service.id, service);
      const strong = new Set([clean(service.id), clean(service.id.replace(/-/g, ' ')), ...namesOf(service.name), ...service.words.slice(0, 2).map(clean)]);
      for (const text of strong) if (text) this.phrases.push({ text, service, tier: 0 });
      for (const word of service.words.slice(2).map(clean)) if (word && !strong.has(word)) this.phrases.push({ text: word, service, tier: 1 });
    }
  }

  /** The service a topic is about, by its display name, or the topic itself (trimmed) when it names none or several. */
  normalise(topic: string): string {
    let result = this.memo.get(topic);
    if (result === undefined) {
      result = this.serviceOf(topic)?.name ?? (topic.trim() || 'Other');
      this.memo.set(topic, result);
    }
    return result;
  }

  serviceOf(topic: string): KnownService | undefined {
    const text = clean(topic);
    if (!text) return undefined;
    // A scenario's tag or an IAM prefix: "s3", "elb-asg", "elasticloadbalancing".
    for (const id of servicesFor(text)) {
      const service = this.byId.get(id);
      if (service) return service;
    }
    const matches: Match[] = [];
    for (const phrase of this.phrases) {
      for (let at = text.indexOf(phrase.text); at >= 0; at = text.indexOf(phrase.text, at + 1)) {
        const end = at + phrase.text.length;
        if (isBoundary(text, at - 1) && isBoundary(text, end)) matches.push({ phrase, start: at, end });
      }
    }
    // A name inside a longer name of another service is not a mention of its own: "lambda" in
    // "lambda@edge" (CloudFront), "ec2" in "ec2 auto scaling".
    const kept = matches.filter(
      (m) => !matches.some((o) => o.phrase.service !== m.phrase.service && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start),
    );
    const strong = new Set(kept.filter((m) => m.phrase.tier === 0).map((m) => m.phrase.service));
    if (strong.size === 1) return [...strong][0];
    if (strong.size > 1) return undefined; // "SQS vs SNS": a chapter about several services stays a chapter
    const weak = new Set(kept.filter((m) => !AMBIGUOUS.has(m.phrase.text)).map((m) => m.phrase.service));
    return weak.size === 1 ? [...weak][0] : undefined;
  }
}

function isBoundary(text: string, index: number): boolean {
  return index < 0 || index >= text.length || !/[a-z0-9]/.test(text[index]!);
}
