import { describe, expect, it } from 'vitest';
import {
  buildChain,
  certificateDomains,
  createCaCertificate,
  createRequest,
  createSelfSigned,
  domainMatches,
  findIssuer,
  matchesHostname,
  signRequest,
} from '../../src/pki/index.js';
import { RSA1, RSA2, RSA3, T0, T1Y } from './fixture-keys.js';

describe('certificate domains', () => {
  it('lists the CN first, then SAN names, without duplicates', () => {
    const c = createSelfSigned({ subject: 'CN=EXCH01', dnsNames: ['exch01', 'EXCH01.contoso.local'], notBefore: T0, notAfter: T1Y, privateKeyPem: RSA1 });
    expect(certificateDomains(c)).toEqual(['EXCH01', 'EXCH01.contoso.local']);
  });

  it('matches wildcards on one label only', () => {
    expect(domainMatches('*.contoso.com', 'mail.contoso.com')).toBe(true);
    expect(domainMatches('*.contoso.com', 'MAIL.Contoso.com.')).toBe(true);
    expect(domainMatches('*.contoso.com', 'contoso.com')).toBe(false);
    expect(domainMatches('*.contoso.com', 'a.mail.contoso.com')).toBe(false);
    expect(domainMatches('mail.contoso.com', 'Mail.Contoso.Com')).toBe(true);
  });

  it('checks SANs when present, else the CN', () => {
    const withSan = createSelfSigned({ subject: 'CN=mail.contoso.com', dnsNames: ['webmail.contoso.com'], notBefore: T0, notAfter: T1Y, privateKeyPem: RSA1 });
    expect(matchesHostname(withSan, 'webmail.contoso.com')).toBe(true);
    expect(matchesHostname(withSan, 'mail.contoso.com')).toBe(false);
    const cnOnly = createSelfSigned({ subject: 'CN=*.contoso.com', notBefore: T0, notAfter: T1Y, privateKeyPem: RSA1 });
    expect(matchesHostname(cnOnly, 'owa.contoso.com')).toBe(true);
  });
});

describe('chains', () => {
  const root = createCaCertificate({ subject: 'CN=ProExchange Root CA', notBefore: T0, notAfter: T1Y, privateKeyPem: RSA2 });
  const leaf = signRequest(createRequest({ subject: 'CN=webmail.proexchange.global', privateKeyPem: RSA1 }), root, RSA2, { notBefore: T0, notAfter: T1Y });
  const stranger = createCaCertificate({ subject: 'CN=Other CA', notBefore: T0, notAfter: T1Y, privateKeyPem: RSA3 });

  it('finds the issuer among candidates', () => {
    expect(findIssuer(leaf, [stranger, root.pem])?.thumbprint).toBe(root.thumbprint);
    expect(findIssuer(leaf, [stranger])).toBeUndefined();
  });

  it('builds leaf → root, and says when the root is missing', () => {
    expect(buildChain(leaf, [stranger, root]).chain.map((c) => c.subject)).toEqual(['CN=webmail.proexchange.global', 'CN=ProExchange Root CA']);
    expect(buildChain(leaf, [stranger, root]).complete).toBe(true);
    expect(buildChain(leaf, [stranger])).toMatchObject({ complete: false });
    expect(buildChain(root, []).complete).toBe(true);
  });
});
