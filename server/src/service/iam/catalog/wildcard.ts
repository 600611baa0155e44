/** Something that says whether a value matches, as a regular expression's `test` does. */
export interface Matcher {
  test(value: string): boolean;
}

/**
 * `s3:Get*Object?` style patterns (case-insensitive), matched without a regular expression: a
 * pattern is text from a policy, and "Get*a*a*a*…" compiled to `.*a.*a.*` backtracks for minutes
 * on a name that does not match (found by the fuzzer); this matcher is O(pattern × value).
 */
export function wildcardMatcher(pattern: string): Matcher {
  const lower = pattern.toLowerCase().replace(/\*{2,}/g, '*');
  return { test: (value) => globMatches(lower, value.toLowerCase()) };
}

/** `*` any run of characters, `?` one character; the classic matcher that backtracks only to the last `*`. */
function globMatches(pattern: string, value: string): boolean {
  let p = 0;
  let v = 0;
  let star = -1;
  let resume = 0;
  while (v < value.length) {
    const c = pattern.charCodeAt(p);
    if (p < pattern.length && (c === 63 /* ? */ || c === value.charCodeAt(v))) {
      p++;
      v++;
    } else if (p < pattern.length && c === 42 /* * */) {
      star = p++;
      resume = v;
    } else if (star !== -1) {
      p = star + 1;
      v = ++resume;
    } else return false;
  }
  while (p < pattern.length && pattern.charCodeAt(p) === 42) p++;
  return p === pattern.length;
}
