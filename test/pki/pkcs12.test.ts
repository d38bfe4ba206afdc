import { describe, expect, it } from 'vitest';
import { createSecureContext } from 'node:tls';
import {
  createCaCertificate,
  createSelfSigned,
  detectFormat,
  exportPfx,
  importPfx,
  PfxPasswordError,
  PkiFormatError,
} from '../../src/pki/index.js';
import { derOf, oidNode } from '../../src/pki/asn1.js';
import { EC1, RSA1, RSA2, T0, T1Y } from './fixture-keys.js';

const cert = createSelfSigned({ subject: 'CN=webmail.proexchange.global', dnsNames: ['webmail.proexchange.global'], notBefore: T0, notAfter: T1Y, privateKeyPem: RSA1 });
const oid = (dotted: string) => derOf(oidNode(dotted));
const contains = (hay: Uint8Array, needle: Buffer) => Buffer.from(hay).includes(needle);

describe('exportPfx / importPfx', () => {
  it.each(['aes256', '3des'] as const)('round-trips with %s', (algorithm) => {
    const pfx = exportPfx({ certificate: cert, privateKeyPem: RSA1, password: 'P@ssw0rd', friendlyName: 'Microsoft Exchange', algorithm });
    const back = importPfx(pfx, 'P@ssw0rd');
    expect(back.certificates.map((c) => c.thumbprint)).toEqual([cert.thumbprint]);
    expect(back.certificate?.thumbprint).toBe(cert.thumbprint);
    expect(back.friendlyName).toBe('Microsoft Exchange');
    expect(back.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    // Node's TLS accepts the file as a server identity.
    expect(() => createSecureContext({ pfx: Buffer.from(pfx), passphrase: 'P@ssw0rd' })).not.toThrow();
  });

  it('uses the algorithm asked for', () => {
    const aes = exportPfx({ certificate: cert, privateKeyPem: RSA1, password: 'x', algorithm: 'aes256' });
    const des = exportPfx({ certificate: cert, privateKeyPem: RSA1, password: 'x', algorithm: '3des' });
    expect(contains(aes, oid('2.16.840.1.101.3.4.1.42'))).toBe(true); // aes256-CBC
    expect(contains(des, oid('1.2.840.113549.1.12.1.3'))).toBe(true); // pbeWithSHAAnd3-KeyTripleDES-CBC
    expect(contains(des, oid('2.16.840.1.101.3.4.1.42'))).toBe(false);
  });

  it('includes the chain after the certificate', () => {
    const ca = createCaCertificate({ subject: 'CN=ProExchange Root CA', notBefore: T0, notAfter: T1Y, privateKeyPem: RSA2 });
    const back = importPfx(exportPfx({ certificate: cert.pem, privateKeyPem: RSA1, chain: [ca.der], password: 'x', algorithm: 'aes256' }), 'x');
    expect(back.certificates.map((c) => c.subject)).toEqual(['CN=webmail.proexchange.global', 'CN=ProExchange Root CA']);
    expect(back.certificate?.subject).toBe('CN=webmail.proexchange.global');
  });

  it('throws PfxPasswordError for a wrong password', () => {
    const pfx = exportPfx({ certificate: cert, privateKeyPem: RSA1, password: 'right', algorithm: '3des' });
    expect(() => importPfx(pfx, 'wrong')).toThrow(PfxPasswordError);
    expect(() => importPfx(pfx, 'wrong')).toThrow('The PKCS #12 password is incorrect, or the file is not protected with this password.');
  });

  it('is detected as PKCS#12', () => {
    expect(detectFormat(exportPfx({ certificate: cert, privateKeyPem: RSA1, password: 'x', algorithm: '3des' }))).toBe('pkcs12');
  });

  it('throws PkiFormatError for data that is not PKCS#12', () => {
    expect(() => importPfx(cert.der, 'x')).toThrow(PkiFormatError);
    expect(() => importPfx(Buffer.from('hello'), 'x')).toThrow(PkiFormatError);
  });

  it('refuses a key that does not belong to the certificate, and non-RSA keys', () => {
    expect(() => exportPfx({ certificate: cert, privateKeyPem: RSA2, password: 'x', algorithm: 'aes256' })).toThrow('The private key does not match the certificate.');
    const ec = createSelfSigned({ subject: 'CN=ec', notBefore: T0, notAfter: T1Y, privateKeyPem: EC1 });
    expect(() => exportPfx({ certificate: ec, privateKeyPem: EC1, password: 'x', algorithm: 'aes256' })).toThrow(PkiFormatError);
  });
});
