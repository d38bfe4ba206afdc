import { describe, expect, it } from 'vitest';
import { DnSyntaxError, encodeName, formatDn, parseDn } from '../../src/pki/index.js';
import forge from 'node-forge';

const oids = (text: string) => parseDn(text).map((rdn) => rdn.map((a) => a.oid).join('+'));

describe('Windows distinguished names', () => {
  it('lists RDNs in reverse of DER order', () => {
    // Text CN, OU, O, C → DER C, O, OU, CN
    expect(oids('CN=x, OU=y, O=z, C=US')).toEqual(['2.5.4.6', '2.5.4.10', '2.5.4.11', '2.5.4.3']);
    expect(formatDn(parseDn('CN=x, OU=y, O=z, C=US'))).toBe('CN=x, OU=y, O=z, C=US');
  });

  it('keeps the order the admin typed and upper-cases keys', () => {
    const rdns = parseDn('c=US, o=Contoso, cn=mail.contoso.com');
    expect(rdns.map((r) => r[0]!.value)).toEqual(['mail.contoso.com', 'Contoso', 'US']);
    expect(formatDn(rdns)).toBe('C=US, O=Contoso, CN=mail.contoso.com');
  });

  it('prints S for state, E for e-mail, DC, and OID.n for unknown attributes', () => {
    expect(formatDn(parseDn('cn=x, ST=WA, l=Redmond, emailAddress=a@b.c, dc=contoso, 1.2.3.4=v'))).toBe(
      'CN=x, S=WA, L=Redmond, E=a@b.c, DC=contoso, OID.1.2.3.4=v',
    );
  });

  it('accepts semicolons and quoted values, and quotes on output', () => {
    const rdns = parseDn('CN=web; O="Contoso, Ltd"; OU="He said ""hi"""');
    expect(rdns.map((r) => r[0]!.value)).toEqual(['He said "hi"', 'Contoso, Ltd', 'web']);
    expect(formatDn(rdns)).toBe('CN=web, O="Contoso, Ltd", OU="He said ""hi"""');
  });

  it('handles multi-valued RDNs with +', () => {
    const rdns = parseDn('CN=a + OU=b, O=c');
    expect(rdns).toHaveLength(2);
    expect(rdns[1]).toHaveLength(2);
    expect(formatDn(rdns)).toBe('CN=a + OU=b, O=c');
  });

  it('parses an empty string as an empty name', () => {
    expect(parseDn('  ')).toEqual([]);
    expect(formatDn([])).toBe('');
  });

  it.each(['CN', 'XX=1', 'CN=a,', 'CN=a, =b', 'CN="unterminated'])('rejects %j with the Windows message', (text) => {
    expect(() => parseDn(text)).toThrow(DnSyntaxError);
    expect(() => parseDn(text)).toThrow('The string contains an invalid X500 name attribute key, oid, value or delimiter.');
  });

  it('encodes PrintableString where possible, UTF8String otherwise, IA5String for E and DC', () => {
    const der = encodeName(parseDn('CN=*.contoso.com, O=Contoso, E=a@b.c, C=US'));
    type Node = forge.asn1.Asn1;
    const kids = (n: Node) => n.value as Node[];
    const tags = kids(forge.asn1.fromDer(der.toString('latin1'))).map((set) => kids(kids(set)[0]!)[1]!.type);
    // DER order: C, E, O, CN
    expect(tags).toEqual([0x13, 0x16, 0x13, 0x0c]);
  });
});
