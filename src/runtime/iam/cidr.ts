// IPv4 / IPv6 addresses and CIDR ranges, for the policy conditions IpAddress / NotIpAddress (aws:SourceIp).

export interface Cidr {
  bytes: number[];
  bits: number;
}

/** `192.0.2.0/24`, `203.0.113.7`, `2001:db8::/32` → address bytes and prefix length. */
export function parseCidr(text: string): Cidr | undefined {
  const [address = '', prefix] = text.trim().split('/');
  const bytes = parseIp(address);
  if (bytes === undefined) return undefined;
  const bits = prefix === undefined ? bytes.length * 8 : Number(prefix);
  if (!Number.isInteger(bits) || bits < 0 || bits > bytes.length * 8 || (prefix !== undefined && !/^\d+$/.test(prefix)))
    return undefined;
  return { bytes, bits };
}

function parseIp(text: string): number[] | undefined {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4 !== null) {
    const bytes = v4.slice(1).map(Number);
    return bytes.every((b) => b <= 255) ? bytes : undefined;
  }
  if (!text.includes(':')) return undefined;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(text);
  if (mapped !== null) {
    const v4bytes = parseIp(mapped[1]!);
    return v4bytes === undefined ? undefined : [...Array<number>(10).fill(0), 0xff, 0xff, ...v4bytes];
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    for (const g of part.split(':')) {
      if (!/^[0-9a-f]{1,4}$/i.test(g)) return undefined;
      const n = parseInt(g, 16);
      out.push(n >> 8, n & 0xff);
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (head === undefined || tail === undefined) return undefined;
  if (halves.length === 1) return head.length === 16 ? head : undefined;
  const fill = 16 - head.length - tail.length;
  return fill < 0 ? undefined : [...head, ...Array<number>(fill).fill(0), ...tail];
}

/** Whether `ip` is in `cidr` (an IPv4 address also matches its IPv4-mapped IPv6 form and the reverse). */
export function ipInCidr(ip: string, cidr: string): boolean {
  const range = parseCidr(cidr);
  let address = parseIp(ip);
  if (range === undefined || address === undefined) return false;
  let bytes = range.bytes;
  let bits = range.bits;
  if (address.length !== bytes.length) {
    const unmap = (b: number[]): number[] | undefined =>
      b.length === 16 && b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff
        ? b.slice(12)
        : undefined;
    if (address.length === 16) address = unmap(address) ?? address;
    else if (bytes.length === 16) {
      const v4 = unmap(bytes);
      if (v4 !== undefined) {
        bytes = v4;
        bits = Math.max(0, bits - 96);
      }
    }
    if (address.length !== bytes.length) return false;
  }
  for (let i = 0; i < bytes.length; i++) {
    const take = Math.min(8, Math.max(0, bits - i * 8));
    if (take === 0) break;
    const mask = (0xff << (8 - take)) & 0xff;
    if ((address[i]! & mask) !== (bytes[i]! & mask)) return false;
  }
  return true;
}
