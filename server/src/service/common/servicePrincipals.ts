import { nearest } from './suggest';

/**
 * Service principals (lambda.amazonaws.com) and their misspellings, for every kind that names
 * one: a policy's Principal.Service, a template's Lambda permission. The service names come
 * from the IAM catalog, passed in so that this module depends on no kind.
 */

/** What the check needs of the catalog. */
export interface ServiceNames {
  hasService(prefix: string): boolean;
  servicePrefixes(): readonly string[];
}

export const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.(amazonaws\.com|amazonaws\.com\.cn|amazon\.com|aws\.internal)$/;

/**
 * Service principals that are not <service>.amazonaws.com: the service's own name differs from
 * its action prefix (ecs-tasks, edgelambda, delivery.logs…) or Amazon names them under amazon.com.
 */
const PRINCIPAL_ONLY_NAMES = new Set([
  'ecs-tasks',
  'edgelambda',
  'delivery',
  'vpc-flow-logs',
  'spotfleet',
  'replication',
  'replicator',
  'ops',
  'tasks',
  'logging',
  'monitoring',
  'export',
  'member',
  'alexa-appkit',
  'alexa-connectedhome',
]);
const AMAZON_COM_PRINCIPALS = new Set(['alexa-appkit', 'alexa-connectedhome']);

/** A service principal's name that matches no service, with the name it most likely meant. */
export interface ServicePrincipalProblem {
  readonly message: string;
  readonly to: string;
}

/**
 * lambda.amazon.com, lamdba.amazonaws.com: the first label is compared with the service
 * prefixes of the catalog. Only a near miss of a known name is reported (with the fix); an
 * unknown name far from every known one may be a service the catalog does not list.
 */
export function servicePrincipalProblem(value: string, catalog: ServiceNames): ServicePrincipalProblem | undefined {
  const [label = '', ...rest] = value.toLowerCase().split('.');
  const domain = rest.join('.');
  const known = (name: string) => catalog.hasService(name) || PRINCIPAL_ONLY_NAMES.has(name);
  if (domain === 'amazon.com' && !AMAZON_COM_PRINCIPALS.has(label) && known(label)) {
    const to = `${label}.amazonaws.com`;
    return { message: `Service principals end in .amazonaws.com: "${value}" matches no service; did you mean "${to}"?`, to };
  }
  if (!domain.endsWith('amazonaws.com') && !domain.endsWith('amazonaws.com.cn')) return undefined;
  if (known(label)) return undefined;
  const suggestion = nearest(label, [...catalog.servicePrefixes(), ...PRINCIPAL_ONLY_NAMES], 2);
  if (!suggestion || suggestion.length < 4) return undefined;
  const to = [suggestion, ...rest].join('.');
  return { message: `"${value}" is not a known service principal; did you mean "${to}"?`, to };
}
