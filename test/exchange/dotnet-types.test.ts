// Exchange objects carry the .NET types EMS gives them (issue 11, bullet 4): Services is the
// AllowedServices flags enum, Status and RootCAType enums, CertificateDomains
// SmtpDomainWithSubdomains, the certificate an X509Certificate2 with its members, and every
// identity an ADObjectId that goes back into -Identity / -Server / -Site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';
import { enumValue } from '../../src/protocol/convert.js';
import { binaryOperation } from '../../src/protocol/operators.js';
import { EnumValue } from '../../src/protocol/values.js';
import { ADObjectId, canonicalName, dnOfCanonical } from '../../src/exchange/ad-object-id.js';
import { memberTypeName } from '../../src/protocol/members.js';
import '../../src/exchange/services.js';

let s: Captured;
beforeAll(async () => {
  s = await capturedSession();
});
afterAll(() => s.close());

const out = async (script: string) => (await s.run(script)).out;
const lines = async (script: string) => (await out(script)).split('\n').filter((l) => l !== '');
const CERT = '$c = Get-ExchangeCertificate | Where-Object { $_.Subject -eq "CN=Ex2007EE" } | Select-Object -First 1; ';
const SERVICES = 'Microsoft.Exchange.Data.Directory.SystemConfiguration.AllowedServices';

describe('enum values (EnumValue)', () => {
  it('keep the number, the type and the flags text', () => {
    const v = enumValue(SERVICES, 'SMTP, IIS, IMAP');
    expect(v).toBeInstanceOf(EnumValue);
    expect([v.value, v.text, v.typeName]).toEqual([25, 'IMAP, IIS, SMTP', SERVICES]);
    expect(enumValue(SERVICES, 0).text).toBe('None');
    expect(enumValue(SERVICES, 31).text).toBe('IMAP, POP, UM, IIS, SMTP');
    expect(() => enumValue(SERVICES, 'FTP')).toThrow(/Unable to match the identifier name FTP/);
  });
  it('-band and -bor keep the enum type; -eq converts the right operand to it', () => {
    const v = enumValue(SERVICES, 31);
    expect(String(binaryOperation('-band', v, 16))).toBe('SMTP');
    expect(String(binaryOperation('-band', v, 'IIS'))).toBe('IIS');
    expect(binaryOperation('-eq', v, 31)).toBe(true);
    expect(binaryOperation('-eq', enumValue(SERVICES, 'IIS'), 'iis')).toBe(true);
    expect(binaryOperation('-eq', v, 'FTP')).toBe(false);
  });
});

describe('the Services property: AllowedServices, a [Flags] enum', () => {
  it('[int] gives the bits, ToString and string contexts the names', async () => {
    expect(await lines(CERT + '[int]$c.Services; "$($c.Services)"; $c.Services.ToString(); $c.Services.GetType().FullName; $c.Services.value__')).toEqual([
      '31',
      'IMAP, POP, UM, IIS, SMTP',
      'IMAP, POP, UM, IIS, SMTP',
      SERVICES,
      '31',
    ]);
  });
  it('-band, -match, -like and HasFlag as admins script them', async () => {
    expect(await lines(CERT + '$c.Services -band 16; [bool]($c.Services -band 16); $c.Services -match "SMTP"; $c.Services -like "*IIS*"; $c.Services.HasFlag([' + SERVICES + ']::UM); $c.Services.HasFlag("SMTP")')).toEqual([
      'SMTP',
      'True',
      'True',
      'True',
      'True',
      'True',
    ]);
    // A request has no services: None, which is false.
    expect(await lines('$none = [' + SERVICES + ']"None"; if ($none) { "yes" } else { "no" }; $two = [' + SERVICES + ']"IIS, SMTP"; [int]$two; $two.GetType().Name')).toEqual(['no', '24', 'AllowedServices']);
  });
  it('goes back into -Services, and Get-Member shows System.Enum\'s members', async () => {
    const gm = await out(CERT + '$c.Services | Get-Member');
    expect(gm).toContain(`TypeName: ${SERVICES}`);
    expect(gm).toMatch(/HasFlag\s+Method\s+bool HasFlag\(System.Enum flag\)/);
    expect(gm).toMatch(/value__\s+Property\s+int value__ \{get;set;\}/);
    expect(await out(CERT + '$n = New-ExchangeCertificate -SubjectName "cn=types.proexchange.global" -DomainName types.proexchange.global -Services $c.Services -Force; [int]$n.Services')).toBe('31\n');
  });
  it('ConvertTo-Json writes the number', async () => {
    expect(await out(CERT + '($c | Select-Object Services, Status | ConvertTo-Json -Compress) -eq (\'{"Services":\' + [int]$c.Services + \',"Status":1}\')')).toBe('True\n');
  });
});

