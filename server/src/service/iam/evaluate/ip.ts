/**
 * IPv4 and IPv6 addresses and CIDR blocks for IpAddress / NotIpAddress
 * (IAM User Guide, reference_policies_elements_condition_operators.html#Conditions_IPAddress:
 * the value is an address or a block in CIDR notation; an address alone is a /32 or /128).
 */

interface Parsed {
  readonly family: 4 | 6;
  readonly value: bigint;
}

function parseV4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(Number(part));
  }
  return value;
}

function parseV6(text: string): bigint | undefined {
  let head = text;
  let tailV4: bigint | undefined;
  // An IPv4 tail (::ffff:192.0.2.1) counts as the last two groups.
  const lastColon = head.lastIndexOf(':');
  if (head.slice(lastColon + 1).includes('.')) {
    tailV4 = parseV4(head.slice(lastColon + 1));
    if (tailV4 === undefined) return undefined;
    head = `${head.slice(0, lastColon + 1)}0:0`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (s: string) => (s === '' ? [] : s.split(':'));
  const left = groupsOf(halves[0]!);
  const right = halves.length === 2 ? groupsOf(halves[1]!) : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return undefined;
    value = (value << 16n) | BigInt(Number.parseInt(group, 16));
  }
  if (tailV4 !== undefined) value = (value & ~0xffffffffn) | tailV4;
  return value;
}

export function parseIp(text: string): Parsed | undefined {
  const trimmed = text.trim();
  if (trimmed.includes(':')) {
    const value = parseV6(trimmed);
    return value === undefined ? undefined : { family: 6, value };
  }
  const value = parseV4(trimmed);
  return value === undefined ? undefined : { family: 4, value };
}

/** Whether `address` lies in `block` (CIDR or a single address). Mismatched families never match. */
export function ipInBlock(address: string, block: string): boolean {
  const ip = parseIp(address);
  const [base, prefixText] = block.trim().split('/');
  const net = parseIp(base ?? '');
  if (!ip || !net || ip.family !== net.family) return false;
  const bits = net.family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits || (prefixText !== undefined && !/^\d+$/.test(prefixText))) return false;
  const shift = BigInt(bits - prefix);
  return ip.value >> shift === net.value >> shift;
}
