// System.Net.IPAddress values, as [ipaddress]'text', [System.Net.IPAddress]::Parse / TryParse and
// the static Any / Loopback / None make them: IPv4 and IPv6 (a trailing dotted quad, a %scope),
// printed as .NET Framework prints them (IPv6: lower-case groups, the longest run of zero groups
// as `::`, IPv4-mapped and -compatible addresses with their dotted quad).

import { raise } from './errors.js';
import { PSObject } from './values.js';

export const IP_ADDRESS_TYPE = 'System.Net.IPAddress';

/** .NET's FormatException text for text that is no address. */
export const INVALID_IP_ADDRESS = 'An invalid IP address was specified.';

/** The four bytes of a dotted quad (each part 0-255, decimal), or undefined. */
function parseV4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.map(Number);
}

/** The eight 16-bit groups of an IPv6 address (`::`, a trailing dotted quad), or undefined. */
function parseV6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    const parts = s.split(':');
    for (const [i, p] of parts.entries()) {
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseV4(p);
        if (!v4) return undefined;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-f]{1,4}$/i.test(p)) out.push(parseInt(p, 16));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...new Array<number>(missing).fill(0), ...tail] : undefined;
}

function v6Text(g: number[]): string {
  const quad = (a: number, b: number) => `${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`;
  const zeros6 = g.slice(0, 5).every((x) => x === 0);
  if (zeros6 && g[5] === 0xffff) return `::ffff:${quad(g[6]!, g[7]!)}`;
  if (zeros6 && g[5] === 0 && (g[6] !== 0 || g[7]! > 1)) return `::${quad(g[6]!, g[7]!)}`;
  // The longest run of two or more zero groups (the first of equals) becomes `::`.
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j;
  }
  const hex = (xs: number[]) => xs.map((x) => x.toString(16)).join(':');
  return best < 0 ? hex(g) : `${hex(g.slice(0, best))}::${hex(g.slice(best + bestLen))}`;
}

/** The IPAddress for a text, or undefined when the text is no address. */
export function parseIPAddress(text: string): PSObject | undefined {
  const t = text.trim();
  const v4 = parseV4(t);
  if (v4) return ipAddressObject(v4.join('.'), 'InterNetwork', v4[0]! + v4[1]! * 256 + v4[2]! * 65536 + v4[3]! * 16777216);
  const bracketed = /^\[(.*)\](?::\d+)?$/.exec(t);
  const body = bracketed ? bracketed[1]! : t;
  const [addr, scope] = body.split('%') as [string, string | undefined];
  if (scope !== undefined && !/^\d+$/.test(scope)) return undefined;
  const groups = parseV6(addr);
  if (!groups) return undefined;
  const text6 = v6Text(groups) + (scope !== undefined && scope !== '0' ? `%${scope}` : '');
  return ipAddressObject(text6, 'InterNetworkV6', undefined, groups, scope === undefined ? 0 : Number(scope));
}

function ipAddressObject(text: string, family: 'InterNetwork' | 'InterNetworkV6', address?: number, groups?: number[], scopeId = 0): PSObject {
  const o = new PSObject([IP_ADDRESS_TYPE, 'System.Object']);
  const g = groups ?? [];
  const v6 = family === 'InterNetworkV6';
  const bytes = v6 ? g.flatMap((x) => [x >> 8, x & 255]) : text.split('.').map(Number);
  // Address is IPv4's and ScopeId IPv6's: the other family's getter throws, as in .NET.
  const notForFamily = (name: string) =>
    raise(`Exception getting "${name}": "The attempted operation is not supported for the type of object referenced"`, 'GetValueInvocationException', 'NotSpecified', 'GetValueInvocationException');
  o.addProperty({ name: 'Address', memberType: 'Property', typeName: 'System.Int64', get: () => (v6 ? notForFamily('Address') : address) });
  o.addProperty({ name: 'AddressFamily', memberType: 'Property', typeName: 'System.Net.Sockets.AddressFamily', get: () => family });
  o.addProperty({ name: 'ScopeId', memberType: 'Property', typeName: 'System.Int64', get: () => (v6 ? scopeId : notForFamily('ScopeId')) });
  o.addProperty({ name: 'IsIPv6Multicast', memberType: 'Property', typeName: 'System.Boolean', get: () => v6 && g[0]! >> 8 === 0xff });
  o.addProperty({ name: 'IsIPv6LinkLocal', memberType: 'Property', typeName: 'System.Boolean', get: () => v6 && (g[0]! & 0xffc0) === 0xfe80 });
  o.addProperty({ name: 'IsIPv6SiteLocal', memberType: 'Property', typeName: 'System.Boolean', get: () => v6 && (g[0]! & 0xffc0) === 0xfec0 });
  o.addProperty({ name: 'IsIPv6Teredo', memberType: 'Property', typeName: 'System.Boolean', get: () => v6 && g[0] === 0x2001 && g[1] === 0 });
  o.addProperty({ name: 'IsIPv4MappedToIPv6', memberType: 'Property', typeName: 'System.Boolean', get: () => v6 && g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff });
  o.addProperty({ name: 'IPAddressToString', memberType: 'Property', typeName: 'System.String', get: () => text });
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => text });
  o.addMethod({ name: 'GetAddressBytes', definition: 'byte[] GetAddressBytes()', invoke: () => Uint8Array.from(bytes) });
  o.addMethod({
    name: 'Equals',
    definition: 'bool Equals(System.Object comparand)',
    invoke: (a) => a[0] instanceof PSObject && a[0].typeNames[0] === IP_ADDRESS_TYPE && String(a[0].get('IPAddressToString')) === text,
  });
  return o;
}