describe('Status and RootCAType', () => {
  it('are enums that compare with their names', async () => {
    expect(await lines(CERT + '$c.Status; $c.Status -eq "Valid"; $c.Status.GetType().Name; [int]$c.Status; $c.RootCAType; $c.RootCAType.GetType().FullName')).toEqual([
      'Valid',
      'True',
      'CertificateStatus',
      '1',
      'None',
      'Microsoft.Exchange.Security.Cryptography.X509Certificates.CertificateAuthorityType',
    ]);
    expect(await lines('Get-ExchangeCertificate | Where-Object { $_.Status -ne "Valid" } | Measure-Object | ForEach-Object Count')).toEqual(['0']);
  });
});

describe('ServerRole and AcceptedDomainType', () => {
  const ROLE = 'Microsoft.Exchange.Data.Directory.SystemConfiguration.ServerRole';
  it('ServerRole is the [Flags] enum of the directory\'s role bits', async () => {
    expect(await lines('$r = (Get-ExchangeServer Ex2007EE).ServerRole; [int]$r; "$r"; $r.GetType().FullName; $r -band 32; [bool]($r -band [' + ROLE + ']::Edge)')).toEqual([
      '54',
      'Mailbox, ClientAccess, UnifiedMessaging, HubTransport',
      ROLE,
      'HubTransport',
      'False',
    ]);
    expect(await lines('Get-ExchangeServer | ? { $_.ServerRole -band [' + ROLE + ']::Edge } | % Name; [int](Get-ExchangeServer EDGE01).ServerRole')).toEqual(['EDGE01', '64']);
  });
  it('DomainType is AcceptedDomainType', async () => {
    expect(await lines('$t = (Get-AcceptedDomain)[0].DomainType; [int]$t; $t -eq "Authoritative"; $t.GetType().Name')).toEqual(['0', 'True', 'AcceptedDomainType']);
  });
});

describe('CertificateDomains: SmtpDomainWithSubdomains', () => {
  it('have Address, Domain, IncludeSubDomains and print as the domain', async () => {
    expect(await lines(CERT + '$c.CertificateDomains | ForEach-Object { $_.Address }; $c.CertificateDomains[0].GetType().FullName; $c.CertificateDomains -join ","')).toEqual([
      'Ex2007EE',
      'Ex2007EE.proexchange.local',
      'Microsoft.Exchange.Data.SmtpDomainWithSubdomains',
      'Ex2007EE,Ex2007EE.proexchange.local',
    ]);
    const wild = await lines('$w = New-ExchangeCertificate -SubjectName "cn=wild.proexchange.global" -DomainName "*.proexchange.global" -Services None -Force; $d = $w.CertificateDomains | Where-Object { $_.IncludeSubDomains }; $d.Address; $d.Domain; $d.SmtpDomain.Domain; "$d"');
    expect(wild).toEqual(['*.proexchange.global', 'proexchange.global', 'proexchange.global', '*.proexchange.global']);
  });
});

