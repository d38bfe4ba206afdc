// X509Certificate2 from a file on the lab drive or from bytes, with .NET's members, Verify()
// against the lab machine's trusted roots at the lab clock, and the constructor's errors (issue 11).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let c: Captured;
beforeAll(async () => {
  c = await capturedSession();
  await c.run(
    '$ex = Get-ExchangeCertificate | Select-Object -First 1; [IO.File]::WriteAllBytes("C:\\ex.cer", $ex.RawData); ' +
      '$root = Get-ChildItem Cert:\\LocalMachine\\Root | Select-Object -First 1; [IO.File]::WriteAllBytes("C:\\root.cer", $root.RawData)',
  );
}, 60_000);
afterAll(async () => {
  await c.close();
});

describe('X509Certificate2', () => {
  it('::new($path) reads a .cer; its properties and methods are .NET\'s', async () => {
    const { out } = await c.run(
      '$x = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new("C:\\ex.cer"); ' +
        '$x.Thumbprint -eq $ex.Thumbprint; $x.Subject -eq $ex.Subject; $x.GetCertHashString() -eq $ex.Thumbprint; ' +
        '$x.GetSerialNumberString() -eq $x.SerialNumber; $x.NotAfter -eq $ex.NotAfter; $x.HasPrivateKey; $x.Version; ' +
        '$x.SignatureAlgorithm.FriendlyName; $x.SubjectName.Name -eq $x.Subject; $x.GetType().FullName; ' +
        '[bool]($x.Extensions | Where-Object { $_.Oid.FriendlyName -eq "Subject Alternative Name" }); ' +
        '$x.Export("Cert").Length -eq $ex.RawData.Length; $x.GetExpirationDateString() -eq $x.NotAfter.ToString()',
    );
    expect(out).toBe('True\nTrue\nTrue\nTrue\nTrue\nFalse\n3\nsha256RSA\nTrue\nSystem.Security.Cryptography.X509Certificates.X509Certificate2\nTrue\nTrue\nTrue\n');
  });

  it('New-Object with bytes; shown as the Thumbprint / Subject table', async () => {
    const { out } = await c.run('$y = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 (,[byte[]]$ex.RawData); $y.Thumbprint -eq $ex.Thumbprint; $y');
    expect(out).toMatch(/^True\n\nThumbprint {32}Subject\n-{10} {32}-{7}\n[0-9A-F]{40} {2}CN=/);
  });

  it('Verify(): a trusted root is valid until the lab clock passes its NotAfter; a self-signed server certificate is not trusted', async () => {
    expect((await c.run('([System.Security.Cryptography.X509Certificates.X509Certificate2]::new("C:\\root.cer")).Verify()')).out).toBe('True\n');
    expect((await c.run('([System.Security.Cryptography.X509Certificates.X509Certificate2]::new("C:\\ex.cer")).Verify()')).out).toBe(
      (await c.run('if ($ex.RootCAType -eq "Enterprise" -or $ex.RootCAType -eq "GroupPolicy") { "True" } else { "False" }')).out,
    );
  });

  it('a missing file and bad bytes are CryptographicExceptions; New-Object reports ConstructorInvokedThrowException', async () => {
    expect((await c.run('try { [System.Security.Cryptography.X509Certificates.X509Certificate2]::new("C:\\nope.cer") } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }')).out).toBe(
      'CryptographicException\nException calling ".ctor" with "1" argument(s): "The system cannot find the file specified.\n"\n',
    );
    expect((await c.run('try { New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 (,[byte[]](1,2,3)) } catch { $_.FullyQualifiedErrorId }')).out).toBe(
      'ConstructorInvokedThrowException,Microsoft.PowerShell.Commands.NewObjectCommand\n',
    );
  });
});

describe('X509Certificate2 from a .pfx', () => {
  it('opens with its password (HasPrivateKey); a wrong password is .NET\'s error', async () => {
    await c.run(
      "$n = New-ExchangeCertificate -SubjectName 'cn=webmail.proexchange.global' -DomainName webmail.proexchange.global -PrivateKeyExportable $true -Services None; " +
        "$pw = ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force; Export-ExchangeCertificate -Thumbprint $n.Thumbprint -Path C:\\webmail.pfx -BinaryEncoded:$true -Password $pw | Out-Null",
    );
    expect((await c.run('$p = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 C:\\webmail.pfx, $pw; $p.HasPrivateKey; $p.Thumbprint -eq $n.Thumbprint')).out).toBe('True\nTrue\n');
    expect((await c.run('$q = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new("C:\\webmail.pfx", "P@ssw0rd"); $q.Subject')).out).toBe('CN=webmail.proexchange.global\n');
    expect((await c.run('try { [System.Security.Cryptography.X509Certificates.X509Certificate2]::new("C:\\webmail.pfx", "wrong") } catch { $_.Exception.Message }')).out).toBe(
      'Exception calling ".ctor" with "2" argument(s): "The specified network password is not correct.\n"\n',
    );
  }, 60_000);
});

describe('X509Certificate2 and the lab clock', () => {
  it('Verify() is False once the lab clock is past the root\'s NotAfter', async () => {
    const later = await capturedSession();
    try {
      await later.run('$root = Get-ChildItem Cert:\\LocalMachine\\Root | Select-Object -First 1; [IO.File]::WriteAllBytes("C:\\root.cer", $root.RawData)');
      expect((await later.run('Set-LabDate -Add 40000.00:00:00 | Out-Null; ([System.Security.Cryptography.X509Certificates.X509Certificate2]::new("C:\\root.cer")).Verify()')).out).toBe('False\n');
    } finally {
      await later.close();
    }
  }, 60_000);
});
