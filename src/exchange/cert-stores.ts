// The certificate stores of a lab machine, as the Cert: drive shows them (issue 8):
//   LocalMachine\Root  Trusted Root Certification Authorities: the enterprise CA on domain members
//                      (Group Policy) and the roots imported by hand.
//   LocalMachine\My    Personal: an Exchange server's certificates (Get-ExchangeCertificate's
//                      store), a client's own certificates.
//   LocalMachine\CA    Intermediate Certification Authorities: empty (the lab has none).
// CurrentUser\My and CurrentUser\Root show the same personal and root certificates (the lab's
// machines have one user each). Imports go to Root (any machine) or My (a client).

import { createHash, X509Certificate } from 'node:crypto';
import { addTrustedRoot, findMachine, trustedRootStore, type LabMachine } from './clients.js';
import type { OrgState } from './model.js';
import { describeCertificate } from './transport/tls.js';

export const STORE_LOCATIONS = ['CurrentUser', 'LocalMachine'] as const;
export type StoreLocation = (typeof STORE_LOCATIONS)[number];
/** The store names a Windows machine of the time lists under each location. */
export const STORE_NAMES = ['AuthRoot', 'CA', 'Disallowed', 'My', 'Root', 'TrustedPeople', 'TrustedPublisher'] as const;

export interface StoreCertificate {
  thumbprint: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  dnsNames: string[];
  hasPrivateKey: boolean;
  friendlyName: string;
  pem: string;
}

const described = new Map<string, Omit<StoreCertificate, 'hasPrivateKey' | 'friendlyName'>>();

/** The facts of a PEM certificate (parsed once per certificate). */
export function describePem(pem: string): Omit<StoreCertificate, 'hasPrivateKey' | 'friendlyName'> {
  const key = createHash('sha1').update(pem).digest('hex');
  let d = described.get(key);
  if (!d) {
    const seen = describeCertificate(new X509Certificate(pem));
    d = { thumbprint: seen.thumbprint, subject: seen.subject, issuer: seen.issuer, serialNumber: seen.serialNumber, notBefore: seen.notBefore, notAfter: seen.notAfter, dnsNames: seen.alternateNames, pem };
    if (described.size > 1024) described.clear();
    described.set(key, d);
  }
  return d;
}

/** The store name as Windows spells it, or undefined when there is no such store. */
export function canonicalStoreName(name: string): string | undefined {
  return STORE_NAMES.find((n) => n.toLowerCase() === name.trim().toLowerCase());
}

/** The certificates in one store of a machine. */
export function storeCertificates(org: OrgState, m: LabMachine, store: string): StoreCertificate[] {
  const name = canonicalStoreName(store);
  if (name === 'Root') return trustedRootStore(org, m.state).map((r) => ({ ...describePem(r.certPem), hasPrivateKey: false, friendlyName: '' }));
  if (name !== 'My') return [];
  if (m.kind === 'server') return m.state.certificates.map((c) => ({ ...describePem(c.certPem), hasPrivateKey: c.keyPem !== undefined, friendlyName: c.friendlyName }));
  return m.state.personal.map((c) => ({ ...describePem(c.certPem), hasPrivateKey: true, friendlyName: '' }));
}

export type ImportOutcome = { ok: true; added: boolean; certificate: StoreCertificate } | { ok: false; reason: string };

/**
 * Imports a certificate (no key) into a store of the machine the shell is on: Root on any machine
 * (a server's or a client's Trusted Root store), My on a client. Changes nothing on refusal.
 */
export function importCertificate(org: OrgState, machineName: string, store: string, pem: string): ImportOutcome {
  const m = findMachine(org, machineName);
  if (!m) return { ok: false, reason: `The machine ${machineName} is not in the lab.` };
  const name = canonicalStoreName(store);
  const facts = describePem(pem);
  const certificate: StoreCertificate = { ...facts, hasPrivateKey: false, friendlyName: '' };
  if (name === 'Root') {
    const added = addTrustedRoot(m.state, { subject: facts.subject, thumbprint: facts.thumbprint, certPem: pem });
    return { ok: true, added, certificate };
  }
  if (name === 'My' && m.kind === 'client') {
    // A public certificate without its key cannot authenticate the client: the lab keeps only keyed ones in My.
    return { ok: false, reason: 'A certificate imported without its private key cannot be used as the client\'s own certificate; import a PFX with its key instead.' };
  }
  return { ok: false, reason: `The lab imports certificates into the Root store (Trusted Root Certification Authorities) only; '${store}' is not supported.` };
}
