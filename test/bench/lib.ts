// What `npm run bench` measures in process; bundled to dist/bench-lib.mjs by scripts/build.mjs.
import { Writable } from 'node:stream';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScript } from '../../grammar/index.js';
import { composeSession, openLab } from '../../src/compose.js';
import { benchPki } from './pki-bench.js';
import { benchStore } from './store-bench.js';

/** The UI's benchmarks alone (`node -e "import('./dist/bench-lib.mjs').then(l => l.uiBench())…"`). */
export const uiBench = () => import('./ui-bench.js');

export const extraBenches = [async () => (await import('./core-bench.js')).benchCore(), benchPki, benchStore, async () => (await import('./exchange-bench.js')).benchExchange(), async () => (await import('./ui-bench.js')).benchUi(), async () => (await import('./mailflow-bench.js')).benchMailflow(), async () => (await import('./clients-bench.js')).benchClients(), async () => (await import('./regex-bench.js')).benchRegex(), async () => (await import('./training-bench.js')).benchTraining()];
/** The training labs' benchmarks alone. */
export { benchTraining } from './training-bench.js';
import { PlainHost } from '../../src/host/plain-host.js';

export { parseScript };

/** A realistic admin script of about `bytes` bytes. */
export function generateScript(bytes: number): string {
  const chunks = [
    `# Renew the certificates that expire within 30 days\n`,
    `$cutoff = (Get-Date).AddDays(30)\n`,
    `$certs = Get-ExchangeCertificate | Where-Object { $_.NotAfter -lt $cutoff -and $_.Services -ne 'None' }\n`,
    `foreach ($c in $certs) {\n    Write-Host "Renewing $($c.Thumbprint) for $($c.Subject)" -ForegroundColor Yellow\n    $c | New-ExchangeCertificate -PrivateKeyExportable:$true -Force\n}\n`,
    `Enable-ExchangeCertificate -Thumbprint 5113ae0233a72fccb75b1d0198628675333d010e -Services IIS,SMTP -DoNotRequireSSL\n`,
    `Export-ExchangeCertificate -Thumbprint $thumb -Path c:\\certs\\webmail.pfx -BinaryEncoded:$true -Password (Get-Credential).password\n`,
    `$req = New-ExchangeCertificate -GenerateRequest -SubjectName "c=US, o=ProExchange, cn=webmail.proexchange.global" -DomainName webmail.proexchange.global, autodiscover.proexchange.global -PrivateKeyExportable $true\n`,
    `[System.IO.File]::WriteAllBytes('c:\\certs\\req.req', [System.Text.Encoding]::Unicode.GetBytes($req))\n`,
    `Get-ChildItem C:\\certs -Filter *.pfx | Sort-Object LastWriteTime -Descending | Select-Object -First 3 Name, Length | Format-Table -AutoSize\n`,
    `function Test-Expiry {\n    param([Parameter(Mandatory=$true)][datetime]$When, [int]$Days = 30)\n    if ($When -lt (Get-Date).AddDays($Days)) { return $true } else { return $false }\n}\n`,
    `$h = @{ Name = 'webmail'; Services = 'IIS, SMTP'; Count = 0x1F + 1kb }\n`,
    `try { Import-ExchangeCertificate -Path c:\\certs\\new.cer -ErrorAction Stop } catch { Write-Warning "Import failed: $_" }\n`,
    `$i = 0; while ($i -lt 10) { $i += 2; if ($i % 4 -eq 0) { continue } }\n`,
    `Get-ExchangeCertificate | fl Thumbprint, Services, @{n='Days';e={ ($_.NotAfter - (Get-Date)).Days }}\n`,
  ];
  let out = '';
  let n = 0;
  while (out.length < bytes) out += chunks[n++ % chunks.length];
  return out;
}

/** A session printing nowhere, on a throw-away lab. */
export async function quietSession() {
  const sink = new Writable({ write(_c, _e, cb) { cb(); } });
  const host = new PlainHost({ out: sink, interactive: false, color: false, width: 120 });
  const lab = await openLab({ home: mkdtempSync(join(tmpdir(), 'emsh-bench-')), lab: 'bench' });
  return composeSession({ host, lab });
}
