import { describe, expect, it } from 'vitest';
import { createSelfSigned, generateRsaKey, keyInfo, keyMatchesCertificate, normalizePrivateKeyPem, publicKeyFromPrivate } from '../../src/pki/index.js';
import { createPrivateKey } from 'node:crypto';
import { EC1, RSA1, T0, T1Y } from './fixture-keys.js';

describe('keys', () => {
  it('generates a 2048-bit key without blocking the event loop, usable for a certificate', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const key = await generateRsaKey(2048);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
    expect(key.privatePem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(key.publicPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(keyInfo(key.privatePem).size).toBe(2048);
    const cert = createSelfSigned({ subject: 'CN=EXCH01', dnsNames: ['EXCH01', 'EXCH01.contoso.local'], notBefore: T0, notAfter: T1Y, privateKeyPem: key.privatePem });
    expect(cert.publicKeyPem).toBe(key.publicPem);
    expect(keyMatchesCertificate(key.privatePem, cert)).toBe(true);
  });

  it('rejects impossible sizes', async () => {
    await expect(generateRsaKey(100)).rejects.toThrow('Unsupported RSA key size 100.');
    await expect(generateRsaKey(20000)).rejects.toThrow(RangeError);
  });

  it('describes keys and normalises PKCS#1 to PKCS#8', () => {
    expect(keyInfo(RSA1)).toMatchObject({ algorithm: 'RSA', size: 2048 });
    expect(keyInfo(EC1)).toMatchObject({ algorithm: 'EC', size: 256 });
    const pkcs1 = createPrivateKey(RSA1).export({ type: 'pkcs1', format: 'pem' }).toString();
    expect(pkcs1).toMatch(/^-----BEGIN RSA PRIVATE KEY-----/);
    expect(normalizePrivateKeyPem(pkcs1)).toBe(RSA1);
    expect(publicKeyFromPrivate(pkcs1)).toBe(keyInfo(RSA1).publicPem);
    expect(() => keyInfo('nonsense')).toThrow('The private key could not be read.');
  });
});
