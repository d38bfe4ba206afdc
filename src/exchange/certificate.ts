// The ExchangeCertificate object the cmdlets write: an X509Certificate2 with Exchange's
// properties (Services, Status, RootCAType, CertificateDomains ...), live over the stored record.

import { PSObject, dateToString } from '../protocol/values.js';
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

/** Builds the PowerShell object; property values are computed when read, so they stay current. */
export function exchangeCertificateObject(f: CertificateFacts, ctx: CertificateContext): PSObject {
  const o = new PSObject([EXCHANGE_CERTIFICATE_TYPE, 'System.Security.Cryptography.X509Certificates.X509Certificate2', 'System.Security.Cryptography.X509Certificates.X509Certificate', 'System.Object']);
  const prop = (name: string, typeName: string, get: () => unknown) => o.addProperty({ name, memberType: 'Property', typeName, get });
  const services = () => (f.kind === 'request' ? 0 : ctx.services());
  // Default Format-List order first (the view lists these), then the rest (Format-List *).
  prop('AccessRules', 'System.Security.AccessControl.AccessRule[]', () =>
    f.hasPrivateKey && f.kind === 'certificate' ? ['System.Security.AccessControl.CryptoKeyAccessRule', 'System.Security.AccessControl.CryptoKeyAccessRule', 'System.Security.AccessControl.CryptoKeyAccessRule'] : null,
  );
  prop('CertificateDomains', 'Microsoft.Exchange.Data.SmtpDomainWithSubdomains[]', () => [...f.domains]);
  prop('HasPrivateKey', 'System.Boolean', () => f.hasPrivateKey);
  prop('IsSelfSigned', 'System.Boolean', () => f.selfSigned);
  prop('Issuer', 'System.String', () => f.issuer);
  prop('NotAfter', 'System.DateTime', () => new Date(f.notAfter));
  prop('NotBefore', 'System.DateTime', () => new Date(f.notBefore));
  prop('PublicKeySize', 'System.Int32', () => f.publicKeySize);
  prop('RootCAType', 'Microsoft.Exchange.Security.Cryptography.X509Certificates.CertificateAuthorityType', () => rootCaType(f, ctx));
  prop('SerialNumber', 'System.String', () => f.serialNumber);
  prop('Services', 'Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices', () => servicesToString(services()));
  prop('Status', 'Microsoft.Exchange.Management.SystemConfigurationTasks.CertificateStatus', () => certificateStatus(f, ctx));
  prop('Subject', 'System.String', () => f.subject);
  prop('Thumbprint', 'System.String', () => f.thumbprint);
  prop('CertificateRequest', 'System.String', () => f.requestPem ?? null);
  prop('DnsNameList', 'System.Collections.Generic.IList`1[[System.String]]', () => [...f.domains]);
  prop('FriendlyName', 'System.String', () => f.friendlyName);
  prop('Identity', 'System.String', () => `${ctx.serverFqdn}\\${f.thumbprint}`);
  prop('PrivateKeyExportable', 'System.Boolean', () => f.exportable);
  prop('ServicesStringForm', 'System.String', () => servicesLetters(services()));
  prop('SubjectName', 'System.Security.Cryptography.X509Certificates.X500DistinguishedName', () => f.subject);
  prop('IssuerName', 'System.Security.Cryptography.X509Certificates.X500DistinguishedName', () => f.issuer);
  prop('Version', 'System.Int32', () => 3);
  prop('SignatureAlgorithm', 'System.Security.Cryptography.Oid', () => 'sha256RSA');
  prop('RawData', 'System.Byte[]', () => pemToDer(f.pem));
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => `[Subject]\n  ${f.subject}\n\n[Issuer]\n  ${f.issuer}\n\n[Serial Number]\n  ${f.serialNumber}\n\n[Not Before]\n  ${dateToString(f.notBefore)}\n\n[Not After]\n  ${dateToString(f.notAfter)}\n\n[Thumbprint]\n  ${f.thumbprint}\n` });
  return o;
}

export function pemToDer(pem: string): Uint8Array {
  const b64 = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return new Uint8Array(Buffer.from(b64, 'base64'));
}
