// How Exchange resolves an -Identity / -Server value: case-insensitive, against every name the
// object answers to (name, FQDN, `SERVER\name`, alias, address ...), with `*` wildcards. A Get
// may return many matches; a Set needs exactly one. The not-found and not-unique texts are
// Exchange 2007's (the server ones from the 2013 resources, whose 2007 wording is close).
// An identity may be given as text or as an object: an ADObjectId (`$s.Site`, `$vdir.Server`,
// `$c.SourceTransportServers`), or a piped or passed Exchange object (its Identity).

import { compileWildcard, hasWildcard, type WildcardOptions } from '../protocol/wildcard.js';
import { PSObject } from '../protocol/values.js';
import { ADObjectId, canonicalName } from './ad-object-id.js';
import type { ExchangeServer, Organization } from './organization.js';

/**
 * The identity text of a parameter value: an ADObjectId's printed form, a piped Exchange object's
 * Identity (its ToString when it has none); the first of a list.
 */
export function identityText(v: unknown): string {
  if (Array.isArray(v)) return v.length ? identityText(v[0]) : '';
  if (v instanceof ADObjectId) return v.text;
  if (v instanceof PSObject) {
    const id = v.get('Identity');
    return id === null ? v.toString() : identityText(id);
  }
  return v === null || v === undefined ? '' : String(v);
}

/**
 * An Active Directory site given by name, canonical path (`domain/Configuration/Sites/Site-A`,
 * as a server's Site prints), DN or ADObjectId: the site's name as the lab spells it, or undefined.
 */
export function resolveSite(org: Organization, value: unknown): string | undefined {
  let text = value instanceof ADObjectId ? value.dn : identityText(value).trim();
  if (/^CN=/i.test(text)) text = canonicalName(text);
  const prefix = `${org.state.adDomain}/Configuration/Sites/`.toLowerCase();
  if (text.toLowerCase().startsWith(prefix)) text = text.slice(prefix.length);
  const l = text.toLowerCase();
  return org.state.sites.find((s) => s.toLowerCase() === l);
}

export const identityMessages = {
  serverNotFound: (id: string) => `Exchange server "${id}" was not found. Please make sure you typed the name correctly.`,
  serverNotUnique: (id: string) => `The value you specified, '${id}', matches more than one Exchange server. Specify a unique value.`,
  objectNotFound: (id: string, dc: string) => `The operation could not be performed because object '${id}' could not be found on domain controller '${dc}'.`,
  notUnique: (id: string) => `The operation could not be performed because '${id}' matches multiple entries.`,
};

export type Resolution<T> =
  | { ok: true; items: T[] }
  | { ok: false; kind: 'notFound' | 'notUnique'; message: string };

/** Exchange identities know one wildcard, `*` (src/protocol/wildcard.ts, its starOnly dialect). */
const IDENTITY: WildcardOptions = { starOnly: true };

/** Items any of whose names match the identity (wildcards allowed), in list order. */
export function matchByNames<T>(items: readonly T[], identity: string, names: (item: T) => string[]): T[] {
  const id = identity.trim();
  if (hasWildcard(id, IDENTITY)) {
    const re = compileWildcard(id, IDENTITY);
    return items.filter((i) => names(i).some((n) => re.test(n)));
  }
  const l = id.toLowerCase();
  return items.filter((i) => names(i).some((n) => n.toLowerCase() === l));
}

/**
 * The domain controller a lookup names in its not-found message: the lab's DC for domain
 * members, the local ADAM instance on the Edge (which has no AD).
 */
export function domainControllerOf(org: Organization): string {
  const cur = org.current.state;
  return cur.roles.includes('Edge') ? 'localhost' : `DC01.${org.state.adDomain}`;
}

/**
 * Resolves generic directory objects. `single` (Set-*) turns several matches into not-unique;
 * no match is not-found with the 2007 text.
 */
export function resolveObjects<T>(org: Organization, items: readonly T[], identity: string, names: (item: T) => string[], single: boolean): Resolution<T> {
  const found = matchByNames(items, identity, names);
  if (found.length === 0) return { ok: false, kind: 'notFound', message: identityMessages.objectNotFound(identity.trim(), domainControllerOf(org)) };
  if (single && found.length > 1) return { ok: false, kind: 'notUnique', message: identityMessages.notUnique(identity.trim()) };
  return { ok: true, items: found };
}

/**
 * The servers a shell on the current machine can see: an Edge server has only its own ADAM
 * instance, so it sees itself; a domain member sees the whole organization.
 */
export function visibleServers(org: Organization): ExchangeServer[] {
  const cur = org.current;
  return cur.state.roles.includes('Edge') ? [cur] : org.allServers();
}

/**
 * Resolves servers by name or FQDN. A server that exists but lacks the role the parameter needs
 * (a TransportServer identity naming a Mailbox-only server) is not found as that object.
 */
export function resolveServers(
  org: Organization,
  identity: string,
  opts: { single: boolean; accept?: (s: ExchangeServer) => boolean },
): Resolution<ExchangeServer> {
  const all = visibleServers(org);
  const found = matchByNames(all, identity, (s) => [s.name, s.fqdn]);
  const id = identity.trim();
  if (found.length === 0) return { ok: false, kind: 'notFound', message: identityMessages.serverNotFound(id) };
  const accepted = opts.accept ? found.filter(opts.accept) : found;
  if (accepted.length === 0) return { ok: false, kind: 'notFound', message: identityMessages.objectNotFound(id, domainControllerOf(org)) };
  if (opts.single && accepted.length > 1) return { ok: false, kind: 'notUnique', message: identityMessages.serverNotUnique(id) };
  return { ok: true, items: accepted };
}

/** Splits `SERVER\name` identities; a bare name has no server part. */
export function splitServerIdentity(identity: string): { server?: string; name: string } {
  const i = identity.indexOf('\\');
  return i < 0 ? { name: identity.trim() } : { server: identity.slice(0, i).trim(), name: identity.slice(i + 1).trim() };
}
