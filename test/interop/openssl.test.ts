// Interop with the real `openssl` binary: OpenSSL reads what emsh writes, and emsh reads what
// OpenSSL writes. Skipped when openssl is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createCaCertificate,
  createPkcs7,
  createRequest,
  createSelfSigned,
  exportPfx,
  importPfx,
  parseCertificate,
  parseCertificates,
  parseRequest,
  requestToText,
  signRequest,
  verifySignedBy,
} from '../../src/pki/index.js';
import { EC1, keyPath, RSA1, RSA2, RSA3, T0 } from '../pki/fixture-keys.js';
import { tempDir } from '../helpers/temp.js';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
const dir = tempDir('emsh-pki-interop-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, data?: string | Uint8Array) => {
  const p = join(dir, name);
  if (data !== undefined) writeFileSync(p, data);
  return p;
};
/** Runs openssl; returns stdout+stderr, throws with both when it fails. */
function openssl(...args: string[]): string {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed:\n${r.stdout}${r.stderr}`);
  return r.stdout + r.stderr;
}

// Certificates valid now: openssl verify checks dates against the real clock.
const now = new Date();
const later = new Date(now.getTime() + 365 * 86400_000);
const earlier = new Date(now.getTime() - 86400_000);

describe.skipIf(!hasOpenssl)('OpenSSL reads what emsh writes', () => {
  const cert = createSelfSigned({
    subject: 'CN=webmail.proexchange.global, OU=Messaging, O=ProExchange, C=US',
    dnsNames: ['webmail.proexchange.global', 'EXCH01'],
    notBefore: T0,
    notAfter: new Date('2009-03-14T09:30:15Z'),
    privateKeyPem: RSA1,
  });
  const certFile = file('self.pem', cert.pem);

  it('x509 -text shows SANs, usages and the SHA-256 signature', () => {
    const text = openssl('x509', '-in', certFile, '-noout', '-text');
    expect(text).toContain('DNS:webmail.proexchange.global, DNS:EXCH01');
    expect(text).toContain('Signature Algorithm: sha256WithRSAEncryption');
    expect(text).toContain('TLS Web Server Authentication');
    expect(text).toContain('Digital Signature, Key Encipherment');
    expect(text).toContain('CA:FALSE');
    expect(text).toContain('Not Before: Mar 14 09:30:15 2008 GMT');
    expect(text).toContain('Not After : Mar 14 09:30:15 2009 GMT');
    expect(text).toContain('Public-Key: (2048 bit)');
  });

  it('agrees on thumbprint, serial number and the Windows-order subject', () => {
    // OpenSSL 3.0 prints "sha1 Fingerprint=", other versions "SHA1 Fingerprint=".
    expect(openssl('x509', '-in', certFile, '-noout', '-fingerprint', '-sha1').trim().replace(/^sha1 Fingerprint=/i, '')).toBe(
      cert.thumbprint.match(/../g)!.join(':'),
    );
    expect(openssl('x509', '-in', certFile, '-noout', '-serial').trim()).toBe(`serial=${cert.serialNumber}`);
    // RFC 2253 output lists RDNs last-first, as Windows does.
    expect(openssl('x509', '-in', certFile, '-noout', '-subject', '-nameopt', 'RFC2253').trim()).toBe(
      `subject=${cert.subject.replace(/, /g, ',')}`,
    );
    // Default output is DER order.
    expect(openssl('x509', '-in', certFile, '-noout', '-subject').trim()).toBe(
      'subject=C = US, O = ProExchange, OU = Messaging, CN = webmail.proexchange.global',
    );
  });

  it('reads DER and EC certificates', () => {
    expect(openssl('x509', '-in', file('self.cer', cert.der), '-inform', 'DER', '-noout', '-subject')).toContain('CN = webmail.proexchange.global');
    const ec = createSelfSigned({ subject: 'CN=ec.contoso.com', dnsNames: ['ec.contoso.com'], notBefore: earlier, notAfter: later, privateKeyPem: EC1 });
    const text = openssl('x509', '-in', file('ec.pem', ec.pem), '-noout', '-text');
    expect(text).toContain('Signature Algorithm: ecdsa-with-SHA256');
    expect(openssl('verify', '-CAfile', file('ec.pem'), file('ec.pem'))).toContain(': OK');
  });

  it('req -verify accepts our EC request, and verify our CA-signed EC certificate', () => {
    const req = createRequest({ subject: 'CN=ec.contoso.com', dnsNames: ['ec.contoso.com'], privateKeyPem: EC1 });
    const out = openssl('req', '-verify', '-in', file('ec.req', requestToText(req)), '-noout', '-text');
    expect(out).toMatch(/verify OK/);
    expect(out).toContain('Signature Algorithm: ecdsa-with-SHA256');
    const ca = createCaCertificate({ subject: 'CN=ProExchange Root CA', notBefore: earlier, notAfter: later, privateKeyPem: RSA2 });
    const leaf = signRequest(req, ca, RSA2, { notBefore: earlier, notAfter: later });
    expect(openssl('verify', '-CAfile', file('ca-ec.pem', ca.pem), '-purpose', 'sslserver', file('leaf-ec.pem', leaf.pem))).toContain(': OK');
  });

  it('req -verify accepts our NEW CERTIFICATE REQUEST', () => {
    const req = createRequest({ subject: 'c=US, o=Contoso, cn=mail.contoso.com', dnsNames: ['mail.contoso.com', 'autodiscover.contoso.com'], privateKeyPem: RSA1 });
    const out = openssl('req', '-verify', '-in', file('r.req', requestToText(req, '\r\n')), '-noout', '-text');
    expect(out).toMatch(/verify OK/);
    expect(out).toContain('Subject: CN = mail.contoso.com, O = Contoso, C = US');
    expect(out).toContain('DNS:mail.contoso.com, DNS:autodiscover.contoso.com');
    expect(out).toContain('Signature Algorithm: sha256WithRSAEncryption');
    // DER (-BinaryEncoded) too
    expect(openssl('req', '-verify', '-inform', 'DER', '-in', file('r.der', req.der), '-noout')).toMatch(/verify OK/);
  });

  it.each([
    ['aes256', 'Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC'],
    ['3des', 'Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC'],
  ] as const)('pkcs12 opens our %s PFX without -legacy', (algorithm, keybag) => {
    const pfx = file(`x-${algorithm}.pfx`, exportPfx({ certificate: cert, privateKeyPem: RSA1, password: 'P@ss word', friendlyName: 'Microsoft Exchange', algorithm }));
    const out = openssl('pkcs12', '-in', pfx, '-passin', 'pass:P@ss word', '-nodes');
    expect(out).toContain('friendlyName: Microsoft Exchange');
    expect(out).toContain('-----BEGIN PRIVATE KEY-----');
    expect(out).toContain(cert.pem.split('\n')[1]);
    expect(openssl('pkcs12', '-in', pfx, '-passin', 'pass:P@ss word', '-info', '-noout')).toContain(keybag);
    expect(spawnSync('openssl', ['pkcs12', '-in', pfx, '-passin', 'pass:nope', '-nodes']).status).not.toBe(0);
  });

  it('uses the UTF-8 password bytes for AES like OpenSSL and Node do (non-ASCII passwords)', () => {
    const pw = 'pässwörd€';
    const pfx = exportPfx({ certificate: cert, privateKeyPem: RSA1, password: pw, algorithm: 'aes256' });
    expect(() => createSecureContext({ pfx: Buffer.from(pfx), passphrase: pw })).not.toThrow();
    expect(openssl('pkcs12', '-in', file('utf8.pfx', pfx), '-passin', `pass:${pw}`, '-nodes')).toContain('-----BEGIN PRIVATE KEY-----');
    const theirs = file('utf8-ossl.pfx');
    openssl('pkcs12', '-export', '-in', certFile, '-inkey', keyPath('rsa2048-1.key.pem'), '-passout', `pass:${pw}`, '-out', theirs);
    expect(importPfx(readFileSync(theirs), pw).certificate?.thumbprint).toBe(cert.thumbprint);
  });

  it('openssl verify accepts a certificate our lab CA signed, for TLS server use', () => {
    const ca = createCaCertificate({ subject: 'CN=ProExchange Root CA, O=ProExchange, C=US', notBefore: earlier, notAfter: later, privateKeyPem: RSA2 });
    const req = createRequest({ subject: 'CN=webmail.proexchange.global', dnsNames: ['webmail.proexchange.global'], privateKeyPem: RSA1 });
    const leaf = signRequest(req, ca, RSA2, { notBefore: earlier, notAfter: later });
    const caFile = file('ca.pem', ca.pem);
    const leafFile = file('leaf.pem', leaf.pem);
    expect(openssl('verify', '-CAfile', caFile, '-purpose', 'sslserver', leafFile).trim()).toBe(`${leafFile}: OK`);
    expect(openssl('verify', '-CAfile', caFile, '-verify_hostname', 'webmail.proexchange.global', leafFile).trim()).toBe(`${leafFile}: OK`);
    expect(openssl('x509', '-in', caFile, '-noout', '-text')).toContain('Certificate Sign, CRL Sign');

    // and a certs-only .p7b of the chain
    const p7 = openssl('pkcs7', '-inform', 'DER', '-in', file('chain.p7b', createPkcs7([leaf.der, ca.der])), '-print_certs', '-noout');
    expect(p7).toContain('subject=CN = webmail.proexchange.global');
    expect(p7).toContain('subject=C = US, O = ProExchange, CN = ProExchange Root CA');
  });
});

describe.skipIf(!hasOpenssl)('emsh reads what OpenSSL writes', () => {
  // An OpenSSL CA and a server certificate it signed from an OpenSSL request.
  const caKey = keyPath('rsa2048-3.key.pem');
  const caPem = file('ossl-ca.pem');
  const csr = file('ossl.csr');
  const leafPem = file('ossl-leaf.pem');
  if (hasOpenssl) {
    openssl('req', '-x509', '-new', '-key', caKey, '-sha256', '-days', '30', '-subj', '/C=US/O=Fabrikam/CN=Fabrikam Root CA', '-out', caPem);
    openssl('req', '-new', '-key', keyPath('rsa2048-4.key.pem'), '-subj', '/C=US/ST=WA/L=Redmond/O=Fabrikam/OU=IT/CN=mail.fabrikam.com',
      '-addext', 'subjectAltName=DNS:mail.fabrikam.com,DNS:autodiscover.fabrikam.com', '-out', csr);
    writeFileSync(file('san.ext'), 'subjectAltName=DNS:mail.fabrikam.com,DNS:autodiscover.fabrikam.com\nextendedKeyUsage=serverAuth\n');
    openssl('x509', '-req', '-in', csr, '-CA', caPem, '-CAkey', caKey, '-CAcreateserial', '-days', '30', '-sha256', '-extfile', file('san.ext'), '-out', leafPem);
  }

  it('parses an OpenSSL-signed certificate with Windows-order names', () => {
    const leaf = parseCertificate(readFileSync(leafPem, 'utf8'));
    const ca = parseCertificate(readFileSync(caPem));
    expect(leaf.subject).toBe('CN=mail.fabrikam.com, OU=IT, O=Fabrikam, L=Redmond, S=WA, C=US');
    expect(leaf.issuer).toBe('CN=Fabrikam Root CA, O=Fabrikam, C=US');
    expect(leaf.dnsNames).toEqual(['mail.fabrikam.com', 'autodiscover.fabrikam.com']);
    expect(leaf.enhancedKeyUsage.map((e) => e.friendlyName)).toEqual(['Server Authentication']);
    expect(leaf.isSelfSigned).toBe(false);
    expect(ca.isSelfSigned).toBe(true);
    expect(verifySignedBy(leaf, ca)).toBe(true);
    expect(leaf.serialNumber).toBe(openssl('x509', '-in', leafPem, '-noout', '-serial').trim().replace('serial=', ''));
    expect(leaf.thumbprint).toBe(openssl('x509', '-in', leafPem, '-noout', '-fingerprint', '-sha1').trim().replace(/^sha1 Fingerprint=/i, '').replace(/:/g, ''));
  });

  it('parses an OpenSSL request (CERTIFICATE REQUEST header) and our CA signs it', () => {
    const req = parseRequest(readFileSync(csr, 'utf8'));
    expect(req.subject).toBe('CN=mail.fabrikam.com, OU=IT, O=Fabrikam, L=Redmond, S=WA, C=US');
    expect(req.dnsNames).toEqual(['mail.fabrikam.com', 'autodiscover.fabrikam.com']);
    expect(req.signatureValid).toBe(true);
    const ca = createCaCertificate({ subject: 'CN=ProExchange Root CA', notBefore: earlier, notAfter: later, privateKeyPem: RSA2 });
    const leaf = signRequest(req, ca, RSA2, { notBefore: earlier, notAfter: later });
    expect(openssl('verify', '-CAfile', file('ca2.pem', ca.pem), file('leaf2.pem', leaf.pem))).toContain(': OK');
    expect(openssl('x509', '-in', file('leaf2.pem'), '-noout', '-subject').trim()).toBe(
      'subject=C = US, ST = WA, L = Redmond, O = Fabrikam, OU = IT, CN = mail.fabrikam.com',
    );
  });

  it('reads a .p7b made by openssl crl2pkcs7', () => {
    const pem = openssl('crl2pkcs7', '-nocrl', '-certfile', leafPem, '-certfile', caPem);
    const certs = parseCertificates(pem);
    expect(certs.map((c) => c.subject)).toEqual(['CN=mail.fabrikam.com, OU=IT, O=Fabrikam, L=Redmond, S=WA, C=US', 'CN=Fabrikam Root CA, O=Fabrikam, C=US']);
    const der = execFileSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', leafPem, '-outform', 'DER']);
    expect(parseCertificates(der)).toHaveLength(1);
  });

  it.each([
    ['default (AES-256)', [] as string[]],
    ['-legacy (RC2-40 + 3DES)', ['-legacy']],
  ])('imports a PFX from openssl pkcs12 -export %s', (_label, extra) => {
    const pfx = file(`ossl${extra.join('')}.pfx`);
    const r = spawnSync('openssl', ['pkcs12', '-export', ...extra, '-in', leafPem, '-inkey', keyPath('rsa2048-4.key.pem'), '-certfile', caPem,
      '-name', 'Fabrikam Mail', '-passout', 'pass:secret', '-out', pfx], { encoding: 'utf8' });
    if (r.status !== 0 && extra.length) return; // this OpenSSL has no legacy provider
    expect(r.status).toBe(0);
    const back = importPfx(readFileSync(pfx), 'secret');
    const leaf = parseCertificate(readFileSync(leafPem, 'utf8'));
    expect(back.certificate?.thumbprint).toBe(leaf.thumbprint);
    expect(back.certificates).toHaveLength(2);
    expect(back.friendlyName).toBe('Fabrikam Mail');
    expect(back.privateKeyPem).toBe(readFileSync(keyPath('rsa2048-4.key.pem'), 'utf8'));
    expect(() => importPfx(readFileSync(pfx), 'wrong')).toThrow('The PKCS #12 password is incorrect');
  });

  it('parses OpenSSL EC certificates and requests, multi-valued RDNs and UTF-8 names', () => {
    const ecPem = file('ossl-ec.pem');
    openssl('req', '-x509', '-new', '-key', keyPath('ec-p256-1.key.pem'), '-utf8', '-subj', '/C=CH/O=Zürich AG/CN=ec.contoso.com+OU=Lab', '-days', '3',
      '-addext', 'subjectAltName=DNS:ec.contoso.com,IP:10.1.2.3,IP:2001:db8::1', '-out', ecPem);
    const ec = parseCertificate(readFileSync(ecPem, 'utf8'));
    expect(ec.subject).toBe('OU=Lab + CN=ec.contoso.com, O=Zürich AG, C=CH'); // OpenSSL sorts the RDN's SET (DER)
    expect(ec.publicKeyAlgorithm).toBe('EC');
    expect(ec.signatureAlgorithm.name).toBe('sha256ECDSA');
    expect(ec.dnsNames).toEqual(['ec.contoso.com']);
    expect(ec.ipAddresses).toEqual(['10.1.2.3', '2001:db8:0:0:0:0:0:1']);
    expect(ec.isSelfSigned).toBe(true);
    expect(ec.thumbprint).toBe(openssl('x509', '-in', ecPem, '-noout', '-fingerprint', '-sha1').trim().replace(/^sha1 Fingerprint=/i, '').replace(/:/g, ''));
    const csr = file('ossl-ec.csr');
    openssl('req', '-new', '-key', keyPath('ec-p256-1.key.pem'), '-subj', '/CN=ec.contoso.com', '-addext', 'subjectAltName=DNS:ec.contoso.com', '-out', csr);
    const req = parseRequest(readFileSync(csr, 'utf8'));
    expect([req.subject, req.dnsNames, req.signatureValid]).toEqual(['CN=ec.contoso.com', ['ec.contoso.com'], true]);
  });

  it('keeps RSA3 (the OpenSSL CA key) for that CA only', () => {
    expect(parseCertificate(readFileSync(caPem)).publicKeyPem).toBe(createCaCertificate({ subject: 'CN=x', notBefore: earlier, notAfter: later, privateKeyPem: RSA3 }).publicKeyPem);
  });
});
