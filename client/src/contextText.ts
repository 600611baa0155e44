/**
 * The request context as Simulate Request asks for it, in one line: "key=value" pairs separated by
 * ";", a key repeated for each value of a multivalued key ("aws:TagKeys=a; aws:TagKeys=b"). A value
 * may hold "=" (only the first one splits); pairs without a key are ignored.
 */
export function parseContext(text: string): Record<string, string[]> {
  const context: Record<string, string[]> = {};
  for (const part of text.split(';')) {
    const equals = part.indexOf('=');
    if (equals <= 0) continue;
    const key = part.slice(0, equals).trim();
    if (!key) continue;
    context[key] = [...(context[key] ?? []), part.slice(equals + 1).trim()];
  }
  return context;
}
