import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createCaCertificate,
  createPkcs7,
  createRequest,
  createSelfSigned,
  detectFormat,
  keyIdentifier,
  keyMatchesCertificate,
  parseCertificate,
  parseCertificates,
  PkiFormatError,
  PkiSignatureError,
  signRequest,
  toPem,
  verifySignedBy,
} from '../../src/pki/index.js';
import { EC1, RSA1, RSA2, RSA3, T0, T1Y } from './fixture-keys.js';

const webmail = () =>
  createSelfSigned({
    subject: 'CN=webmail.proexchange.global, OU=Messaging, O=ProExchange, C=US',
    dnsNames: ['webmail.proexchange.global', 'autodiscover.proexchange.global', 'EXCH01'],
    notBefore: T0,
    notAfter: T1Y,
    privateKeyPem: RSA1,
  });

describe('createSelfSigned', () => {
  const cert = webmail();

  it('has the subject, issuer, names and dates asked for', () => {
    expect(cert.version).toBe(3);
    expect(cert.subject).toBe('CN=webmail.proexchange.global, OU=Messaging, O=ProExchange, C=US');
    expect(cert.issuer).toBe(cert.subject);
    expect(cert.commonName).toBe('webmail.proexchange.global');
    expect(cert.dnsNames).toEqual(['webmail.proexchange.global', 'autodiscover.proexchange.global', 'EXCH01']);
    expect(cert.notBefore.toISOString()).toBe('2008-03-14T09:30:15.000Z');
    expect(cert.notAfter.toISOString()).toBe('2009-03-14T09:30:15.000Z');
  });

  it('is an Exchange-style server certificate signed with SHA-256', () => {
    expect(cert.signatureAlgorithm).toEqual({ oid: '1.2.840.113549.1.1.11', name: 'sha256RSA' });
    expect(cert.keyUsage).toEqual(['DigitalSignature', 'KeyEncipherment']);
    expect(cert.enhancedKeyUsage).toEqual([{ oid: '1.3.6.1.5.5.7.3.1', friendlyName: 'Server Authentication' }]);
    expect(cert.basicConstraints).toEqual({ ca: false });
    expect(cert.isCa).toBe(false);
    expect(cert.publicKeyAlgorithm).toBe('RSA');
    expect(cert.publicKeySize).toBe(2048);
    expect(cert.isSelfSigned).toBe(true);
    expect(cert.subjectKeyIdentifier).toBe(keyIdentifier(cert.spki).toString('hex').toUpperCase());
    expect(cert.extensions.map((e) => [e.oid, e.critical])).toEqual([
      ['2.5.29.19', true],
      ['2.5.29.15', true],
      ['2.5.29.37', false],
      ['2.5.29.17', false],
      ['2.5.29.14', false],
    ]);
  });

  it('has a thumbprint that is the upper-case SHA-1 of the DER', () => {
    expect(cert.thumbprint).toBe(createHash('sha1').update(cert.der).digest('hex').toUpperCase());
    expect(cert.thumbprint).toMatch(/^[0-9A-F]{40}$/);
  });

  it('draws a random positive 16-byte serial', () => {
    expect(cert.serialNumber).toMatch(/^[0-7][0-9A-F]{31}$/);
    expect(webmail().serialNumber).not.toBe(cert.serialNumber);
  });

  it('normalises a given serial to a minimal positive integer', () => {
    const make = (serialNumber: string) =>
      createSelfSigned({ subject: 'CN=s', notBefore: T0, notAfter: T1Y, privateKeyPem: RSA1, serialNumber }).serialNumber;
    expect(make('ff')).toBe('00FF');
    expect(make('0001a2')).toBe('01A2');
    expect(make('12:34:56')).toBe('123456');
    expect(() => make('00')).toThrow(PkiFormatError);
    expect(() => make('xyz')).toThrow('Invalid serial number "xyz".');
  });

  it('omits the SAN extension when there are no names, and encodes far dates as GeneralizedTime', () => {
    const c = createSelfSigned({ subject: 'CN=EXCH01', notBefore: T0, notAfter: new Date('2060-05-01T00:00:00Z'), privateKeyPem: RSA1 });
    expect(c.dnsNames).toEqual([]);
    expect(c.extensions.some((e) => e.oid === '2.5.29.17')).toBe(false);
    expect(c.notAfter.toISOString()).toBe('2060-05-01T00:00:00.000Z');
  });

  it('accepts IP addresses in the SAN list and other EKUs', () => {
    const c = createSelfSigned({
      subject: 'CN=x',
      dnsNames: ['x.contoso.com', '10.0.0.5', 'fe80::1'],
      notBefore: T0,
      notAfter: T1Y,
      privateKeyPem: RSA1,
      extendedKeyUsage: ['serverAuth', 'clientAuth'],
    });
    expect(c.dnsNames).toEqual(['x.contoso.com']);
    expect(c.ipAddresses).toEqual(['10.0.0.5', 'fe80:0:0:0:0:0:0:1']);
    expect(c.enhancedKeyUsage.map((e) => e.friendlyName)).toEqual(['Server Authentication', 'Client Authentication']);
  });

  it('signs with EC keys too (sha256ECDSA)', () => {
    const c = createSelfSigned({ subject: 'CN=ec', notBefore: T0, notAfter: T1Y, privateKeyPem: EC1 });
    expect(c.signatureAlgorithm.name).toBe('sha256ECDSA');
    expect(c.publicKeyAlgorithm).toBe('EC');
    expect(c.publicKeySize).toBe(256);
    expect(c.keyUsage).toEqual(['DigitalSignature']);
    expect(c.isSelfSigned).toBe(true);
  });

  it('refuses an empty validity period', () => {
    expect(() => createSelfSigned({ subject: 'CN=x', notBefore: T1Y, notAfter: T0, privateKeyPem: RSA1 })).toThrow(RangeError);
  });
});

