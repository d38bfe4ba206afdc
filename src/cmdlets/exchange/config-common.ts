// What the configuration cmdlets (servers, connectors, virtual directories, POP/IMAP, UM) share:
// identity resolution with Exchange's messages, live configuration objects, parameter checks
// that refuse bad input before anything changes, and the Set-* confirmation.

import type { CmdletContext, ParameterDeclaration } from '../../protocol/cmdlet.js';
import { PSHashtable, PSObject } from '../../protocol/values.js';
import type { ExchangeServer, Organization } from '../../exchange/organization.js';
import { identityText, resolveObjects, resolveServers, type Resolution } from '../../exchange/identity.js';
import { ADObjectId, AD_OBJECT_ID_TYPE, asADObjectIds, guidOf } from '../../exchange/ad-object-id.js';
import { exchangeError, org, shouldProcess } from './common.js';

export { org, guidOf, identityText };

export const SYSCONFIG_NAMESPACE = 'Microsoft.Exchange.Management.SystemConfigurationTasks';
export const DIRECTORY_SC = 'Microsoft.Exchange.Data.Directory.SystemConfiguration';
export const DIRECTORY_MGMT = 'Microsoft.Exchange.Data.Directory.Management';

/**
 * Reports a failed resolution: Get-* cmdlets write a non-terminating error and go on; Set-*
 * cmdlets stop (Exchange's set tasks throw). Returns the items, or undefined after an error.
 */
export function resolved<T>(ctx: CmdletContext, r: Resolution<T>, identity: string, terminating: boolean): T[] | undefined {
  if (r.ok) return r.items;
  const rec =
    r.kind === 'notFound'
      ? exchangeError(ctx, 'ErrorManagementObjectNotFound', r.message, 'ObjectNotFound', identity, 'ManagementObjectNotFoundException')
      : exchangeError(ctx, 'ErrorManagementObjectAmbiguous', r.message, 'InvalidArgument', identity, 'ManagementObjectAmbiguousException');
  if (terminating) ctx.fail(rec);
  ctx.writeError(rec);
  return undefined;
}

export function findServers(ctx: CmdletContext, identity: string, opts: { single: boolean; accept?: (s: ExchangeServer) => boolean; terminating?: boolean }): ExchangeServer[] | undefined {
  return resolved(ctx, resolveServers(org(ctx), identity, opts), identity, opts.terminating ?? opts.single);
}

export function findObjects<T>(ctx: CmdletContext, items: readonly T[], identity: string, names: (t: T) => string[], single: boolean): T[] | undefined {
  return resolved(ctx, resolveObjects(org(ctx), items, identity, names, single), identity, single);
}

/** A Get cmdlet's -Identity: the items it names (wildcards allowed), all without it; undefined (error written) when none. */
export function getByIdentity<T>(ctx: CmdletContext, identity: unknown, list: T[], names: (t: T) => string[]): T[] | undefined {
  return identity === undefined || identity === null ? list : findObjects(ctx, list, identityText(identity), names, false);
}

/** A Get cmdlet's -Identity over servers: those it names that `accept` takes, all of `all` without it. */
export function getServersByIdentity(ctx: CmdletContext, identity: unknown, all: ExchangeServer[], accept: (s: ExchangeServer) => boolean): ExchangeServer[] | undefined {
  return identity === undefined || identity === null ? all : findServers(ctx, identityText(identity), { single: false, accept });
}

/**
 * A Get cmdlet with -Server and -Identity sets over per-server objects: those of one server
 * (`accept` says which servers qualify), else getByIdentity.
 */
export function getByServerOrIdentity<T>(
  ctx: CmdletContext,
  p: { Server?: unknown; Identity?: unknown },
  list: T[],
  serverOf: (t: T) => ExchangeServer,
  accept: (s: ExchangeServer) => boolean,
  names: (t: T) => string[],
): T[] | undefined {
  if (ctx.parameterSetName !== 'Server') return getByIdentity(ctx, p.Identity, list, names);
  const s = findServers(ctx, String(p.Server), { single: true, terminating: false, accept });
  return s && list.filter((l) => serverOf(l) === s[0]);
}

export type PropSpec = [name: string, typeName: string, get: () => unknown];

/**
 * A live configuration object: properties read the state each time, ToString is the identity.
 * Identities are ADObjectIds as in EMS: Identity (with the object's own DN) and every property
 * typed ADObjectId or a list of them (ad-object-id.ts asADObjectIds), so they go back into
 * -Identity, -Server and -Site parameters and show `.Name`, `.DistinguishedName`, `.ObjectGuid`.
 */
export function configObject(typeNames: string[], identity: () => string, props: PropSpec[]): PSObject {
  const o = new PSObject([...typeNames, 'Microsoft.Exchange.Data.Directory.ADObject', 'Microsoft.Exchange.Data.ConfigurableObject', 'System.Object']);
  const dnRow = props.find((p) => p[0] === 'DistinguishedName');
  const ownDn = (): string | undefined => (dnRow ? String(dnRow[2]() ?? '') || undefined : undefined);
  for (const [name, typeName, get] of props) {
    let read = get;
    if (name === 'Identity' && dnRow) {
      read = () => {
        const text = get();
        const dn = ownDn();
        return typeof text === 'string' && dn ? new ADObjectId(text, dn) : text;
      };
    } else if (typeName.includes(AD_OBJECT_ID_TYPE)) {
      read = () => asADObjectIds(name, get(), ownDn);
    }
    o.addProperty({ name, memberType: 'Property', typeName, get: read });
  }
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => identity() });
  return o;
}

