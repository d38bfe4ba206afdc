import { describe, expect, it } from 'vitest';
import { createBuiltinOrganization } from '../../src/exchange/seed.js';
import { Organization } from '../../src/exchange/organization.js';
import { parseServices, servicesLetters, servicesToString } from '../../src/exchange/services.js';
import { validateOrganization } from '../../src/exchange/validate.js';
import { parseCertificate } from '../../src/pki/index.js';
import { fixtureKeySource } from '../helpers/keys.js';

const NOW = new Date('2026-11-26T09:30:00Z');

async function org(now = NOW) {
  const state = await createBuiltinOrganization(NOW, fixtureKeySource());
  return new Organization(state, () => now);
}

describe('AllowedServices', () => {
  it('parses the forms admins type and prints the 2007 forms', () => {
    expect(parseServices('IIS, SMTP')).toBe(24);
    expect(parseServices(['pop', 'IMAP'])).toBe(3);
    expect(parseServices('None')).toBe(0);
    expect(servicesToString(1 | 2 | 8 | 16)).toBe('IMAP, POP, IIS, SMTP');
    expect(servicesToString(0)).toBe('None');
    expect(servicesLetters(1 | 2 | 8 | 16)).toBe('IP.WS');
    expect(servicesLetters(31)).toBe('IPUWS');
    expect(() => parseServices('FTP')).toThrow();
  });
});

describe('the built-in lab', () => {
  it('has the article\'s servers, roles and sites', async () => {
    const o = await org();
    expect(o.allServers().map((s) => [s.name, s.state.site ?? '', s.state.roles.join(',')])).toEqual([
      ['Ex2007EE', 'Site-A', 'Mailbox,ClientAccess,UnifiedMessaging,HubTransport'],
      ['Ex2007SE', 'Site-B', 'Mailbox,ClientAccess,HubTransport'],
      ['MBX01', 'Site-A', 'Mailbox'],
      ['EDGE01', '', 'Edge'],
    ]);
    expect(o.current.name).toBe('Ex2007EE');
    expect(validateOrganization(o.state)).toEqual([]);
  });

  it('gives each CAS/Hub/UM/Edge server the 2007 setup certificate, and the Mailbox-only server none', async () => {
    const o = await org();
    const ee = o.server('ex2007ee')!;
    const [f] = ee.list();
    expect(f!.subject).toBe('CN=Ex2007EE');
    expect(f!.domains).toEqual(['Ex2007EE', 'Ex2007EE.proexchange.local']);
    expect(f!.notAfter.getTime() - f!.notBefore.getTime()).toBe(365 * 24 * 3600 * 1000);
    expect(f!.exportable).toBe(false);
    const obj = ee.object(f!);
    expect(String(obj.get('Services'))).toBe('IMAP, POP, UM, IIS, SMTP');
    expect(obj.get('ServicesStringForm')).toBe('IPUWS');
    expect(String(obj.get('Status'))).toBe('Valid');
    expect(String(obj.get('RootCAType'))).toBe('None');
    expect(obj.get('IsSelfSigned')).toBe(true);
    expect(o.server('Ex2007SE')!.object(o.server('Ex2007SE')!.list()[0]!).get('ServicesStringForm')).toBe('IP.WS');
    expect(o.server('EDGE01')!.object(o.server('EDGE01')!.list()[0]!).get('ServicesStringForm')).toBe('....S');
    expect(o.server('MBX01')!.list()).toEqual([]);
    // A real certificate: the stored PEM parses to the same facts.
    const parsed = parseCertificate(ee.state.certificates[0]!.certPem);
    expect(parsed.thumbprint).toBe(f!.thumbprint);
    expect(parsed.dnsNames).toEqual(['Ex2007EE', 'Ex2007EE.proexchange.local']);
  });

  it('derives Status from the lab clock', async () => {
    const later = await org(new Date(NOW.getTime() + 400 * 24 * 3600 * 1000));
    const f = later.current.list()[0]!;
    expect(String(later.current.object(f).get('Status'))).toBe('DateInvalid');
  });

  it('IIS belongs to one certificate: enabling another moves the binding', async () => {
    const o = await org();
    const s = o.current;
    const setup = s.state.certificates[0]!;
    const other = { ...setup, thumbprint: 'AB'.repeat(20), services: 0, notBefore: new Date(NOW.getTime() - 1000).toISOString() };
    s.addCertificate(other);
    s.enable(other, 8, { replaceInternalTransport: false });
    expect(s.effectiveServices(other)).toBe(8);
    expect(s.effectiveServices(setup) & 8).toBe(0);
    expect(s.state.internalTransportThumbprint).toBe(setup.thumbprint);
    expect(o.dirty).toBe(true);
  });

  it('matches names best first: exact over wildcard, CA-issued over self-signed, newest', async () => {
    const o = await org();
    const s = o.current;
    const base = s.state.certificates[0]!;
    const mk = (t: string, domains: string[], selfSigned: boolean, notBefore: string) => ({ ...base, thumbprint: t, domains, selfSigned, notBefore });
    s.addCertificate(mk('A'.repeat(40), ['*.proexchange.global'], false, '2026-11-01T00:00:00Z'));
    s.addCertificate(mk('B'.repeat(40), ['webmail.proexchange.global'], true, '2026-11-20T00:00:00Z'));
    s.addCertificate(mk('C'.repeat(40), ['webmail.proexchange.global'], false, '2026-10-01T00:00:00Z'));
    s.addCertificate(mk('D'.repeat(40), ['webmail.proexchange.global'], false, '2026-11-10T00:00:00Z'));
    expect(s.matchDomain('WEBMAIL.proexchange.global').map((f) => f.thumbprint[0])).toEqual(['D', 'C', 'B', 'A']);
    expect(s.matchDomain('a.b.proexchange.global')).toEqual([]);
  });

  it('rejects a damaged organization', () => {
    expect(validateOrganization({ schema: 1 })[0]).toMatch(/ca/);
    expect(validateOrganization([])).toEqual(['organization must be an object']);
  });
});