describe('parseCertificate', () => {
  const cert = webmail();

  it('reads PEM, DER, bare Base64 and UTF-16 text alike', () => {
    expect(cert.pem.split('\n')[0]).toBe('-----BEGIN CERTIFICATE-----');
    expect(cert.pem.split('\n').slice(1, -3).every((l) => l.length === 64)).toBe(true);
    const b64 = cert.der.toString('base64');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(toPem(cert.der, 'CERTIFICATE', '\r\n'), 'utf16le')]);
    for (const input of [cert.pem, cert.der, new Uint8Array(cert.der), b64, b64.replace(/(.{76})/g, '$1\r\n'), utf16]) {
      expect(parseCertificate(input).thumbprint).toBe(cert.thumbprint);
    }
  });

  it('finds several certificates in one PEM and skips keys', () => {
    const other = createSelfSigned({ subject: 'CN=other', notBefore: T0, notAfter: T1Y, privateKeyPem: RSA2 });
    const all = parseCertificates(RSA1 + cert.pem + 'junk\n' + other.pem);
    expect(all.map((c) => c.subject)).toEqual([cert.subject, 'CN=other']);
  });

  it('notices a broken signature', () => {
    const der = Buffer.from(cert.der);
    der[der.length - 5]! ^= 0xff;
    const bad = parseCertificate(der);
    expect(bad.isSelfSigned).toBe(false);
    expect(verifySignedBy(bad, bad)).toBe(false);
  });

  it('throws PkiFormatError for things that are not certificates', () => {
    expect(() => parseCertificate('')).toThrow(PkiFormatError);
    expect(() => parseCertificate('not base64 at all!')).toThrow(PkiFormatError);
    expect(() => parseCertificate(Buffer.from([0x30, 0x03, 0x02, 0x01]))).toThrow(PkiFormatError);
    expect(() => parseCertificate(RSA1)).toThrow('No certificate was found in the data.');
    expect(() => parseCertificate('-----BEGIN CERTIFICATE-----\nMIIB\n')).toThrow('The PEM data is incomplete (no matching END line).');
    expect(() => parseCertificate(cert.der.subarray(0, 100))).toThrow(PkiFormatError);
  });
});

describe('lab CA', () => {
  const ca = createCaCertificate({ subject: 'CN=ProExchange Root CA, O=ProExchange, C=US', notBefore: T0, notAfter: new Date('2018-03-14T00:00:00Z'), privateKeyPem: RSA2 });
  const req = createRequest({ subject: 'c=US, o=ProExchange, cn=webmail.proexchange.global', dnsNames: ['webmail.proexchange.global', 'autodiscover.proexchange.global'], privateKeyPem: RSA1 });

  it('makes a CA certificate', () => {
    expect(ca.isCa).toBe(true);
    expect(ca.basicConstraints).toEqual({ ca: true });
    expect(ca.keyUsage).toEqual(['DigitalSignature', 'KeyCertSign', 'CrlSign']);
    expect(ca.isSelfSigned).toBe(true);
    expect(ca.authorityKeyIdentifier).toBe(ca.subjectKeyIdentifier);
  });

  it('signs a request, copying subject bytes, key and SANs', () => {
    const leaf = signRequest(req.pem, ca, RSA2, { notBefore: T0, notAfter: T1Y, serialNumber: '1A2B' });
    expect(leaf.subject).toBe('C=US, O=ProExchange, CN=webmail.proexchange.global');
    expect(leaf.subjectDer.equals(req.subjectDer)).toBe(true);
    expect(leaf.issuer).toBe('CN=ProExchange Root CA, O=ProExchange, C=US');
    expect(leaf.issuerDer.equals(ca.subjectDer)).toBe(true);
    expect(leaf.spki.equals(req.spki)).toBe(true);
    expect(leaf.dnsNames).toEqual(['webmail.proexchange.global', 'autodiscover.proexchange.global']);
    expect(leaf.serialNumber).toBe('1A2B');
    expect(leaf.authorityKeyIdentifier).toBe(ca.subjectKeyIdentifier);
    expect(leaf.isSelfSigned).toBe(false);
    expect(verifySignedBy(leaf, ca)).toBe(true);
    expect(verifySignedBy(leaf, leaf)).toBe(false);
    expect(keyMatchesCertificate(RSA1, leaf)).toBe(true);
    expect(keyMatchesCertificate(RSA2, leaf)).toBe(false);
  });

  it('does not verify against a different CA with the same name', () => {
    const leaf = signRequest(req, ca, RSA2, { notBefore: T0, notAfter: T1Y });
    const impostor = createCaCertificate({ subject: 'CN=ProExchange Root CA, O=ProExchange, C=US', notBefore: T0, notAfter: T1Y, privateKeyPem: RSA3 });
    expect(verifySignedBy(leaf, impostor)).toBe(false);
  });

  it('refuses a tampered request and a CA key that is not the CA certificate\'s', () => {
    const der = Buffer.from(req.der);
    der[der.length - 3]! ^= 1;
    expect(() => signRequest(der, ca, RSA2, { notBefore: T0, notAfter: T1Y })).toThrow(PkiSignatureError);
    expect(() => signRequest(req, ca, RSA3, { notBefore: T0, notAfter: T1Y })).toThrow('The CA private key does not match the CA certificate.');
  });

  it('bundles certificates in PKCS#7 and reads them back', () => {
    const leaf = signRequest(req, ca, RSA2, { notBefore: T0, notAfter: T1Y });
    const p7 = createPkcs7([leaf.der, ca.der]);
    for (const input of [p7, toPem(p7, 'PKCS7'), p7.toString('base64')]) {
      expect(parseCertificates(input).map((c) => c.thumbprint)).toEqual([leaf.thumbprint, ca.thumbprint]);
    }
    expect(detectFormat(p7)).toBe('pkcs7');
    expect(detectFormat(toPem(p7, 'PKCS7'))).toBe('pkcs7');
  });
});

