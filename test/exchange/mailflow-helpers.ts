// Shared set-up for the mail-flow tests: the built-in organization from fixture keys, with the
// mailboxes of the built-in lab, and certificates made from fixture keys (no key generation).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBuiltinOrganization } from '../../src/exchange/seed.js';
import { Organization, certRecord } from '../../src/exchange/organization.js';
import type { CertRecord, MailboxState } from '../../src/exchange/model.js';
import { createRequest, createSelfSigned, parseCertificate, signRequest } from '../../src/pki/index.js';
import { fixtureKeySource } from '../helpers/keys.js';

export const NOW = new Date('2026-11-26T09:30:00Z');
const keyDir = join(__dirname, '..', '..', 'fixtures', 'keys');
export const KEYS = [1, 2, 3, 4].map((i) => readFileSync(join(keyDir, `rsa2048-${i}.key.pem`), 'utf8'));

export function mailboxes(domain = 'proexchange.global'): MailboxState[] {
  const m = (name: string, server: string): MailboxState => ({ name, alias: name.toLowerCase(), server, primarySmtpAddress: `${name.toLowerCase()}@${domain}`, database: `${server}\\First Storage Group\\Mailbox Database` });
  return [m('Alice', 'Ex2007EE'), m('Bob', 'Ex2007EE'), m('Carol', 'Ex2007SE'), m('Dave', 'Ex2007SE'), m('Erin', 'MBX01')];
}

export async function labOrg(now = NOW): Promise<Organization> {
  const state = await createBuiltinOrganization(now, fixtureKeySource());
  state.mailboxes = mailboxes();
  return new Organization(state, () => now);
}

const DAY = 86400000;

/** A certificate issued by the lab CA for the names, valid from `from` for a year. */
export function labCaCertificate(org: Organization, names: string[], opts: { key?: number; from?: Date; services?: number } = {}): CertRecord {
  const keyPem = KEYS[opts.key ?? 0]!;
  const req = createRequest({ subject: `CN=${names[0]}`, dnsNames: names, privateKeyPem: keyPem });
  const from = opts.from ?? new Date(NOW.getTime() - DAY);
  const info = signRequest(req, org.state.ca.certPem, org.state.ca.keyPem, { notBefore: from, notAfter: new Date(from.getTime() + 365 * DAY), extendedKeyUsage: ['serverAuth', 'clientAuth'] });
  return certRecord(parseCertificate(info.pem), { keyPem, exportable: true, friendlyName: '', services: opts.services ?? 16, labCaSubject: org.state.ca.subject });
}

/** A self-signed certificate for the names. */
export function selfSignedCertificate(names: string[], opts: { key?: number; from?: Date; days?: number; services?: number } = {}): CertRecord {
  const keyPem = KEYS[opts.key ?? 0]!;
  const from = opts.from ?? new Date(NOW.getTime() - DAY);
  const info = createSelfSigned({ subject: `CN=${names[0]}`, dnsNames: names, notBefore: from, notAfter: new Date(from.getTime() + (opts.days ?? 365) * DAY), privateKeyPem: keyPem });
  return certRecord(info, { keyPem, exportable: true, friendlyName: '', services: opts.services ?? 16 });
}
