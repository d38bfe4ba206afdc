import { describe, expect, it } from 'vitest';
import { createRequest, parseRequest, PkiFormatError, requestToText, toPem } from '../../src/pki/index.js';
import { RSA1, RSA1024 } from './fixture-keys.js';

describe('PKCS#10 requests', () => {
  const req = createRequest({
    subject: 'c=US, s=WA, l=Redmond, o=Contoso, ou=IT, cn=mail.contoso.com',
    dnsNames: ['autodiscover.contoso.com', 'webmail.contoso.com', 'EXCH01.contoso.local', 'EXCH01'],
    privateKeyPem: RSA1,
  });

  it('carries the subject, SANs and key, SHA-256 signed', () => {
    expect(req.subject).toBe('C=US, S=WA, L=Redmond, O=Contoso, OU=IT, CN=mail.contoso.com');
    expect(req.commonName).toBe('mail.contoso.com');
    expect(req.dnsNames).toEqual(['autodiscover.contoso.com', 'webmail.contoso.com', 'EXCH01.contoso.local', 'EXCH01']);
    expect(req.publicKeyAlgorithm).toBe('RSA');
    expect(req.publicKeySize).toBe(2048);
    expect(req.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(req.signatureAlgorithm.name).toBe('sha256RSA');
    expect(req.signatureValid).toBe(true);
  });

  it('is written the way Exchange writes it', () => {
    const text = requestToText(req);
    const lines = text.split('\n');
    expect(lines[0]).toBe('-----BEGIN NEW CERTIFICATE REQUEST-----');
    expect(lines.at(-2)).toBe('-----END NEW CERTIFICATE REQUEST-----');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(1, -3).every((l) => l.length === 64)).toBe(true);
    expect(lines.at(-3)!.length).toBeLessThanOrEqual(64);
    expect(req.pem).toBe(text);
    expect(requestToText(req, '\r\n')).toBe(text.replace(/\n/g, '\r\n'));
  });

  it('reads NEW CERTIFICATE REQUEST, CERTIFICATE REQUEST, DER and Base64', () => {
    for (const input of [req.pem, toPem(req.der, 'CERTIFICATE REQUEST'), req.der, req.der.toString('base64')]) {
      const r = parseRequest(input);
      expect(r.subject).toBe(req.subject);
      expect(r.dnsNames).toEqual(req.dnsNames);
      expect(r.signatureValid).toBe(true);
    }
  });

  it('reports a signature that does not verify', () => {
    const der = Buffer.from(req.der);
    der[der.indexOf('Redmond')]! ^= 0x20; // 'redmond': same structure, different bytes
    expect(parseRequest(der).signatureValid).toBe(false);
  });

  it('has no SANs when none are asked for, and reports the key size', () => {
    const r = createRequest({ subject: 'CN=EXCH01', privateKeyPem: RSA1024 });
    expect(r.dnsNames).toEqual([]);
    expect(r.publicKeySize).toBe(1024);
    expect(parseRequest(r.pem).signatureValid).toBe(true);
  });

  it('throws PkiFormatError for other data', () => {
    expect(() => parseRequest(RSA1)).toThrow('No certificate request was found in the data.');
    expect(() => parseRequest(Buffer.from('3003020100', 'hex'))).toThrow(PkiFormatError);
  });
});
