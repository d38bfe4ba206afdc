// Send-LabMessage in a session: the report, and the SEND/RECV protocol logs on the servers' drives.
import { describe, expect, it } from 'vitest';
import { capturedSession } from '../helpers/run.js';

const NOW = new Date('2026-11-26T09:30:00Z');
const SEND_DIR = '\\\\Ex2007SE\\c$\\Program Files\\Microsoft\\Exchange Server\\TransportRoles\\Logs\\ProtocolLog\\SmtpSend';
const RECV_DIR = '\\\\Ex2007EE\\c$\\Program Files\\Microsoft\\Exchange Server\\TransportRoles\\Logs\\ProtocolLog\\SmtpReceive';
const FIELDS = 'date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context';

describe('Send-LabMessage', () => {
  it('reports the route as a table and the hops with the thumbprint each SMTP hop negotiated', async () => {
    const s = await capturedSession({ now: () => NOW });
    const ee = s.lab.org.server('Ex2007EE')!.state.internalTransportThumbprint!;
    const r = await s.run('Send-LabMessage -From carol@proexchange.global -To alice@proexchange.global');
    expect(r.out).toContain('Status    To                       Route\n------    --                       -----\nDelivered alice@proexchange.global Ex2007SE (Mailbox) > Ex2007SE =STARTTLS=> Ex2007EE > Ex2007EE (Mailbox)');
    const hops = await s.run('$r = Send-LabMessage -From carol@proexchange.global -To alice@proexchange.global; $r.Hops[1].CertificateThumbprint; $r.Hops[1].Validation; $r.Status');
    expect(hops.out.trim().split('\n')).toEqual([ee, 'SelfSigned', 'Delivered']);
    await s.close();
  });

  it('refuses an invalid address with an error and sends nothing', async () => {
    const s = await capturedSession({ now: () => NOW });
    const r = await s.run('Send-LabMessage -From carol -To alice@proexchange.global');
    expect(r.out).toContain(`"carol" isn't a valid SMTP address.`);
    await s.close();
  });

  it('writes no log while logging is None', async () => {
    const s = await capturedSession({ now: () => NOW });
    await s.run('$null = Send-LabMessage -From carol@proexchange.global -To alice@proexchange.global');
    expect((await s.run(`Test-Path '${SEND_DIR}\\SEND20261126-1.LOG'`)).out.trim()).toBe('False');
    await s.close();
  });

  it('with verbose logging writes SEND on the sending Hub and RECV on the receiving Hub, with the certificate lines', async () => {
    const s = await capturedSession({ now: () => NOW });
    const ee = s.lab.org.server('Ex2007EE')!.state.internalTransportThumbprint!;
    const setup = await s.run(
      "Set-TransportServer Ex2007SE -IntraOrgConnectorProtocolLoggingLevel Verbose; Set-ReceiveConnector 'Ex2007EE\\Default Ex2007EE' -ProtocolLoggingLevel Verbose; $null = Send-LabMessage -From carol@proexchange.global -To alice@proexchange.global -Subject 'Figure 4'",
    );
    expect(setup.ok).toBe(true);
    const head = await s.run(`Get-Content '${SEND_DIR}\\SEND20261126-1.LOG' | Select-Object -First 5`);
    expect(head.out.trim().split('\n')).toEqual([
      '#Software: Microsoft Exchange Server',
      '#Version: 8.1.240.6',
      '#Log-type: SMTP Send Protocol Log',
      '#Date: 2026-11-26T09:30:00.000Z',
      `#Fields: ${FIELDS}`,
    ]);
    const send = (await s.run(`Get-Content '${SEND_DIR}\\SEND20261126-1.LOG'`)).out;
    expect(send).toContain(',Intra-Organization SMTP Send Connector,');
    expect(send).toMatch(/,>,STARTTLS,\n/);
    expect(send).toMatch(/,<,220 2\.0\.0 SMTP server ready,\n/);
    expect(send).toMatch(/,\*,,Received certificate\n/);
    expect(send).toContain(`,*,${ee},Certificate thumbprint`);
    expect(send).toContain(',*,CN=Ex2007EE,Certificate subject');
    expect(send).toContain(',*,CN=Ex2007EE,Certificate issuer name');
    expect(send).toContain(',*,Ex2007EE;Ex2007EE.proexchange.local,Certificate alternate names');
    expect(send).toMatch(/,\*,[0-9A-F]+,Certificate serial number/);
    const recv = (await s.run(`Get-Content '${RECV_DIR}\\RECV20261126-1.LOG'`)).out;
    expect(recv).toContain('#Log-type: SMTP Receive Protocol Log');
    expect(recv).toContain(',Ex2007EE\\Default Ex2007EE,');
    expect(recv).toMatch(/,\*,,Sending certificate\n/);
    expect(recv).toContain(`,*,${ee},Certificate thumbprint`);
    expect(recv).toMatch(/,<,EHLO Ex2007SE\.proexchange\.local,\n/);
    // Read as objects, as the help says.
    const objs = await s.run(
      `Get-Content '${SEND_DIR}\\SEND20261126-1.LOG' | Select-Object -Skip 5 | ConvertFrom-Csv -Header ${FIELDS} | Where-Object { $_.context -eq 'Certificate thumbprint' } | Select-Object -First 1 -ExpandProperty data`,
    );
    expect(objs.out.trim()).toBe(ee);
    const events = await s.run(`(Get-Content '${SEND_DIR}\\SEND20261126-1.LOG' | Select-Object -Skip 5 | ConvertFrom-Csv -Header ${FIELDS} | ForEach-Object { $_.event } | Sort-Object -Unique) -join ' '`);
    expect(events.out.trim().split(' ').sort()).toEqual(['*', '-', '+', '<', '>'].sort());
    // A second message appends rows, not a second header.
    await s.run('$null = Send-LabMessage -From dave@proexchange.global -To bob@proexchange.global');
    const all = (await s.run(`Get-Content '${SEND_DIR}\\SEND20261126-1.LOG'`)).out;
    expect(all.match(/#Fields:/g)).toHaveLength(1);
    expect(all.match(/,\+,,\n/g)).toHaveLength(2);
    await s.close();
  });
});
