// Microsoft.Exchange.Data.Directory.ADObjectId: how a directory object names another (a server's
// Site, a virtual directory's Server, a connector's SourceTransportServers, every Identity). It
// prints as EMS prints it (a server by name, a site by its canonical path), carries the object's
// DN and GUID, and goes back into -Identity / -Server / -Site parameters (identity.ts).

import { createHash } from 'node:crypto';
import { PSObject } from '../protocol/values.js';

export const AD_OBJECT_ID_TYPE = 'Microsoft.Exchange.Data.Directory.ADObjectId';
const AD_OBJECT_ID_TYPES = [AD_OBJECT_ID_TYPE, 'Microsoft.Exchange.Data.ObjectId', 'System.Object'];

/** Stable GUID text derived from a name (directory objects need one; labs must be reproducible). */
export function guidOf(seed: string): string {
  const h = createHash('sha1').update(seed.toLowerCase()).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The RDNs of a DN (`CN=a\,b` keeps its escaped comma). */
function rdns(dn: string): string[] {
  return dn.split(/(?<!\\),/).map((r) => r.trim()).filter(Boolean);
}

const rdnValue = (rdn: string) => rdn.slice(rdn.indexOf('=') + 1).replace(/\\,/g, ',');

/** `CN=Site-A,CN=Sites,CN=Configuration,DC=proexchange,DC=local` → `proexchange.local/Configuration/Sites/Site-A`. */
export function canonicalName(dn: string): string {
  const parts = rdns(dn);
  const dcs = parts.filter((r) => /^DC=/i.test(r)).map(rdnValue);
  const rest = parts.filter((r) => !/^DC=/i.test(r)).map(rdnValue).reverse();
  return [dcs.join('.'), ...rest].join('/');
}

/** The inverse: `proexchange.local/Configuration/Sites/Site-A` → its DN. */
export function dnOfCanonical(path: string): string {
  const [domain = '', ...rest] = path.split('/');
  return [...rest.reverse().map((p) => `CN=${p.replace(/,/g, '\\,')}`), ...domain.split('.').filter(Boolean).map((d) => `DC=${d}`)].join(',');
}

/**
 * An ADObjectId: `text` is what it prints (ToString), `dn` the object's distinguished name. Its
 * properties are those EMS 2007 lists, in its order; Parent and DomainId are ADObjectIds too.
 */
export class ADObjectId extends PSObject {
  constructor(
    readonly text: string,
    readonly dn: string,
  ) {
    super([...AD_OBJECT_ID_TYPES]);
    const parts = rdns(dn);
    const prop = (name: string, typeName: string, get: () => unknown) => this.addProperty({ name, memberType: 'Property', typeName, get });
    const parentDn = parts.slice(1).join(',');
    const domainDn = parts.filter((r) => /^DC=/i.test(r)).join(',');
    prop('IsDeleted', 'System.Boolean', () => false);
    prop('Rdn', 'Microsoft.Exchange.Data.Directory.AdName', () => parts[0] ?? '');
    prop('Parent', AD_OBJECT_ID_TYPE, () => (parentDn ? ADObjectId.ofDn(parentDn) : null));
    prop('Depth', 'System.Int32', () => Math.max(parts.length - 1, 0));
    prop('DistinguishedName', 'System.String', () => dn);
    prop('IsRelativeDn', 'System.Boolean', () => false);
    prop('DomainId', AD_OBJECT_ID_TYPE, () => (domainDn ? new ADObjectId(canonicalName(domainDn), domainDn) : null));
    prop('ObjectGuid', 'System.Guid', () => guidOf(dn));
    prop('Name', 'System.String', () => rdnValue(parts[0] ?? ''));
    this.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => text });
    this.addMethod({ name: 'ToDNString', definition: 'string ToDNString()', invoke: () => dn });
    this.addMethod({ name: 'ToCanonicalName', definition: 'string ToCanonicalName()', invoke: () => canonicalName(dn) });
    this.addMethod({
      name: 'Equals',
      definition: 'bool Equals(Microsoft.Exchange.Data.Directory.ADObjectId id), bool Equals(System.Object obj)',
      invoke: (args) => args[0] instanceof ADObjectId && args[0].dn.toLowerCase() === dn.toLowerCase(),
    });
    this.addMethod({ name: 'GetHashCode', definition: 'int GetHashCode()', invoke: () => parseInt(guidOf(dn).slice(0, 8), 16) | 0 });
  }

  /** An id that prints as its canonical name (a site, a schema class). */
  static ofDn(dn: string): ADObjectId {
    return new ADObjectId(canonicalName(dn), dn);
  }

  static ofCanonical(path: string): ADObjectId {
    return new ADObjectId(path, dnOfCanonical(path));
  }

  get name(): string {
    return rdnValue(rdns(this.dn)[0] ?? '');
  }
}

/** The DN of the organization container (`CN=<org>,CN=Microsoft Exchange,CN=Services,...`) inside any DN under it. */
function organizationDn(ownerDn: string): string | undefined {
  const m = /(?:^|,)(CN=[^,]+,CN=Microsoft Exchange,CN=Services,CN=Configuration,.*)$/i.exec(ownerDn);
  return m?.[1];
}

/** Where the directory keeps the objects an ADObjectId property names by its short text. */
const CONTAINERS: Record<string, (parts: string[], org: string) => string> = {
  server: ([name], org) => `CN=${name},CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,${org}`,
  database: ([server, group, db], org) => `CN=${db},CN=${group},CN=InformationStore,CN=${server},CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,${org}`,
  dialPlan: ([name], org) => `CN=${name},CN=UM DialPlan Container,${org}`,
  huntGroup: ([gateway, plan], org) => `CN=${plan},CN=${gateway},CN=UM IPGateway Container,${org}`,
};

/** Which kind of object an ADObjectId property of an Exchange object names, by the property's name. */
function kindOf(property: string): string | undefined {
  const p = property.toLowerCase();
  if (p === 'server' || p.endsWith('servers')) return 'server';
  if (p === 'database') return 'database';
  if (p === 'dialplans' || p === 'umdialplan') return 'dialPlan';
  if (p === 'huntgroups') return 'huntGroup';
  return undefined;
}

/**
 * A property value as ADObjectIds: canonical paths (`domain/Configuration/Sites/Site-A`) and the
 * short names Exchange prints for servers, databases, dial plans and hunt groups (placed in
 * their containers under the organization of `ownerDn`). Values that already are ids, $null and
 * texts of no known kind stay as they are.
 */
export function asADObjectIds(property: string, value: unknown, ownerDn: () => string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => asADObjectIds(property, v, ownerDn));
  if (typeof value !== 'string' || value === '') return value;
  if (value.includes('/')) return ADObjectId.ofCanonical(value);
  const kind = kindOf(property);
  const owner = ownerDn();
  const org = owner ? organizationDn(owner) : undefined;
  if (!kind || !org) return value;
  return new ADObjectId(value, CONTAINERS[kind]!(value.split('\\'), org));
}
