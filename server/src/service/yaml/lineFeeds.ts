/**
 * A lone CR ends a line for YAML 1.2 and for editors, and so for the positions of findings, but
 * the yaml package reads on as if the line continued. Replacing it by LF keeps every offset (same
 * length) and lets both agree. Buildspecs, AppSpecs and templates read their text through this.
 */
export function withLineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}
