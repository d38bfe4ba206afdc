// The ExchangeCertificate object the cmdlets write: an X509Certificate2 with Exchange's
// properties (Services, Status, RootCAType, CertificateDomains ...), live over the stored record.

import { PSObject, dateToString, type PSMethodInfo, type PSPropertyInfo } from '../protocol/values.js';
import type { CertRecord, RequestRecord } from './model.js';
import { servicesLetters, servicesToString } from './services.js';

export const EXCHANGE_CERTIFICATE_TYPE = 'Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate';

export type CertificateStatus = 'Unknown' | 'Valid' | 'Revoked' | 'DateInvalid' | 'Untrusted' | 'Invalid' | 'RevocationCheckFailure' | 'PendingRequest';
export type RootCAType = 'None' | 'ThirdParty' | 'Enterprise' | 'Registry' | 'GroupPolicy' | 'Unknown';

/** What a certificate's owner knows that the certificate itself does not. */
export interface CertificateContext {
  now(): Date;
  /** The effective services (IIS from the site binding). */
  services(): number;
  /** Whether the server trusts the lab's enterprise CA (domain members do, the Edge does not). */
  trustsLabCa: boolean;
  serverFqdn: string;
}

export interface CertificateFacts {
  kind: 'certificate' | 'request';
  thumbprint: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  domains: string[];
  publicKeySize: number;
  hasPrivateKey: boolean;
  exportable: boolean;
  friendlyName: string;
  selfSigned: boolean;
  issuedByLabCa: boolean;
  pem: string;
  requestPem?: string;
}

export function factsOfCertificate(r: CertRecord): CertificateFacts {
  return {
    kind: 'certificate',
    thumbprint: r.thumbprint,
    subject: r.subject,
    issuer: r.issuer,
    serialNumber: r.serialNumber,
    notBefore: new Date(r.notBefore),
    notAfter: new Date(r.notAfter),
    domains: r.domains,
    publicKeySize: r.publicKeySize,
    hasPrivateKey: r.keyPem !== undefined,
    exportable: r.exportable,
    friendlyName: r.friendlyName,
    selfSigned: r.selfSigned,
    issuedByLabCa: r.issuedByLabCa,
    pem: r.certPem,
  };
}

export function factsOfRequest(r: RequestRecord): CertificateFacts {
  const created = new Date(r.createdAt);
  return {
    kind: 'request',
    thumbprint: r.thumbprint,
    subject: r.subject,
    issuer: r.subject,
    serialNumber: '',
    notBefore: created,
    notAfter: created,
    domains: r.domains,
    publicKeySize: r.publicKeySize,
    hasPrivateKey: true,
    exportable: r.exportable,
    friendlyName: r.friendlyName,
    selfSigned: false,
    issuedByLabCa: false,
    pem: r.placeholderPem,
    requestPem: r.requestPem,
  };
}

export function certificateStatus(f: CertificateFacts, ctx: CertificateContext): CertificateStatus {
  if (f.kind === 'request') return 'PendingRequest';
  const now = ctx.now().getTime();
  if (now < f.notBefore.getTime() || now > f.notAfter.getTime()) return 'DateInvalid';
  if (!f.selfSigned && !(f.issuedByLabCa && ctx.trustsLabCa)) return 'Untrusted';
  return 'Valid';
}

export function rootCaType(f: CertificateFacts, ctx: CertificateContext): RootCAType {
  if (f.kind === 'request') return 'Unknown';
  if (f.selfSigned) return 'None';
  if (f.issuedByLabCa && ctx.trustsLabCa) return 'Enterprise';
  return 'Unknown';
}

type CertProperty = [name: string, typeName: string, get: (f: CertificateFacts, ctx: CertificateContext) => unknown];

const servicesOf = (f: CertificateFacts, ctx: CertificateContext) => (f.kind === 'request' ? 0 : ctx.services());
const ACCESS_RULE = 'System.Security.AccessControl.CryptoKeyAccessRule';

