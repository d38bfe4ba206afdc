// The ExchangeCertificate object the cmdlets write: an X509Certificate2 (its members from
// src/protocol/x509-objects.ts) with Exchange's properties, typed as EMS types them: Services an
// AllowedServices flags enum, Status and RootCAType enums, CertificateDomains
// SmtpDomainWithSubdomains; live over the stored record.

import { createPublicKey } from 'node:crypto';
import { enumValue, registerEnum, registerTypeName } from '../protocol/convert.js';
import { PSObject, type PSMethodInfo, type PSPropertyInfo } from '../protocol/values.js';
import { X509_CERTIFICATE2_TYPES, X509_PROPERTIES, X509_SCRIPT_PROPERTIES, x509Methods, type X509Facts, type X509Row } from '../protocol/x509-objects.js';
import { readCertificateDer, type CertificateDerFacts } from '../pki/der-facts.js';
import { SIGNATURE_ALGORITHMS, ekuFriendlyName } from '../pki/oids.js';
import type { CertRecord, RequestRecord } from './model.js';
import { ALLOWED_SERVICES_ENUM, servicesLetters, servicesValue } from './services.js';
import { smtpDomainWithSubdomains } from './smtp-domain.js';

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

export const CERTIFICATE_STATUS_TYPE = 'Microsoft.Exchange.Management.SystemConfigurationTasks.CertificateStatus';
export const ROOT_CA_TYPE = 'Microsoft.Exchange.Security.Cryptography.X509Certificates.CertificateAuthorityType';
registerEnum({ typeName: CERTIFICATE_STATUS_TYPE, values: ['Unknown', 'Valid', 'Revoked', 'DateInvalid', 'Untrusted', 'Invalid', 'RevocationCheckFailure', 'PendingRequest'] });
registerEnum({ typeName: ROOT_CA_TYPE, values: ['None', 'Registry', 'ThirdParty', 'Enterprise', 'GroupPolicy', 'Unknown'] });
registerTypeName(EXCHANGE_CERTIFICATE_TYPE);

/**
 * Exchange's own properties, in the order the class declares them (Format-List * lists them
 * before the X509Certificate2 ones; the default list view picks its 14 by name).
 */
const EXCHANGE_PROPERTIES: CertProperty[] = [
  ['AccessRules', 'System.Security.AccessControl.AccessRule[]', (f) => (f.hasPrivateKey && f.kind === 'certificate' ? [ACCESS_RULE, ACCESS_RULE, ACCESS_RULE] : null)],
  ['CertificateDomains', 'Microsoft.Exchange.Data.SmtpDomainWithSubdomains[]', (f) => f.domains.map(smtpDomainWithSubdomains)],
  ['CertificateRequest', 'System.String', (f) => f.requestPem ?? null],
  ['IsSelfSigned', 'System.Boolean', (f) => f.selfSigned],
  ['RootCAType', ROOT_CA_TYPE, (f, ctx) => enumValue(ROOT_CA_TYPE, rootCaType(f, ctx))],
  ['Services', ALLOWED_SERVICES_ENUM.typeName, (f, ctx) => servicesValue(servicesOf(f, ctx))],
  ['Status', CERTIFICATE_STATUS_TYPE, (f, ctx) => enumValue(CERTIFICATE_STATUS_TYPE, certificateStatus(f, ctx))],
  ['SubjectKeyIdentifier', 'System.String', (f) => parsed(f)?.subjectKeyIdentifier ?? null],
  ['PrivateKeyExportable', 'System.Boolean', (f) => f.exportable],
  ['PublicKeySize', 'System.Int32', (f) => f.publicKeySize],
  ['Identity', 'System.String', (f, ctx) => `${ctx.serverFqdn}\\${f.thumbprint}`],
  ['ServicesStringForm', 'System.String', (f, ctx) => servicesLetters(servicesOf(f, ctx))],
];

/** The DER facts behind the facts (read once per facts object, without node-forge). */
const PARSED = new WeakMap<CertificateFacts, (CertificateDerFacts & { der: Uint8Array }) | null>();
function parsed(f: CertificateFacts): (CertificateDerFacts & { der: Uint8Array }) | undefined {
  let p = PARSED.get(f);
  if (p === undefined) {
    try {
      const der = pemToDer(f.pem);
      p = { ...readCertificateDer(der), der };
    } catch {
      p = null;
    }
    PARSED.set(f, p);
  }
  return p ?? undefined;
}

/**
 * The facts X509Certificate2's members are computed from (x509-objects.ts), made once per
 * certificate facts; the parts that need the parsed certificate parse it on first use, so a
 * table of Thumbprint and Subject never parses.
 */
