import { distance } from 'fastest-levenshtein';

/**
 * The nearest candidate to a misspelt name, or undefined when nothing is close enough
 * to be a confident suggestion. Comparison ignores case; ties are refused so that a
 * quick-fix is only offered when the intended name is unambiguous.
 */
export function nearest(word: string, candidates: Iterable<string>, maxDistance = defaultMaxDistance(word)): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tie = false;
  for (const candidate of candidates) {
    const candidateLower = candidate.toLowerCase();
    if (Math.abs(candidateLower.length - lower.length) > maxDistance) continue;
    const d = candidateLower === lower ? 0 : distance(lower, candidateLower);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && candidateLower !== best?.toLowerCase()) {
      tie = true;
    }
  }
  if (best === undefined || bestDistance > maxDistance || tie) return undefined;
  return best;
}

function defaultMaxDistance(word: string): number {
  if (word.length <= 3) return 1;
  if (word.length <= 8) return 2;
  return 3;
}