/** The properties, default Format-List order first (the view lists these), then the rest (Format-List *). */
const CERT_PROPERTIES: CertProperty[] = [
  ['AccessRules', 'System.Security.AccessControl.AccessRule[]', (f) => (f.hasPrivateKey && f.kind === 'certificate' ? [ACCESS_RULE, ACCESS_RULE, ACCESS_RULE] : null)],
  ['CertificateDomains', 'Microsoft.Exchange.Data.SmtpDomainWithSubdomains[]', (f) => [...f.domains]],
  ['HasPrivateKey', 'System.Boolean', (f) => f.hasPrivateKey],
  ['IsSelfSigned', 'System.Boolean', (f) => f.selfSigned],
  ['Issuer', 'System.String', (f) => f.issuer],
  ['NotAfter', 'System.DateTime', (f) => new Date(f.notAfter)],
  ['NotBefore', 'System.DateTime', (f) => new Date(f.notBefore)],
  ['PublicKeySize', 'System.Int32', (f) => f.publicKeySize],
  ['RootCAType', 'Microsoft.Exchange.Security.Cryptography.X509Certificates.CertificateAuthorityType', (f, ctx) => rootCaType(f, ctx)],
  ['SerialNumber', 'System.String', (f) => f.serialNumber],
  ['Services', 'Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices', (f, ctx) => servicesToString(servicesOf(f, ctx))],
  ['Status', 'Microsoft.Exchange.Management.SystemConfigurationTasks.CertificateStatus', (f, ctx) => certificateStatus(f, ctx)],
  ['Subject', 'System.String', (f) => f.subject],
  ['Thumbprint', 'System.String', (f) => f.thumbprint],
  ['CertificateRequest', 'System.String', (f) => f.requestPem ?? null],
  ['DnsNameList', 'System.Collections.Generic.IList`1[[System.String]]', (f) => [...f.domains]],
  ['FriendlyName', 'System.String', (f) => f.friendlyName],
  ['Identity', 'System.String', (f, ctx) => `${ctx.serverFqdn}\\${f.thumbprint}`],
  ['PrivateKeyExportable', 'System.Boolean', (f) => f.exportable],
  ['ServicesStringForm', 'System.String', (f, ctx) => servicesLetters(servicesOf(f, ctx))],
  ['SubjectName', 'System.Security.Cryptography.X509Certificates.X500DistinguishedName', (f) => f.subject],
  ['IssuerName', 'System.Security.Cryptography.X509Certificates.X500DistinguishedName', (f) => f.issuer],
  ['Version', 'System.Int32', () => 3],
  ['SignatureAlgorithm', 'System.Security.Cryptography.Oid', () => 'sha256RSA'],
  ['RawData', 'System.Byte[]', (f) => pemToDer(f.pem)],
];
/** The names of an ExchangeCertificate's own properties, in the table's order (tab completion lists them). */
export const EXCHANGE_CERTIFICATE_PROPERTIES: readonly string[] = CERT_PROPERTIES.map((d) => d[0]);
const CERT_PROPERTY_INDEX = new Map(CERT_PROPERTIES.map((d) => [d[0].toLowerCase(), d]));
const CERT_TYPE_NAMES = [
  EXCHANGE_CERTIFICATE_TYPE,
  'System.Security.Cryptography.X509Certificates.X509Certificate2',
  'System.Security.Cryptography.X509Certificates.X509Certificate',
  'System.Object',
];

/**
 * The PowerShell object over a certificate's facts. Its properties come from one shared table and
 * are computed when read (so they stay current, and a listing of 10,000 certificates does not
 * build 250,000 closures); notes added later (Add-Member, Select-Object) live in PSObject as usual.
 */
class ExchangeCertificateObject extends PSObject {
  constructor(
    private readonly facts: CertificateFacts,
    private readonly ctx: CertificateContext,
  ) {
    super([...CERT_TYPE_NAMES]);
  }

  private info(d: CertProperty): PSPropertyInfo {
    return { name: d[0], memberType: 'Property', typeName: d[1], get: () => d[2](this.facts, this.ctx) };
  }

  override property(name: string): PSPropertyInfo | undefined {
    const d = CERT_PROPERTY_INDEX.get(name.toLowerCase());
    return d ? this.info(d) : super.property(name);
  }

  override get(name: string): unknown {
    const d = CERT_PROPERTY_INDEX.get(name.toLowerCase());
    return d ? (d[2](this.facts, this.ctx) ?? null) : super.get(name);
  }

  override has(name: string): boolean {
    return CERT_PROPERTY_INDEX.has(name.toLowerCase()) || super.has(name);
  }

  override properties(): PSPropertyInfo[] {
    return [...CERT_PROPERTIES.map((d) => this.info(d)), ...super.properties()];
  }

  override method(name: string): PSMethodInfo | undefined {
    return name.toLowerCase() === 'tostring' ? this.toStringMethod() : super.method(name);
  }

  override methodList(): PSMethodInfo[] {
    return [this.toStringMethod(), ...super.methodList()];
  }

  /** X509Certificate2.ToString(): the verbose [Subject] ... [Thumbprint] form. */
  private toStringMethod(): PSMethodInfo {
    const f = this.facts;
    return {
      name: 'ToString',
      definition: 'string ToString()',
      invoke: () =>
        `[Subject]\n  ${f.subject}\n\n[Issuer]\n  ${f.issuer}\n\n[Serial Number]\n  ${f.serialNumber}\n\n[Not Before]\n  ${dateToString(f.notBefore)}\n\n[Not After]\n  ${dateToString(f.notAfter)}\n\n[Thumbprint]\n  ${f.thumbprint}\n`,
    };
  }
}

/** Builds the PowerShell object; property values are computed when read, so they stay current. */
export function exchangeCertificateObject(f: CertificateFacts, ctx: CertificateContext): PSObject {
  return new ExchangeCertificateObject(f, ctx);
}

export function pemToDer(pem: string): Uint8Array {
  const b64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return new Uint8Array(Buffer.from(b64, 'base64'));
}