describe('the certificate is an X509Certificate2', () => {
  it('has the X.509 objects: X500DistinguishedName, Oid, PublicKey, extensions', async () => {
    expect(await lines(CERT + '$c.SubjectName.Name; $c.IssuerName.Name; $c.SubjectName.GetType().FullName; "$($c.SubjectName)"; $c.SignatureAlgorithm.FriendlyName; $c.SignatureAlgorithm.Value; $c.PublicKey.Key.KeySize; $c.PublicKey.Oid.FriendlyName')).toEqual([
      'CN=Ex2007EE',
      'CN=Ex2007EE',
      'System.Security.Cryptography.X509Certificates.X500DistinguishedName',
      'System.Security.Cryptography.X509Certificates.X500DistinguishedName',
      'sha256RSA',
      '1.2.840.113549.1.1.11',
      '2048',
      'RSA',
    ]);
    expect(await lines(CERT + '$c.Extensions | ForEach-Object { $_.Oid.FriendlyName }')).toContain('Subject Alternative Name');
    expect(await out(CERT + '$c.SubjectName.RawData[0]')).toBe('48\n');
  });
  it('Format($true) lists the name\'s parts in encoded order, one a line', async () => {
    const f = await out('$x = New-ExchangeCertificate -SubjectName "c=US, o=ProExchange, cn=fmt.proexchange.global" -DomainName fmt.proexchange.global -Services None -Force; $x.SubjectName.Name -eq $x.Subject; $x.SubjectName.Format($true).Replace("`r`n", "|"); $x.SubjectName.Format($false)');
    const parts = ['C=US', 'O=ProExchange', 'CN=fmt.proexchange.global'];
    const name = (await out('$x.Subject')).trim().split(', ');
    expect(name.slice().sort()).toEqual(parts.slice().sort());
    const encoded = name.slice().reverse();
    expect(f).toBe(`True\n${encoded.map((p) => `${p}|`).join('')}\n${encoded.join(', ')}\n`);
  });
  it('has X509Certificate2\'s methods and type names', async () => {
    expect(await lines(CERT + '$c.GetCertHashString() -eq $c.Thumbprint; $c.GetSerialNumberString() -eq $c.SerialNumber; $c.GetFormat(); $c.GetKeyAlgorithm(); $c.GetRawCertData().Length -eq $c.RawData.Length; $c -is [System.Security.Cryptography.X509Certificates.X509Certificate2]; $c.GetExpirationDateString() -eq $c.NotAfter.ToString()')).toEqual([
      'True', 'True', 'X509', '1.2.840.113549.1.1.1', 'True', 'True', 'True',
    ]);
    // GetSerialNumber() is little-endian: its first byte is the serial's last.
    expect(await lines(CERT + '("{0:X2}" -f $c.GetSerialNumber()[0]) -eq $c.SerialNumber.Substring($c.SerialNumber.Length - 2)')).toEqual(['True']);
    expect(await lines(CERT + '$c.pstypenames')).toEqual([
      'Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate',
      'System.Security.Cryptography.X509Certificates.X509Certificate2',
      'System.Security.Cryptography.X509Certificates.X509Certificate',
      'System.Object',
    ]);
  });
  it('Get-Member lists the methods and writes type keywords as PowerShell does', async () => {
    const gm = await out(CERT + '$c | Get-Member');
    expect(gm).toMatch(/GetCertHashString\s+Method\s+string GetCertHashString\(\)/);
    expect(gm).toMatch(/HasPrivateKey\s+Property\s+bool HasPrivateKey \{get;\}/);
    expect(gm).toMatch(/DnsNameList\s+ScriptProperty/);
    expect(memberTypeName('System.Nullable`1[[System.DateTime]]')).toBe('System.Nullable[datetime]');
    expect(memberTypeName('Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String]]')).toBe('Microsoft.Exchange.Data.MultiValuedProperty[string]');
    expect(memberTypeName('System.Byte[]')).toBe('byte[]');
  });
  it('Format-List * lists the type data, Exchange\'s, then X509Certificate2\'s properties', async () => {
    const names = (await lines(CERT + '$c | Format-List *')).filter((l) => /^\S/.test(l)).map((l) => l.split(/\s+:/)[0]);
    expect(names).toEqual([
      'EnhancedKeyUsageList', 'DnsNameList', 'SendAsTrustedIssuer', 'EnrollmentPolicyEndPoint', 'EnrollmentServerEndPoint', 'PolicyId',
      'AccessRules', 'CertificateDomains', 'CertificateRequest', 'IsSelfSigned', 'RootCAType', 'Services', 'Status', 'SubjectKeyIdentifier',
      'PrivateKeyExportable', 'PublicKeySize', 'Identity', 'ServicesStringForm',
      'Archived', 'Extensions', 'FriendlyName', 'IssuerName', 'NotAfter', 'NotBefore', 'HasPrivateKey', 'PrivateKey', 'PublicKey',
      'RawData', 'SerialNumber', 'SubjectName', 'SignatureAlgorithm', 'Thumbprint', 'Version', 'Handle', 'Issuer', 'Subject',
    ]);
  });
});

