// The settings Exchange 2007 SP1 documents on its configuration objects (connectors, transport
// servers, virtual directories, POP/IMAP) beyond the few the lab acts on. Each is declared once
// here: its Exchange value kind, the .NET type its property shows, and its 2007 default. A
// setting is stored only once a Set-/New- cmdlet gives it a value (`settings` bag on the state
// object), so labs saved before a setting existed load unchanged and show the default.

import { parseByteQuantifiedSize, parseEnhancedTimeSpan } from './defaults.js';

/** What a stored setting holds (plain JSON). */
export type SettingValue = string | number | boolean | null | string[];
export type SettingsBag = Record<string, SettingValue>;

/** The Exchange value kinds a setting can have; each decides parsing and display. */
export type SettingKind =
  | 'bool'
  | 'int'
  | 'string'
  | 'fqdn'
  | 'timespan'
  | 'size'
  | 'unlimitedSize'
  | 'unlimitedInt'
  | 'enum'
  | 'flags'
  | 'strings'
  | 'ipAddresses'
  | 'bindings'
  | 'ipRanges'
  | 'uri'
  | 'smtpAddress'
  | 'ipAddress'
  | 'path'
  | 'guid'
  | 'culture'
  | 'credential';

/** Facts the defaults of a setting may depend on (the server's roles, its FQDN). */
export interface SettingContext {
  edge: boolean;
  fqdn: string;
}

export interface SettingSpec {
  name: string;
  kind: SettingKind;
  /** The .NET type of the property (MultiValuedProperty`1[[...]], Unlimited`1[[...]] ...). */
  typeName: string;
  /** The 2007 default, as stored. */
  default: SettingValue | ((c: SettingContext) => SettingValue);
  /** enum / flags values (canonical spelling). */
  values?: readonly string[];
  /** The enum's .NET type when it is not typeName. */
  enumType?: string;
  /** int / unlimitedInt range. */
  range?: [number, number];
  /** A parameter only (New-*: switches and the like are not here); a property only. */
  propertyOnly?: boolean;
}

const NS = 'Microsoft.Exchange.Data';
export const T = {
  bool: 'System.Boolean',
  int: 'System.Int32',
  string: 'System.String',
  fqdn: `${NS}.Fqdn`,
  timespan: `${NS}.EnhancedTimeSpan`,
  size: `${NS}.ByteQuantifiedSize`,
  unlimitedSize: `${NS}.Unlimited\`1[[${NS}.ByteQuantifiedSize]]`,
  unlimitedInt: `${NS}.Unlimited\`1[[System.Int32]]`,
  strings: `${NS}.MultiValuedProperty\`1[[System.String]]`,
  ipAddresses: `${NS}.MultiValuedProperty\`1[[System.Net.IPAddress]]`,
  bindings: `${NS}.MultiValuedProperty\`1[[${NS}.IPBinding]]`,
  ipRanges: `${NS}.MultiValuedProperty\`1[[${NS}.IPRange]]`,
  uri: 'System.Uri',
  smtpAddress: `System.Nullable\`1[[${NS}.SmtpAddress]]`,
  ipAddress: 'System.Net.IPAddress',
  path: `${NS}.LocalLongFullPath`,
  guid: 'System.Guid',
  culture: 'System.Globalization.CultureInfo',
  credential: 'System.Management.Automation.PSCredential',
} as const;

/** A setting whose property type follows from its kind. */
export function setting(name: string, kind: Exclude<SettingKind, 'enum' | 'flags'>, def: SettingSpec['default'], extra: Partial<SettingSpec> = {}): SettingSpec {
  return { name, kind, typeName: T[kind], default: def, ...extra };
}

export function enumSetting(name: string, typeName: string, values: readonly string[], def: SettingSpec['default'], flags = false): SettingSpec {
  return { name, kind: flags ? 'flags' : 'enum', typeName, values, default: def };
}

/** The value a setting has: stored, else its 2007 default. */
export function settingValue(spec: SettingSpec, bag: SettingsBag | undefined, c: SettingContext): SettingValue {
  if (bag && Object.prototype.hasOwnProperty.call(bag, spec.name)) return bag[spec.name]!;
  return typeof spec.default === 'function' ? spec.default(c) : spec.default;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const isIPv4 = (t: string) => {
  const m = IPV4.exec(t);
  return !!m && m.slice(1).every((x) => Number(x) <= 255);
};
const isIPv6 = (t: string) => /^[0-9a-f:]+$/i.test(t) && t.includes(':') && t.split('::').length <= 2;
export const isIPAddress = (t: string): boolean => isIPv4(t) || isIPv6(t);

/** IPRange text: an address, a-b, or address/bits. */
export function isIPRange(t: string): boolean {
  const dash = t.split('-');
  if (dash.length === 2) return isIPAddress(dash[0]!.trim()) && isIPAddress(dash[1]!.trim());
  const slash = t.split('/');
  if (slash.length === 2) return isIPAddress(slash[0]!) && /^\d{1,3}$/.test(slash[1]!) && Number(slash[1]) <= (isIPv4(slash[0]!) ? 32 : 128);
  return isIPAddress(t);
}

/** IPBinding text: IPv4:port or [IPv6]:port. */
export function isIPBinding(t: string): boolean {
  const m = /^(?:\[([0-9a-f:]+)\]|(\d{1,3}(?:\.\d{1,3}){3})):(\d{1,5})$/i.exec(t);
  if (!m) return false;
  const port = Number(m[3]);
  return (m[1] ? isIPv6(m[1]) : isIPv4(m[2]!)) && port >= 0 && port <= 65535;
}

/** Unlimited<int>: `unlimited` or a whole number in range. */
export function parseUnlimitedInt(text: string, range: [number, number] = [0, 2147483647]): string | number | undefined {
  const t = text.trim();
  if (/^unlimited$/i.test(t)) return 'unlimited';
  if (!/^[+-]?\d+$/.test(t)) return undefined;
  const n = Number(t);
  return n >= range[0] && n <= range[1] ? n : undefined;
}

export { parseByteQuantifiedSize, parseEnhancedTimeSpan };