/** The ADObject tail every directory object shows after its own properties. */
export function adTail(o: Organization, identity: () => string, dn: () => string, whenCreated: () => Date, objectClass: string[]): PropSpec[] {
  return [
    ['IsValid', 'System.Boolean', () => true],
    ['OriginatingServer', 'System.String', () => `DC01.${o.state.adDomain}`],
    ['ExchangeVersion', 'Microsoft.Exchange.Data.ExchangeObjectVersion', () => '0.1 (8.0.535.0)'],
    ['Name', 'System.String', () => identity().split('\\').pop()],
    ['DistinguishedName', 'System.String', dn],
    ['Identity', 'Microsoft.Exchange.Data.ObjectId', identity],
    ['Guid', 'System.Guid', () => guidOf(dn())],
    ['ObjectClass', 'Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String]]', () => [...objectClass]],
    ['WhenChanged', 'System.Nullable`1[[System.DateTime]]', whenCreated],
    ['WhenCreated', 'System.Nullable`1[[System.DateTime]]', whenCreated],
  ];
}

/** The configuration DN of an object under a server or the organization. */
export function configDn(o: Organization, rdns: string[]): string {
  const dc = o.state.adDomain.split('.').map((p) => `DC=${p}`).join(',');
  return [...rdns, 'CN=Exchange Administrative Group (FYDIBOHF23SPDLT)', 'CN=Administrative Groups', `CN=${o.state.organizationName}`, 'CN=Microsoft Exchange', 'CN=Services', 'CN=Configuration', dc].join(',');
}

/** A parameter-binding style error (the value cannot become the parameter's Exchange type). */
export function bindingError(ctx: CmdletContext, param: string, value: unknown, typeName: string, inner: string): never {
  return ctx.fail(
    ctx.error({
      message: `Cannot bind parameter '${param}'. Cannot convert value "${String(value)}" to type "${typeName}". Error: "${inner}"`,
      errorId: 'CannotConvertArgumentNoMessage',
      category: 'InvalidArgument',
      exceptionType: 'ParameterBindingException',
      targetObject: value,
    }),
  );
}

/** An Exchange validation refusal (an impossible configuration): terminating, nothing changed. */
export function refuse(ctx: CmdletContext, resource: string, message: string, target?: unknown): never {
  return ctx.fail(exchangeError(ctx, resource, message, 'InvalidOperation', target, 'InvalidOperationException'));
}

/** `$null` and '' both mean "no value" for optional string settings. */
export function optionalText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const t = String(v).trim();
  return t === '' ? null : t;
}

/** System.Uri: absolute http/https only (what the virtual directories accept). */
export function checkUri(ctx: CmdletContext, param: string, v: unknown): string | null {
  const t = optionalText(v);
  if (t === null) return null;
  let u: URL | undefined;
  try {
    u = new URL(t);
  } catch {
    u = undefined;
  }
  if (!u || !/^https?:$/.test(u.protocol) || !/^https?:\/\//i.test(t)) {
    return bindingError(ctx, param, t, 'System.Uri', 'Invalid URI: The format of the URI could not be determined.');
  }
  return t;
}

const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;

export function isFqdn(t: string): boolean {
  if (t.length > 255) return false;
  return t.split('.').every((l) => LABEL.test(l));
}

/** Microsoft.Exchange.Data.Fqdn: '' / $null clears (the server FQDN is then used). */
export function checkFqdn(ctx: CmdletContext, param: string, v: unknown): string {
  const t = optionalText(v);
  if (t === null) return '';
  if (!isFqdn(t)) return bindingError(ctx, param, t, 'Microsoft.Exchange.Data.Fqdn', `"${t}" is not a valid fully qualified domain name.`);
  return t;
}

/** Microsoft.Exchange.Data.LocalLongFullPath (a full path on the server; '' / $null clears). */
export function checkLocalPath(ctx: CmdletContext, param: string, v: unknown): string | null {
  const t = optionalText(v);
  if (t === null) return null;
  if (!/^[A-Za-z]:\\/.test(t) || /[<>"|?*]/.test(t.slice(2))) {
    return bindingError(ctx, param, t, 'Microsoft.Exchange.Data.LocalLongFullPath', `The path "${t}" is not a valid full path of the local computer.`);
  }
  return t.replace(/\\+$/, '');
}

/** SmtpDomain values (partner domains in the TLS lists). */
export function checkDomain(ctx: CmdletContext, param: string, t: string): string {
  if (!isFqdn(t) || !t.includes('.')) return bindingError(ctx, param, t, 'Microsoft.Exchange.Data.SmtpDomain', `"${t}" is not a valid SMTP domain.`);
  return t;
}

/** IPAddress:port bindings (`0.0.0.0:995`). */
export function checkBindings(ctx: CmdletContext, param: string, values: readonly unknown[]): string[] {
  // A $null element (`@($null)`) is no binding either: it gets the same refusal as a bad one.
  const texts = values.map((b) => (b === null || b === undefined ? '' : String(b).trim()));
  for (const b of texts) {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3}):(\d{1,5})$/.exec(b);
    const ok = m && m.slice(1, 5).every((x) => Number(x) <= 255) && Number(m[5]) >= 1 && Number(m[5]) <= 65535;
    if (!ok) return bindingError(ctx, param, b, 'Microsoft.Exchange.Data.IPBinding', `"${b}" is not a valid IP address and port (for example 0.0.0.0:995).`);
  }
  return texts;
}

