// Bad input to the issue-8 cmdlets: an unknown client or service, a URL for a host no server
// serves, a date before the lab's creation, a busy port, unreadable certificate files - each is
// a PowerShell-style error, and lab.json stays byte-identical.
import * as net from 'node:net';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labPaths } from '../../src/store/lab-home.js';
import { capturedSession, tempHome, type Captured, labFiles } from '../helpers/run.js';

const NOW = new Date(2026, 10, 26, 9, 30, 0);

describe('bad input to the client and endpoint cmdlets leaves lab.json untouched', () => {
  let c: Captured;
  let home: string;
  let state: string;
  let busy: net.Server;
  let busyPort: number;

  beforeAll(async () => {
    home = tempHome();
    c = await capturedSession({ home, now: () => NOW });
    state = labPaths(home, 'default').state;
    // Something else listens on a port.
    busy = net.createServer().listen(0, '127.0.0.1');
    await once(busy, 'listening');
    busyPort = (busy.address() as net.AddressInfo).port;
    await c.run("Set-Content C:\\not-a-cert.cer 'hello'");
  });
  afterAll(async () => {
    await c.close();
    busy.close();
  });

  async function refused(script: string, ...texts: string[]): Promise<string> {
    const before = labFiles(state);
    const { out } = await c.run(script);
    for (const t of texts) expect(out).toContain(t);
    expect(out).toMatch(/\+ FullyQualifiedErrorId/);
    expect(labFiles(state).equals(before), `lab.json changed after: ${script}`).toBe(true);
    return out;
  }

  it('an unknown client', async () => {
    await refused('Test-LabClient PC09 OWA', 'The lab client "PC09" was not found. Lab clients: PC01, HOME01, PHONE01, OCS01, GW01.', 'LabClientNotFound,Emsh.Lab.Commands.TestLabClientCommand');
    await refused('Enter-LabServer PC09', 'The machine "PC09" was not found in the lab.');
  });

  it('an unknown service, or one the client has no program for', async () => {
    await refused('Test-LabClient PC01 Gopher', "Cannot validate argument on parameter 'Service'.");
    await refused('Test-LabClient PHONE01 OutlookAnywhere', 'PHONE01 (Exchange ActiveSync (ActiveSync 4.5)) has no client for OutlookAnywhere.');
  });

  it('a URL for a host no server serves, or no URL at all', async () => {
    await refused('Test-LabClient PC01 OWA -Url https://www.example.com/owa', "The remote name could not be resolved: 'www.example.com'.", 'HostNotFound,Emsh.Lab.Commands.TestLabClientCommand');
    // An internal name from the Internet does not resolve either.
    await refused('Test-LabClient HOME01 OWA -Url https://Ex2007EE.proexchange.local/owa', "The remote name could not be resolved: 'ex2007ee.proexchange.local'.");
    await refused("Test-LabClient PC01 OWA -Url 'https://'", 'Invalid URI');
  });

  it('a date before the lab was created', async () => {
    await refused("Set-LabDate -Date '2026-01-01'", 'its clock never goes back before that');
  });

  it('a busy port, and -Port for several endpoints', async () => {
    await refused(`Start-LabEndpoint Ex2007EE -Service HTTPS -Port ${busyPort}`, `Only one usage of each socket address (protocol/network address/port) is normally permitted 127.0.0.1:${busyPort}`, 'AddressAlreadyInUse');
    await refused('Start-LabEndpoint -Port 40000', '-Port needs exactly one server and one service');
    // A running endpoint is not lost when moving it to a busy port fails.
    await c.run('Start-LabEndpoint Ex2007EE -Service POP3 | Out-Null');
    const before = (await c.run('(Get-LabEndpoint Ex2007EE -Service POP3).Port')).out.trim();
    await refused(`Start-LabEndpoint Ex2007EE -Service POP3 -Port ${busyPort}`, 'Only one usage of each socket address');
    expect((await c.run('(Get-LabEndpoint Ex2007EE -Service POP3).Port')).out.trim()).toBe(before);
    await c.run('Stop-LabEndpoint');
  });

  it('certificate files that are missing or not certificates, and stores the lab does not import into', async () => {
    await refused('Import-Certificate -FilePath C:\\missing.cer -CertStoreLocation Cert:\\LocalMachine\\Root', 'The system cannot find the file specified.');
    await refused('Import-Certificate -FilePath C:\\not-a-cert.cer -CertStoreLocation Cert:\\LocalMachine\\Root', 'CRYPT_E_ASN1_BADTAG');
    await refused('Import-Certificate -FilePath C:\\not-a-cert.cer -CertStoreLocation C:\\temp', "'C:\\temp' is not a certificate store.");
    await refused('Get-ChildItem Cert:\\LocalMachine\\Nowhere', "Cannot find path 'Cert:\\LocalMachine\\Nowhere' because it does not exist.");
  });

  it('Request-LabUserCertificate for someone who has no mailbox', async () => {
    await refused('Request-LabUserCertificate PHONE01 nobody@proexchange.global', "object 'nobody@proexchange.global' could not be found");
  });
});
