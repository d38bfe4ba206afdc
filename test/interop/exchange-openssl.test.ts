// The certificate cmdlets against the real `openssl` binary: OpenSSL reads the PFX files,
// requests and CA responses the cmdlets write on the lab drive, and the cmdlets import what
// OpenSSL makes (PFX files, certificates an OpenSSL CA signed for an emsh request).
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { machineDrive } from '../../src/store/lab-home.js';
import type { PSObject } from '../../src/protocol/values.js';
import { capturedSession, tempHome, type Captured } from '../helpers/run.js';
import { tempDir } from '../helpers/temp.js';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
const PASSWORD = 'P@ssw0rd';

/** Runs openssl; returns stdout+stderr, throws with both when it fails. */
function openssl(...args: string[]): string {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed:\n${r.stdout}${r.stderr}`);
  return r.stdout + r.stderr;
}

/** `SHA1 Fingerprint=AB:CD:...` as a Windows thumbprint. */
function fingerprint(certFile: string, ...inform: string[]): string {
  const out = openssl('x509', '-in', certFile, ...inform, '-noout', '-fingerprint', '-sha1');
  return out.split('=')[1]!.trim().replace(/:/g, '').toUpperCase();
}

describe.skipIf(!hasOpenssl)('Exchange certificate cmdlets and OpenSSL', () => {
  let c: Captured;
  let home: string;
  let work: string;
  /** Host path of a file on Ex2007EE's C: drive. */
  const onC = (name: string) => join(machineDrive(home, 'default', 'Ex2007EE'), name);
  const w = (name: string) => join(work, name);

  async function ev(script: string): Promise<PSObject[]> {
    const { output, errors } = await c.session.evaluate(script);
    expect(errors.map((e) => e.message), script).toEqual([]);
    return output as PSObject[];
  }
  const one = async (script: string) => {
    const out = await ev(script);
    expect(out, script).toHaveLength(1);
    return out[0]!;
  };

  beforeAll(async () => {
    home = tempHome();
    work = tempDir('emsh-exchange-interop-');
    // The lab clock is the real clock here: openssl verify checks dates against it.
    c = await capturedSession({ home });
    await ev(`$pw = ConvertTo-SecureString '${PASSWORD}' -AsPlainText -Force`);
  });
  afterAll(async () => {
    await c.close();
    rmSync(work, { recursive: true, force: true });
  });

  describe('OpenSSL reads what the cmdlets write', () => {
    it('Export-ExchangeCertificate: the PFX opens with the password, its certificate fingerprint is the thumbprint, the key matches', async () => {
      const cert = await one("New-ExchangeCertificate -SubjectName 'cn=webmail.proexchange.global' -DomainName webmail.proexchange.global, Ex2007EE -PrivateKeyExportable $true -Services None");
      const t = cert.get('Thumbprint') as string;
      await ev(`Export-ExchangeCertificate -Thumbprint ${t} -Path c:\\webmail.pfx -BinaryEncoded:$true -Password $pw`);
      const pem = openssl('pkcs12', '-in', onC('webmail.pfx'), '-passin', `pass:${PASSWORD}`, '-nodes');
      expect(pem).toContain('-----BEGIN CERTIFICATE-----');
      expect(pem).toContain('-----BEGIN PRIVATE KEY-----');
      writeFileSync(w('webmail.pem'), pem);
      expect(fingerprint(w('webmail.pem'))).toBe(t);
      const certModulus = openssl('x509', '-in', w('webmail.pem'), '-noout', '-modulus');
      const keyModulus = openssl('rsa', '-in', w('webmail.pem'), '-noout', '-modulus');
      expect(keyModulus).toBe(certModulus);
      expect(openssl('x509', '-in', w('webmail.pem'), '-noout', '-ext', 'subjectAltName')).toContain('DNS:webmail.proexchange.global, DNS:Ex2007EE');
      // A wrong password is refused by OpenSSL too.
      expect(spawnSync('openssl', ['pkcs12', '-in', onC('webmail.pfx'), '-passin', 'pass:wrong', '-nodes']).status).not.toBe(0);

      // Without -BinaryEncoded the same PFX comes as Base64 text.
      await ev(`Export-ExchangeCertificate -Thumbprint ${t} -Path c:\\webmail.b64 -Password $pw`);
      expect(readFileSync(onC('webmail.b64'), 'ascii')).toMatch(/^[A-Za-z0-9+/=\r\n]+$/);
      openssl('base64', '-d', '-in', onC('webmail.b64'), '-out', w('from-b64.pfx'));
      writeFileSync(w('from-b64.pem'), openssl('pkcs12', '-in', w('from-b64.pfx'), '-passin', `pass:${PASSWORD}`, '-nodes'));
      expect(fingerprint(w('from-b64.pem'))).toBe(t);
    }, 30_000);

    it('New-ExchangeCertificate -GenerateRequest -Path: openssl req -verify accepts it and shows the names', async () => {
      await ev("New-ExchangeCertificate -GenerateRequest -Path c:\\mail.req -SubjectName 'c=US, o=ProExchange, cn=mail.proexchange.global' -DomainName mail.proexchange.global, autodiscover.proexchange.global -PrivateKeyExportable $true");
      expect(openssl('req', '-in', onC('mail.req'), '-verify', '-noout')).toContain('verify OK');
      const text = openssl('req', '-in', onC('mail.req'), '-noout', '-text');
      expect(text).toContain('DNS:mail.proexchange.global, DNS:autodiscover.proexchange.global');
      const subject = text.split('\n').find((l) => l.trim().startsWith('Subject:'))!;
      for (const rdn of ['C = US', 'O = ProExchange', 'CN = mail.proexchange.global']) expect(subject).toContain(rdn);
      expect(text).toContain('Public-Key: (2048 bit)');
      // The binary form reads as DER.
      await ev("New-ExchangeCertificate -GenerateRequest -BinaryEncoded -Path c:\\bin.req -SubjectName 'cn=bin.proexchange.global' -DomainName bin.proexchange.global");
      expect(openssl('req', '-in', onC('bin.req'), '-inform', 'DER', '-verify', '-noout')).toContain('verify OK');
      // Export of a pending request gives the same PKCS#10 back.
      const pending = await one("Get-ExchangeCertificate | Where-Object { $_.Status -eq 'PendingRequest' -and $_.Subject -like '*bin.proexchange.global' }");
      await ev(`Export-ExchangeCertificate ${pending.get('Thumbprint')} -Path c:\\bin-again.req -BinaryEncoded`);
      expect(readFileSync(onC('bin-again.req')).equals(readFileSync(onC('bin.req')))).toBe(true);
    }, 30_000);

    it('Submit-LabCertificateRequest: the certificate verifies against the lab CA, also from the .p7b chain', async () => {
      await ev('Submit-LabCertificateRequest -Path c:\\mail.req -OutFile c:\\mail.cer | Out-Null');
      writeFileSync(w('ca.pem'), c.lab.org.state.ca.certPem);
      expect(openssl('verify', '-CAfile', w('ca.pem'), onC('mail.cer'))).toContain(': OK');
      expect(openssl('x509', '-in', onC('mail.cer'), '-noout', '-ext', 'subjectAltName')).toContain('DNS:mail.proexchange.global, DNS:autodiscover.proexchange.global');
      // Another CA does not verify it.
      openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', w('other.key'), '-out', w('other.pem'), '-subj', '/CN=Other CA', '-days', '2');
      expect(spawnSync('openssl', ['verify', '-CAfile', w('other.pem'), onC('mail.cer')]).status).not.toBe(0);

      await ev('Submit-LabCertificateRequest -Path c:\\bin.req -OutFile c:\\bin.p7b -IncludeChain | Out-Null');
      const chain = openssl('pkcs7', '-in', onC('bin.p7b'), '-inform', 'DER', '-print_certs');
      expect(chain).toMatch(/subject=.*CN\s?=\s?bin\.proexchange\.global/);
      expect(chain).toMatch(/subject=.*CN\s?=\s?ProExchange Root CA/);
      // And importing the chain completes the request, with the leaf's key.
      const done = await one('Import-ExchangeCertificate -Path c:\\bin.p7b');
      // RootCAType is the CertificateAuthorityType enum: its name is what EMS prints.
      expect([done.get('Subject'), done.get('HasPrivateKey'), String(done.get('RootCAType'))]).toEqual(['CN=bin.proexchange.global', true, 'Enterprise']);
    }, 30_000);
  });

  describe('the cmdlets import what OpenSSL writes', () => {
    beforeAll(() => {
      openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', w('ossl.key'), '-out', w('ossl.pem'), '-days', '30',
        '-subj', '/CN=ossl.proexchange.global', '-addext', 'subjectAltName=DNS:ossl.proexchange.global,DNS:legacy.proexchange.global');
    });

    it('a PFX from openssl pkcs12 -export (AES-256) imports with its key', async () => {
      openssl('pkcs12', '-export', '-inkey', w('ossl.key'), '-in', w('ossl.pem'), '-out', onC('ossl.pfx'), '-passout', `pass:${PASSWORD}`, '-name', 'From OpenSSL');
      const imported = await one('Import-ExchangeCertificate -Path c:\\ossl.pfx -Password $pw');
      expect(imported.get('Thumbprint')).toBe(fingerprint(w('ossl.pem')));
      expect(imported.get('HasPrivateKey')).toBe(true);
      expect(imported.get('FriendlyName')).toBe('From OpenSSL');
      expect(domainNames(imported)).toEqual(['ossl.proexchange.global', 'legacy.proexchange.global']);
      expect(imported.get('IsSelfSigned')).toBe(true);
      // Usable: it can be enabled, and exported again (with -PrivateKeyExportable on import).
      await ev(`Enable-ExchangeCertificate ${imported.get('Thumbprint')} -Services POP`);
      expect(String((await one(`Get-ExchangeCertificate ${imported.get('Thumbprint')}`)).get('Services'))).toBe('POP');
    });

    it('a 3DES PFX as old Windows writes it imports too', async () => {
      await ev(`Remove-ExchangeCertificate ${fingerprint(w('ossl.pem'))} -Confirm:$false`);
      openssl('pkcs12', '-export', '-inkey', w('ossl.key'), '-in', w('ossl.pem'), '-out', onC('ossl-3des.pfx'), '-passout', `pass:${PASSWORD}`,
        '-certpbe', 'PBE-SHA1-3DES', '-keypbe', 'PBE-SHA1-3DES', '-macalg', 'sha1');
      const imported = await one('Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes("c:\\ossl-3des.pfx")) -Password $pw -PrivateKeyExportable $true');
      expect([imported.get('Thumbprint'), imported.get('HasPrivateKey'), imported.get('PrivateKeyExportable')]).toEqual([fingerprint(w('ossl.pem')), true, true]);
      // Round trip: exported again by emsh, read again by OpenSSL.
      await ev(`Export-ExchangeCertificate ${imported.get('Thumbprint')} -Path c:\\ossl-again.pfx -BinaryEncoded -Password $pw`);
      writeFileSync(w('again.pem'), openssl('pkcs12', '-in', onC('ossl-again.pfx'), '-passin', `pass:${PASSWORD}`, '-nodes'));
      expect(fingerprint(w('again.pem'))).toBe(imported.get('Thumbprint'));
    });

    it('a certificate an OpenSSL CA signed for an emsh request completes the pending request', async () => {
      openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', w('ossl-ca.key'), '-out', w('ossl-ca.pem'), '-days', '30',
        '-subj', '/CN=OpenSSL Test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
      await ev("New-ExchangeCertificate -GenerateRequest -Path c:\\third.req -SubjectName 'cn=third.proexchange.global' -DomainName third.proexchange.global, autodiscover.proexchange.global");
      const third = "Get-ExchangeCertificate | Where-Object { $_.Status -eq 'PendingRequest' -and $_.Subject -eq 'CN=third.proexchange.global' }";
      expect(await ev(third)).toHaveLength(1);
      openssl('x509', '-req', '-in', onC('third.req'), '-CA', w('ossl-ca.pem'), '-CAkey', w('ossl-ca.key'), '-CAcreateserial',
        '-out', w('third.cer'), '-days', '30', '-copy_extensions', 'copy');
      copyFileSync(w('third.cer'), onC('third.cer'));

      const done = await one('Import-ExchangeCertificate -Path c:\\third.cer');
      expect(done.get('Thumbprint')).toBe(fingerprint(w('third.cer')));
      expect(done.get('HasPrivateKey')).toBe(true);
      expect(domainNames(done)).toEqual(['third.proexchange.global', 'autodiscover.proexchange.global']);
      expect(done.get('Issuer')).toBe('CN=OpenSSL Test CA');
      // Not the enterprise CA: the lab's servers do not trust it.
      expect(String(done.get('Status'))).toBe('Untrusted');
      expect(await ev(third)).toEqual([]);

      // The same certificate in DER imports as well once the request is done (it is a duplicate now).
      openssl('x509', '-in', w('third.cer'), '-outform', 'DER', '-out', onC('third.der'));
      const { errors } = await c.session.evaluate('Import-ExchangeCertificate -Path c:\\third.der');
      expect(errors.map((e) => e.message)).toEqual([`Cannot import certificate. A certificate with the thumbprint ${done.get('Thumbprint')} already exists.`]);
    });
  });
});

/** CertificateDomains (SmtpDomainWithSubdomains objects) as the names they print. */
function domainNames(cert: { get(name: string): unknown }): string[] {
  return (cert.get('CertificateDomains') as unknown[]).map(String);
}