const X509_FACTS = new WeakMap<CertificateFacts, X509Facts>();
function x509Facts(f: CertificateFacts, ctx: CertificateContext): X509Facts {
  let x = X509_FACTS.get(f);
  if (x) return x;
  x = {
    get der() {
      return parsed(f)?.der ?? pemToDer(f.pem);
    },
    thumbprint: f.thumbprint,
    subject: f.subject,
    get subjectDer() {
      return parsed(f)?.subjectDer ?? new Uint8Array(0);
    },
    issuer: f.issuer,
    get issuerDer() {
      return parsed(f)?.issuerDer ?? new Uint8Array(0);
    },
    serialNumber: f.serialNumber,
    notBefore: f.notBefore,
    notAfter: f.notAfter,
    get version() {
      return parsed(f)?.version ?? 3;
    },
    friendlyName: f.friendlyName,
    hasPrivateKey: f.hasPrivateKey,
    get signatureAlgorithm() {
      const oid = parsed(f)?.signatureOid ?? '1.2.840.113549.1.1.11';
      return { oid, name: SIGNATURE_ALGORITHMS[oid]?.name ?? oid };
    },
    get publicKey() {
      const c = parsed(f);
      return { algorithmOid: c?.keyAlgorithmOid ?? '1.2.840.113549.1.1.1', size: f.publicKeySize, bits: publicKeyBits(c) };
    },
    get extensions() {
      return parsed(f)?.extensions ?? [];
    },
    dnsNames: [...f.domains],
    get enhancedKeyUsage() {
      return (parsed(f)?.enhancedKeyUsage ?? []).map((oid) => ({ oid, friendlyName: ekuFriendlyName(oid) }));
    },
    // The chain builds to a root this server trusts and the certificate is in date.
    verify: () => certificateStatus(f, ctx) === 'Valid' && rootCaType(f, ctx) === 'Enterprise',
  };
  X509_FACTS.set(f, x);
  return x;
}

const RSA_OID = '1.2.840.113549.1.1.1';

/** The subjectPublicKey bits (what GetPublicKey / GetPublicKeyString give): PKCS#1 for RSA. */
function publicKeyBits(c: CertificateDerFacts | undefined): Uint8Array {
  if (!c) return new Uint8Array(0);
  try {
    const key = createPublicKey({ key: Buffer.from(c.spkiDer), format: 'der', type: 'spki' });
    return c.keyAlgorithmOid === RSA_OID ? key.export({ type: 'pkcs1', format: 'der' }) : c.spkiDer;
  } catch {
    return c.spkiDer;
  }
}

/** A property row: the X509Certificate2 script properties, Exchange's own, then X509Certificate2's (a name both have is Exchange's). */
type Row = { name: string; typeName: string; memberType: PSPropertyInfo['memberType']; get: (f: CertificateFacts, ctx: CertificateContext) => unknown };
const fromX509 = (r: X509Row): Row => ({ name: r.name, typeName: r.typeName, memberType: r.memberType, get: (f, ctx) => r.get(x509Facts(f, ctx)) });
const ROWS: Row[] = (() => {
  const own = EXCHANGE_PROPERTIES.map(([name, typeName, get]): Row => ({ name, typeName, get, memberType: 'Property' }));
  const taken = new Set(own.map((r) => r.name.toLowerCase()));
  return [...X509_SCRIPT_PROPERTIES.map(fromX509), ...own, ...X509_PROPERTIES.filter((r) => !taken.has(r.name.toLowerCase())).map(fromX509)];
})();

/** The names of an ExchangeCertificate's properties, in Format-List * order (tab completion lists them). */
export const EXCHANGE_CERTIFICATE_PROPERTIES: readonly string[] = ROWS.map((r) => r.name);
const ROW_INDEX = new Map(ROWS.map((r) => [r.name.toLowerCase(), r]));
const CERT_TYPE_NAMES = [EXCHANGE_CERTIFICATE_TYPE, ...X509_CERTIFICATE2_TYPES];

/**
 * The PowerShell object over a certificate's facts: an X509Certificate2 with Exchange's
 * properties. Properties come from one shared table and are computed when read (so they stay
 * current, and a listing of 10,000 certificates does not build 250,000 closures); notes added
 * later (Add-Member, Select-Object) live in PSObject as usual.
 */
class ExchangeCertificateObject extends PSObject {
  private methodsCache?: PSMethodInfo[];

  constructor(
    private readonly facts: CertificateFacts,
    private readonly ctx: CertificateContext,
  ) {
    super([...CERT_TYPE_NAMES]);
  }

  private info(r: Row): PSPropertyInfo {
    return { name: r.name, memberType: r.memberType, typeName: r.typeName, get: () => r.get(this.facts, this.ctx) };
  }

  override property(name: string): PSPropertyInfo | undefined {
    const r = ROW_INDEX.get(name.toLowerCase());
    return r ? this.info(r) : super.property(name);
  }

  override get(name: string): unknown {
    const r = ROW_INDEX.get(name.toLowerCase());
    return r ? (r.get(this.facts, this.ctx) ?? null) : super.get(name);
  }

  override has(name: string): boolean {
    return ROW_INDEX.has(name.toLowerCase()) || super.has(name);
  }

  override properties(): PSPropertyInfo[] {
    return [...ROWS.map((r) => this.info(r)), ...super.properties()];
  }

  private x509(): PSMethodInfo[] {
    return (this.methodsCache ??= x509Methods(() => x509Facts(this.facts, this.ctx)));
  }

  override method(name: string): PSMethodInfo | undefined {
    const l = name.toLowerCase();
    return super.method(name) ?? this.x509().find((m) => m.name.toLowerCase() === l);
  }

  override methodList(): PSMethodInfo[] {
    const own = super.methodList();
    const names = new Set(own.map((m) => m.name.toLowerCase()));
    return [...this.x509().filter((m) => !names.has(m.name.toLowerCase())), ...own];
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
