// `emsh -Serve` against the real `openssl s_client` (issue 8): the endpoint presents the very
// certificate the shell says is enabled, a change of enabled certificate (made by another emsh on
// the same lab) shows on the next connection, the OAB answers plain HTTP while the other
// directories refuse it, SMTP offers STARTTLS with the transport's certificate, and Ctrl+C stops it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import * as http from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedSession, tempHome } from '../helpers/run.js';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
const root = join(__dirname, '..', '..');
const bin = join(root, 'dist', 'emsh.js');

/** The SHA-1 thumbprint of the certificate `openssl s_client` is shown at a port. */
function presented(port: number, extra: string[] = []): string {
  const r = spawnSync('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, '-servername', 'mail.proexchange.global', ...extra], { input: '', encoding: 'utf8', timeout: 10_000 });
  const pem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(r.stdout)?.[0];
  if (!pem) throw new Error(`no certificate from port ${port}:\n${r.stdout}${r.stderr}`);
  const fp = spawnSync('openssl', ['x509', '-noout', '-fingerprint', '-sha1'], { input: pem, encoding: 'utf8' });
  return fp.stdout.split('=')[1]!.trim().replace(/:/g, '').toUpperCase();
}

function httpStatus(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path, headers: { Host: 'mail.proexchange.global' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}

function emsh(home: string, command: string): string {
  const r = spawnSync(process.execPath, [bin, '-NoProfile', '-Command', command], { encoding: 'utf8', env: { ...process.env, EMSH_HOME: home }, timeout: 60_000 });
  return r.stdout + r.stderr;
}

describe.skipIf(!hasOpenssl)('emsh -Serve and openssl s_client', () => {
  const home = tempHome();
  let child: ChildProcess;
  let table = '';
  const port = (server: string, service: string) => Number(new RegExp(`^${server}\\s+${service}\\s+(\\d+)`, 'm').exec(table)?.[1]);

  beforeAll(async () => {
    // The lab exists before (made from fixture keys: no key generation in the test).
    const c = await capturedSession({ home });
    await c.close();
    child = spawn(process.execPath, [bin, '-Serve'], { env: { ...process.env, EMSH_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.setEncoding('utf8');
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no table from emsh -Serve:\n${table}`)), 30_000);
      child.stdout!.on('data', (d: string) => {
        table += d;
        if (/^EDGE01\s+SMTP\s+\d+/m.test(table)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`emsh -Serve exited (${code}):\n${table}`)));
    });
  }, 60_000);

  afterAll(async () => {
    if (child.exitCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  });

  it('prints Server, Service, Port, Thumbprint', () => {
    expect(table).toMatch(/^Server\s+Service\s+Port\s+Thumbprint$/m);
    for (const [s, k] of [['Ex2007EE', 'HTTPS'], ['Ex2007EE', 'POP3'], ['Ex2007EE', 'IMAP4'], ['Ex2007EE', 'SMTP'], ['Ex2007SE', 'HTTPS'], ['EDGE01', 'SMTP']]) {
      expect(port(s!, k!), `${s} ${k}`).toBeGreaterThan(0);
    }
  });

  it('presents the very certificate the shell says is enabled for IIS, and the next connection shows a new one', () => {
    const enabled = emsh(home, "(Get-ExchangeCertificate | Where-Object { $_.Services -match 'IIS' }).Thumbprint").trim();
    expect(enabled).toMatch(/^[0-9A-F]{40}$/);
    expect(presented(port('Ex2007EE', 'HTTPS'))).toBe(enabled);
    expect(table).toMatch(new RegExp(`^Ex2007EE\\s+HTTPS\\s+\\d+ ${enabled}$`, 'm'));
    const next = emsh(home, "(New-ExchangeCertificate -SubjectName 'cn=mail.proexchange.global' -DomainName mail.proexchange.global -Services IIS -Force).Thumbprint").trim();
    expect(next).toMatch(/^[0-9A-F]{40}$/);
    expect(presented(port('Ex2007EE', 'HTTPS'))).toBe(next);
    // POP3 and IMAP4 still choose theirs by X509CertificateName (the server FQDN): the setup certificate.
    expect(presented(port('Ex2007EE', 'POP3'))).toBe(enabled);
  }, 60_000);

  it('SMTP offers STARTTLS with the certificate transport selects', () => {
    const edge = emsh(home, 'Enter-LabServer EDGE01; (Get-ExchangeCertificate)[0].Thumbprint').trim();
    expect(presented(port('EDGE01', 'SMTP'), ['-starttls', 'smtp'])).toBe(edge);
  });

  it('answers plain HTTP for the OAB only while the site requires SSL', async () => {
    const p = port('Ex2007EE', 'HTTP');
    expect(await httpStatus(p, '/OAB/')).toBe(200);
    expect(await httpStatus(p, '/owa')).toBe(403);
    expect(await httpStatus(p, '/EWS/Exchange.asmx')).toBe(403);
  });

  it('stops on Ctrl+C', async () => {
    child.kill('SIGINT');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });
});
