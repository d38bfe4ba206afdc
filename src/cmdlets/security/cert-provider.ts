// The Cert: drive (PowerShell's Certificate provider) over the lab machine the shell is on:
// `Cert:\` lists the store locations, `Cert:\LocalMachine` the stores, `Cert:\LocalMachine\Root`
// the certificates (X509Certificate2 objects, shown as 5.1 shows them: Thumbprint and Subject,
// grouped by PSParentPath). Get-ChildItem hands Cert: paths here.

import type { CmdletContext } from '../../protocol/cmdlet.js';
import { PSObject } from '../../protocol/values.js';
import { x509ToString } from '../../protocol/x509-objects.js';
import { registerView } from '../../format/views.js';
import { findMachine } from '../../exchange/clients.js';
import { STORE_LOCATIONS, STORE_NAMES, canonicalStoreName, storeCertificates, type StoreCertificate } from '../../exchange/cert-stores.js';
import { org } from '../exchange/common.js';
import { pemToDer } from '../../exchange/certificate.js';
import { pathNotFound } from '../core/file-common.js';

export const CERT_PROVIDER = 'Microsoft.PowerShell.Security\\Certificate';
export const X509_TYPES = ['System.Security.Cryptography.X509Certificates.X509Certificate2', 'System.Security.Cryptography.X509Certificates.X509Certificate', 'System.Object'];
const STORE_TYPE = 'System.Security.Cryptography.X509Certificates.X509Store';
const LOCATION_TYPE = 'Microsoft.PowerShell.Commands.X509StoreLocation';

/** A Cert: path, parsed: `Cert:\LocalMachine\Root\<thumbprint>` (or the provider-qualified form). */
export interface CertPath {
  location?: (typeof STORE_LOCATIONS)[number];
  store?: string;
  thumbprint?: string;
}

export function isCertPath(text: string): boolean {
  return /^\s*(cert:|microsoft\.powershell\.security\\certificate::)/i.test(text);
}

/** Parses a Cert: path; undefined when a part names nothing that exists. */
export function parseCertPath(text: string): CertPath | undefined {
  const rest = text.trim().replace(/^(cert:|microsoft\.powershell\.security\\certificate::)/i, '');
  const parts = rest.split(/[\\/]+/).filter(Boolean);
  if (parts.length === 0) return {};
  const location = STORE_LOCATIONS.find((l) => l.toLowerCase() === parts[0]!.toLowerCase());
  if (!location || parts.length > 3) return undefined;
  if (parts.length === 1) return { location };
  const store = canonicalStoreName(parts[1]!);
  if (!store) return undefined;
  return parts.length === 2 ? { location, store } : { location, store, thumbprint: parts[2]!.toUpperCase() };
}

/** The provider path PowerShell shows: `Microsoft.PowerShell.Security\Certificate::LocalMachine\Root`. */
export function certPsPath(p: CertPath): string {
  return `${CERT_PROVIDER}::${[p.location, p.store, p.thumbprint].filter(Boolean).join('\\')}`;
}

/** An X509Certificate2 as the Cert: drive returns it. */
export function x509Object(c: StoreCertificate, where: CertPath): PSObject {
  const o = new PSObject([...X509_TYPES]);
  const note = (n: string, v: unknown, typeName = 'System.String') => o.addProperty({ name: n, memberType: 'NoteProperty', typeName, get: () => v });
  const prop = (n: string, typeName: string, v: () => unknown) => o.addProperty({ name: n, memberType: 'Property', typeName, get: v });
  note('PSPath', certPsPath({ ...where, thumbprint: c.thumbprint }));
  note('PSParentPath', certPsPath({ location: where.location, store: where.store }));
  note('PSChildName', c.thumbprint);
  note('PSDrive', 'Cert', 'System.Management.Automation.PSDriveInfo');
  note('PSProvider', CERT_PROVIDER, 'System.Management.Automation.ProviderInfo');
  note('PSIsContainer', false, 'System.Boolean');
  prop('DnsNameList', 'System.Collections.Generic.IList`1[[System.String]]', () => [...c.dnsNames]);
  prop('FriendlyName', 'System.String', () => c.friendlyName);
  prop('HasPrivateKey', 'System.Boolean', () => c.hasPrivateKey);
  prop('Issuer', 'System.String', () => c.issuer);
  prop('NotAfter', 'System.DateTime', () => new Date(c.notAfter));
  prop('NotBefore', 'System.DateTime', () => new Date(c.notBefore));
  prop('SerialNumber', 'System.String', () => c.serialNumber);
  prop('Subject', 'System.String', () => c.subject);
  prop('Thumbprint', 'System.String', () => c.thumbprint);
  prop('Version', 'System.Int32', () => 3);
  prop('RawData', 'System.Byte[]', () => pemToDer(c.pem));
  o.addMethod({
    name: 'ToString',
    definition: 'string ToString()',
    invoke: () => x509ToString(c),
  });
  return o;
}

/** The certificate a Cert: path names on the current machine (`Cert:\LocalMachine\My\<thumbprint>`). */
export function certificateAt(ctx: CmdletContext, text: string): StoreCertificate | undefined {
  const p = parseCertPath(text);
  const o = org(ctx);
  const machine = findMachine(o.state, o.currentMachineName);
  if (!p?.store || !p.thumbprint || !machine) return undefined;
  return storeCertificates(o.state, machine, p.store).find((c) => c.thumbprint === p.thumbprint);
}

/** Writes the children of a Cert: path (Get-ChildItem), or its not-found error. */
export function listCertPath(ctx: CmdletContext, text: string): void {
  const p = parseCertPath(text);
  const o = org(ctx);
  const machine = findMachine(o.state, o.currentMachineName);
  if (!p || !machine) return ctx.writeError(pathNotFound(ctx, text.trim()));
  if (!p.location) {
    for (const l of STORE_LOCATIONS) {
      ctx.write(PSObject.fromRecord({ Location: l, StoreNames: [...STORE_NAMES] }, [LOCATION_TYPE, 'System.Object']));
    }
    return;
  }
  if (!p.store) {
    for (const n of STORE_NAMES) ctx.write(PSObject.fromRecord({ Name: n, Location: p.location }, [STORE_TYPE, 'System.Object']));
    return;
  }
  const certs = storeCertificates(o.state, machine, p.store);
  if (p.thumbprint) {
    const c = certs.find((x) => x.thumbprint === p.thumbprint);
    if (!c) return ctx.writeError(pathNotFound(ctx, text.trim()));
    return ctx.write(x509Object(c, p));
  }
  for (const c of certs) ctx.write(x509Object(c, p));
}

/** The group header value: PSParentPath (5.1 groups certificates by their store). */
const parentPath = (o: unknown): string => (o instanceof PSObject ? String(o.get('PSParentPath') ?? '') : '');

registerView({
  typeName: X509_TYPES[0]!,
  shape: 'table',
  table: {
    columns: [
      { label: 'Thumbprint', property: 'Thumbprint', width: 41 },
      { label: 'Subject', property: 'Subject' },
    ],
    // A certificate made from a file ([X509Certificate2]::new) has no store: no group header.
    groupBy: { label: 'PSParentPath', value: parentPath, lines: (v) => (v === '' ? [] : [`   PSParentPath: ${v}`]) },
  },
});

registerView({ typeName: STORE_TYPE, shape: 'list', list: { properties: [{ label: 'Name', property: 'Name' }] } });
registerView({
  typeName: LOCATION_TYPE,
  shape: 'list',
  list: { properties: [{ label: 'Location', property: 'Location' }, { label: 'StoreNames', property: 'StoreNames' }] },
});