/**
 * A multi-valued property value: a list replaces the whole value; a hashtable
 * `@{Add=...; Remove=...}` edits it. Returns the new list (not yet stored).
 */
export function multiValued(v: unknown, current: readonly string[]): string[] {
  const list = (x: unknown): string[] => (x === null || x === undefined ? [] : (Array.isArray(x) ? x : [x]).map((i) => String(i)).filter((i) => i.trim() !== ''));
  if (v instanceof PSHashtable) {
    let out = [...current];
    const add = list(v.get('Add'));
    const remove = list(v.get('Remove')).map((r) => r.toLowerCase());
    out = out.filter((x) => !remove.includes(x.toLowerCase()));
    for (const a of add) if (!out.some((x) => x.toLowerCase() === a.toLowerCase())) out.push(a);
    return out;
  }
  return list(v);
}

/** Flags enum text (`Tls, Integrated`) → names; `None` → []. */
export function flagsList(v: unknown): string[] {
  const t = String(v ?? '');
  return t.split(',').map((x) => x.trim()).filter((x) => x !== '' && x.toLowerCase() !== 'none');
}

/** Flags as Exchange shows them: `Tls, Integrated`, or `None`. */
export function flagsText(list: readonly string[]): string {
  return list.length ? list.join(', ') : 'None';
}

/** Exchange's set-task confirmation (`What if: Setting Receive connector "X".`). */
export function confirmSet(ctx: CmdletContext, kind: string, identity: string): Promise<boolean> {
  return shouldProcess(ctx, `Setting ${kind} "${identity}".`);
}

/** Warns that a Client Access server without any certificate serves its protocols in the clear. */
export function warnIfUnencrypted(ctx: CmdletContext, s: ExchangeServer): void {
  if (!s.state.roles.includes('ClientAccess') || s.state.certificates.length > 0) return;
  ctx.writeWarning(
    `Client Access server "${s.name}" has no certificate. Outlook Web Access, ActiveSync, Outlook Anywhere, Web Services, POP3 and IMAP4 on it cannot use SSL/TLS and are served unencrypted, which is insecure. Create or import a certificate and enable it with Enable-ExchangeCertificate.`,
  );
}

// Parameter declarations the configuration cmdlets share.

export function identityParameter(help: string, mandatory: boolean, set = '__AllParameterSets'): ParameterDeclaration {
  return { type: 'Object', help, sets: { [set]: { position: 0, mandatory, fromPipeline: true, fromPipelineByPropertyName: true } } };
}

/**
 * A Set- cmdlet's two 2007 parameter sets: -Identity, or -Instance (an object a Get- cmdlet
 * returned; the object it stands for is the one changed). Use with defaultParameterSet 'Identity'.
 */
export function setIdentityParameters(help: string, instanceType: string, idParameterType: string): { Identity: ParameterDeclaration & { type: 'Object' }; Instance: ParameterDeclaration & { type: 'PSObject' } } {
  const short = instanceType.slice(instanceType.lastIndexOf('.') + 1);
  return {
    Identity: { type: 'Object', netType: `Microsoft.Exchange.Configuration.Tasks.${idParameterType}`, help, sets: { Identity: { position: 0, mandatory: true, fromPipeline: true, fromPipelineByPropertyName: true } } },
    Instance: { type: 'PSObject', netType: instanceType, help: `A ${short} object as the Get- cmdlet returns it: the object it stands for is changed.`, sets: { Instance: { mandatory: true } } },
  };
}

/** The identity a Set- cmdlet works on: -Identity, or the identity of -Instance. */
export function targetIdentity(p: { Identity?: unknown; Instance?: unknown }): string {
  return identityText(p.Identity ?? p.Instance);
}

export const serverParameter = (help: string, set = '__AllParameterSets', mandatory = false): ParameterDeclaration => ({
  type: 'String',
  complete: 'machine',
  help,
  sets: { [set]: { mandatory, fromPipelineByPropertyName: !mandatory } },
});

export const booleanParameter = (help: string) => ({ type: 'Boolean', help }) satisfies ParameterDeclaration;

export const LOGGING_LEVEL_ENUM = { typeName: 'Microsoft.Exchange.Data.ProtocolLoggingLevel', values: ['None', 'Verbose'] as const };