describe('key types and names forge does not model', () => {
  it('keeps multi-valued RDNs and UTF-8 values in certificates it makes', () => {
    const c = createSelfSigned({ subject: 'CN=a + OU=b, O=Zürich AG, C=US', notBefore: T0, notAfter: T1Y, privateKeyPem: RSA1 });
    expect(c.subject).toBe('CN=a + OU=b, O=Zürich AG, C=US');
    expect(c.subjectRdns.map((rdn) => rdn.length)).toEqual([1, 1, 2]);
    expect(c.subjectRdns[1]).toEqual([{ oid: '2.5.4.10', value: 'Zürich AG', tag: 0x0c }]);
    expect(c.issuerDer.equals(c.subjectDer)).toBe(true);
  });

  it('writes ECDSA algorithm identifiers without parameters (RFC 5758)', () => {
    const c = createSelfSigned({ subject: 'CN=ec', notBefore: T0, notAfter: T1Y, privateKeyPem: EC1 });
    const ecdsaSha256 = Buffer.from('300a06082a8648ce3d040302', 'hex'); // SEQUENCE { OID ecdsa-with-SHA256 }
    expect(c.tbs.includes(ecdsaSha256)).toBe(true);
    expect(c.der.subarray(4 + c.tbs.length).subarray(0, ecdsaSha256.length).equals(ecdsaSha256)).toBe(true);
    expect(c.der.includes(Buffer.from('06082a8648ce3d0403020500', 'hex'))).toBe(false);
  });

  it('makes and signs EC requests, and bundles EC certificates in PKCS#7 unchanged', () => {
    const ca = createCaCertificate({ subject: 'CN=Lab CA', notBefore: T0, notAfter: T1Y, privateKeyPem: RSA2 });
    const req = createRequest({ subject: 'CN=ec.contoso.com', dnsNames: ['ec.contoso.com'], privateKeyPem: EC1 });
    expect(req.signatureValid).toBe(true);
    expect(req.signatureAlgorithm.name).toBe('sha256ECDSA');
    expect(req.publicKeyAlgorithm).toBe('EC');
    const leaf = signRequest(req, ca, RSA2, { notBefore: T0, notAfter: T1Y });
    expect(leaf.publicKeyAlgorithm).toBe('EC');
    expect(leaf.spki.equals(req.spki)).toBe(true);
    expect(leaf.keyUsage).toEqual(['DigitalSignature']);
    expect(verifySignedBy(leaf, ca)).toBe(true);
    const back = parseCertificates(createPkcs7([leaf.der, ca.der]));
    expect(back.map((c) => c.thumbprint)).toEqual([leaf.thumbprint, ca.thumbprint]);
  });
});

describe('detectFormat', () => {
  it('tells certificates, requests and keys apart', () => {
    const cert = webmail();
    const req = createRequest({ subject: 'CN=x', privateKeyPem: RSA1 });
    expect(detectFormat(cert.der)).toBe('certificate');
    expect(detectFormat(cert.pem)).toBe('certificate');
    expect(detectFormat(req.der)).toBe('request');
    expect(detectFormat(req.pem)).toBe('request');
    expect(detectFormat(RSA1)).toBe('privateKey');
    expect(detectFormat('garbage')).toBe('unknown');
  });
});