describe('identities are ADObjectIds', () => {
  it('convert between DN and canonical name', () => {
    const dn = 'CN=Site-A,CN=Sites,CN=Configuration,DC=proexchange,DC=local';
    expect(canonicalName(dn)).toBe('proexchange.local/Configuration/Sites/Site-A');
    expect(dnOfCanonical('proexchange.local/Configuration/Sites/Site-A')).toBe(dn);
    const id = ADObjectId.ofDn(dn);
    expect([id.name, String(id), String(id.get('Parent')), String(id.get('DomainId'))]).toEqual(['Site-A', 'proexchange.local/Configuration/Sites/Site-A', 'proexchange.local/Configuration/Sites', 'proexchange.local']);
  });
  it('a server\'s Site and Identity, a virtual directory\'s Server, a connector\'s SourceTransportServers', async () => {
    expect(await lines('$s = Get-ExchangeServer Ex2007EE; $s.Site.Name; $s.Site.DistinguishedName; $s.Site.GetType().FullName; "$($s.Site)"; $s.Identity.Name; $s.Identity.ObjectGuid -eq $s.Guid')).toEqual([
      'Site-A',
      'CN=Site-A,CN=Sites,CN=Configuration,DC=proexchange,DC=local',
      'Microsoft.Exchange.Data.Directory.ADObjectId',
      'proexchange.local/Configuration/Sites/Site-A',
      'Ex2007EE',
      'True',
    ]);
    expect(await lines('$v = Get-OwaVirtualDirectory -Server Ex2007EE; $v.Server.Name; $v.Server.DistinguishedName -eq (Get-ExchangeServer Ex2007EE).DistinguishedName')).toEqual(['Ex2007EE', 'True']);
    expect(await lines('(Get-SendConnector Internet).SourceTransportServers | ForEach-Object { $_.GetType().Name + " " + $_.Name }')).toEqual(['ADObjectId Ex2007EE']);
    expect(await out('Get-ExchangeServer Ex2007EE | Format-List Site')).toContain('Site : proexchange.local/Configuration/Sites/Site-A');
  });
  it('a mailbox\'s Database sits in its storage group on its server; an accepted domain\'s DomainName is an SmtpDomainWithSubdomains', async () => {
    expect(await lines('$m = Get-Mailbox Administrator; "$($m.Database)"; $m.Database.Parent.Parent.Parent.Name; $m.Database.Rdn; (Get-Mailbox -Database $m.Database | Measure-Object).Count -gt 0')).toEqual([
      'Ex2007EE\\First Storage Group\\Mailbox Database',
      'Ex2007EE',
      'CN=Mailbox Database',
      'True',
    ]);
    expect(await lines('$d = (Get-AcceptedDomain)[0].DomainName; $d.GetType().Name; $d.Domain; $d.IncludeSubDomains')).toEqual(['SmtpDomainWithSubdomains', 'proexchange.global', 'False']);
  });
  it('go back into -Identity, -Server and -SourceTransportServers', async () => {
    expect(await lines('(Get-ExchangeServer -Identity (Get-OwaVirtualDirectory -Server Ex2007EE).Server).Name; (Get-ExchangeServer (Get-ExchangeServer Ex2007SE).Identity).Name')).toEqual(['Ex2007EE', 'Ex2007SE']);
    expect(await lines('(Get-OwaVirtualDirectory -Server (Get-ExchangeServer Ex2007EE)).Server.Name; (Get-ReceiveConnector -Identity (Get-ReceiveConnector "Ex2007EE\\Default Ex2007EE").Identity).Name')).toEqual(['Ex2007EE', 'Default Ex2007EE']);
    await s.run('$x = Get-SendConnector Internet; New-SendConnector -Name Types -AddressSpaces types.example -SourceTransportServers Ex2007SE | Out-Null');
    await s.run('Get-SendConnector Types | Set-SendConnector -SourceTransportServers $x.SourceTransportServers');
    expect(await lines('(Get-SendConnector Types).SourceTransportServers.Name')).toEqual(['Ex2007EE']);
  });
  it('a site goes into New-EdgeSubscription -Site as the server\'s Site prints or as the object', async () => {
    await s.run('Enter-LabServer EDGE01; New-EdgeSubscription -FileName c:\\edge.xml -Force; Enter-LabServer Ex2007EE');
    const r = await out('New-EdgeSubscription -FileName \\\\EDGE01\\c$\\edge.xml -Site (Get-ExchangeServer Ex2007EE).Site');
    expect(r).not.toContain('was not found');
    expect(await lines('(Get-EdgeSubscription EDGE01).Site.Name')).toEqual(['Site-A']);
  });
});

describe('the DER reader behind the X.509 members (no node-forge)', () => {
  it('reads what forge reads', async () => {
    const { readCertificateDer } = await import('../../src/pki/der-facts.js');
    const { createSelfSigned, generateRsaKey } = await import('../../src/pki/index.js');
    const key = await generateRsaKey(1024);
    const c = createSelfSigned({ subject: 'CN=der.example, O=Lab', dnsNames: ['der.example'], privateKeyPem: key.privatePem, notBefore: new Date(2026, 0, 1), notAfter: new Date(2027, 0, 1) });
    const d = readCertificateDer(c.der);
    expect(d.version).toBe(c.version);
    expect(d.signatureOid).toBe(c.signatureAlgorithm.oid);
    expect(Buffer.from(d.subjectDer).equals(c.subjectDer)).toBe(true);
    expect(Buffer.from(d.issuerDer).equals(c.issuerDer)).toBe(true);
    expect(Buffer.from(d.spkiDer).equals(c.spki)).toBe(true);
    expect(d.extensions.map((e) => [e.oid, e.critical, Buffer.from(e.value).toString('hex')])).toEqual(c.extensions.map((e) => [e.oid, e.critical, e.value.toString('hex')]));
    expect(d.enhancedKeyUsage).toEqual(c.enhancedKeyUsage.map((u) => u.oid));
    expect(d.subjectKeyIdentifier).toBe(c.subjectKeyIdentifier);
    expect(() => readCertificateDer(Uint8Array.from([0x30, 0x05, 0x01]))).toThrow(/Malformed certificate/);
  });
});
