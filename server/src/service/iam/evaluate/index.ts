/** The offline policy evaluation engine: which policies apply to a request, and the decision with its trace. */
export { evaluateRequest } from './engine';
export { policyProblem, RCP_FULL_AWS_ACCESS } from './policies';
export { describePrincipal, parsePrincipal, unknownPrincipal } from './principal';
export type * from './types';
export { formatTrace } from './format';
export { buildRequest, type RequestInput } from './request';
export { type SimulateOptions, simulateOptions } from './options';
export { formatTraceMarkdown } from './markdown';
