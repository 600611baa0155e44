import { placeholderHint } from '../../common/placeholders';
import { isIP } from 'node:net';
import type { OperatorCategory } from '../operators';

/**
 * Validates one condition value for an operator family. Returns a message describing what
 * is wrong and what is expected, or undefined when the value is acceptable.
 */
export function invalidValueMessage(category: OperatorCategory, value: string | number | boolean, operator: string): string | undefined {
  const text = String(value);
  switch (category) {
    case 'Numeric':
      return /^-?\d+(\.\d+)?$/.test(text) ? undefined : `${operator} compares numbers, and "${text}" is not a number.`;
    case 'Date':
      return isDate(text) ? undefined : `${operator} needs a date: ISO 8601 like "2026-12-31T23:59:59Z" or epoch seconds; "${text}" is neither.`;
    case 'Bool':
      return /^(true|false)$/i.test(text) ? undefined : `${operator} takes "true" or "false", not "${text}".`;
    case 'Null':
      return /^(true|false)$/i.test(text) ? undefined : `Null takes "true" (the key must be absent) or "false" (the key must be present), not "${text}".`;
    case 'IpAddress':
      return ipMessage(text, operator);
    case 'Arn':
      return text === '*' || text.startsWith('arn:') ? undefined : `${operator} compares ARNs, and "${text}" does not start with "arn:".`;
    case 'Binary':
      return /^[A-Za-z0-9+/]*={0,2}$/.test(text) && text.length % 4 === 0 ? undefined : `${operator} takes base64-encoded values; "${text}" is not base64.`;
    default:
      return undefined;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function isDate(text: string): boolean {
  if (/^\d+$/.test(text)) return true; // epoch seconds
  if (!ISO_DATE.test(text)) return false;
  return !Number.isNaN(Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text));
}

function ipMessage(text: string, operator: string): string | undefined {
  const [address = '', prefix, extra] = text.split('/');
  const version = isIP(address);
  const maxPrefix = version === 4 ? 32 : 128;
  if (version === 0 || extra !== undefined)
    return `${operator} needs an IPv4 or IPv6 address or CIDR range such as "203.0.113.0/24"; "${text}" is not one.${placeholderHint(text)}`;
  if (prefix !== undefined && (!/^\d+$/.test(prefix) || Number(prefix) > maxPrefix)) {
    return `"${text}" has an invalid prefix length: IPv${version} ranges take /0 to /${maxPrefix}.`;
  }
  return undefined;
}
