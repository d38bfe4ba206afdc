// Send-LabMessage: sends a message through the lab organization, hop by hop, over real SMTP and
// real TLS on loopback, and reports what each hop negotiated; with verbose protocol logging the
// SEND/RECV logs appear on the servers' drives.

import { defineCmdlet } from '../../../protocol/cmdlet.js';
import { PSObject } from '../../../protocol/values.js';
import { deliverMessage, type DeliveryReport, type HopRecord } from '../../../exchange/transport/routing.js';
import { org } from '../common.js';
import { recordDelivery } from '../../../exchange/transport/queue.js';
import { writeLogBatches } from './logs.js';
import { DELIVERY_REPORT_TYPE, MESSAGE_HOP_TYPE } from './views.js';

const ADDRESS = /^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/;

function hopObject(h: HopRecord): PSObject {
  return PSObject.fromRecord(
    {
      Hop: h.hop,
      Source: h.source,
      Target: h.target,
      Protocol: h.kind,
      Tls: h.kind === 'StoreDriver' ? 'n/a' : h.tls,
      TlsProtocol: h.tlsProtocol ?? null,
      CertificateThumbprint: h.certificateThumbprint ?? null,
      CertificateSubject: h.certificateSubject ?? null,
      SelectedThumbprint: h.selectedThumbprint ?? null,
      Validation: h.validation ?? null,
      AuthenticatedAs: h.clientAuthenticatedAs ?? null,
      ClientCertificateThumbprint: h.clientCertificateThumbprint ?? null,
      DomainSecure: h.serverDomainSecure ?? h.clientDomainSecure ?? null,
      Response: h.response,
      Succeeded: h.ok,
      ElapsedMilliseconds: Math.round(h.elapsedMs * 10) / 10,
    },
    [MESSAGE_HOP_TYPE, 'System.Object'],
  );
}

/** `Ex2007SE =STARTTLS=> Ex2007EE > MBX01`: store-driver hops as `>`, SMTP hops with their TLS verb. */
export function routeText(r: DeliveryReport): string {
  if (!r.hops.length) return '';
  let text = r.hops[0]!.source;
  for (const h of r.hops) {
    const arrow = h.kind === 'StoreDriver' ? ' > ' : h.ok ? ` =${h.tls}=> ` : ` =${h.tls === 'None' ? 'X' : h.tls}=X `;
    text += `${arrow}${h.target}`;
  }
  return text;
}

function reportObject(r: DeliveryReport, logs: string[]): PSObject {
  return PSObject.fromRecord(
    {
      MessageId: r.messageId,
      From: r.from,
      To: r.to,
      Subject: r.subject,
      Status: r.status,
      DomainSecure: r.domainSecure,
      Route: routeText(r),
      // Get-Queue's identity (SERVER\<number>), which Retry-Queue accepts; null when the message waits outside the organization.
      Queue: r.queue ?? null,
      QueuedOn: r.queuedOn ?? null,
      LastError: r.lastError ?? null,
      Hops: r.hops.map(hopObject),
      ProtocolLogs: logs,
    },
    [DELIVERY_REPORT_TYPE, 'System.Object'],
  );
}

export default defineCmdlet({
  name: 'Send-LabMessage',
  module: 'emsh.Lab',
  typeNamespace: 'Emsh.Lab.Commands',
  synopsis: 'Sends a message through the lab organization over real SMTP and TLS, and reports each hop.',
  description:
    'Send-LabMessage routes a message as Exchange 2007 would: from a mailbox to the Hub Transport server of its site (store driver), between sites from Hub to Hub over SMTP, and to the recipient\'s mailbox server; mail from an Internet address enters through the Edge Transport server, which accepts it only for domains EdgeSync gave it. ' +
    'Every SMTP hop is a real SMTP conversation over loopback with a real TLS handshake: STARTTLS with the certificate Exchange selects for the Receive connector\'s FQDN (a valid CA-issued certificate before a self-signed one, then the newest), or X-ANONYMOUSTLS with the internal transport certificate between Hub and Edge (direct trust). TLS between Exchange servers is mandatory: if it cannot be negotiated, the message stays queued with Exchange\'s error. ' +
    'The result is a delivery report per recipient (Status Delivered, Queued or Failed; Route; Hops with the TLS verb and the thumbprint of the certificate each hop presented). ' +
    'With Set-TransportServer -IntraOrgConnectorProtocolLoggingLevel Verbose (Hub to Hub) or a connector\'s -ProtocolLoggingLevel Verbose, the SEND<yyyymmdd>-1.LOG and RECV<yyyymmdd>-1.LOG files appear under the server\'s SendProtocolLogPath / ReceiveProtocolLogPath, in Exchange\'s CSV format with five # header lines. Read them with Get-Content, or as objects with: Get-Content <file> | Select-Object -Skip 5 | ConvertFrom-Csv -Header date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context, or: Get-Content <file> | Select-Object -Skip 4 | ForEach-Object { $_ -replace \'^#Fields: \', \'\' } | ConvertFrom-Csv. (Import-Csv <file> directly does not work in Windows PowerShell 5.1: it ignores only a first line that starts with #, so the #Version line becomes the header; reading #Fields: came with PowerShell 6.) ' +
    'Domain Security: mail to or from a lab partner domain (fabrikam.lab, see Import-LabTrustedRoot) goes over mutual TLS when the partner is in Set-TransportConfig -TLSSendDomainSecureList / -TLSReceiveDomainSecureList and the Send connector (New-SendConnector) or the Receive connector has DomainSecureEnabled $true: each side presents its certificate and validates the other\'s (chain to a trusted root, the domain name on the certificate); the report then says DomainSecure True. If validation fails the message is not sent without it: it waits in the queue (Get-Queue) with the reason, until Retry-Queue after the fix. Every hop is recorded in the message tracking log (Get-MessageTrackingLog).',
  parameters: {
    From: { type: 'String', help: 'The sender\'s SMTP address: a mailbox of the organization, or an Internet address.', sets: { __AllParameterSets: { mandatory: true } } },
    To: { type: 'String[]', help: 'The recipients\' SMTP addresses (one report each).', sets: { __AllParameterSets: { mandatory: true } } },
    Subject: { type: 'String', help: 'The subject line.', default: 'Test message' },
    Body: { type: 'String', help: 'The message text.' },
  },
  outputType: [DELIVERY_REPORT_TYPE],
  examples: [
    {
      code: 'Send-LabMessage -From carol@proexchange.global -To alice@proexchange.global -Subject "Site B to Site A"',
      remarks: 'A message from a Site B mailbox (Ex2007SE) to a Site A mailbox (Ex2007EE): one SMTP hop between the Hub Transport servers, over STARTTLS.',
      shows: 'Ex2007SE =STARTTLS=> Ex2007EE',
    },
    {
      setup: 'Set-TransportServer Ex2007SE -IntraOrgConnectorProtocolLoggingLevel Verbose; $null = Send-LabMessage -From carol@proexchange.global -To alice@proexchange.global',
      code: "Get-ChildItem '\\\\Ex2007SE\\c$\\Program Files\\Microsoft\\Exchange Server\\TransportRoles\\Logs\\ProtocolLog\\SmtpSend' | ForEach-Object { Get-Content $_.FullName } | Where-Object { $_ -like '*Certificate thumbprint*' }",
      remarks: 'With verbose intra-organization logging on Ex2007SE, the Send protocol log shows the certificate Ex2007EE offered.',
      shows: 'Certificate thumbprint',
    },
    {
      setup: 'Set-TransportServer Ex2007SE -IntraOrgConnectorProtocolLoggingLevel Verbose; $null = Send-LabMessage -From carol@proexchange.global -To alice@proexchange.global',
      code:
        "$log = Get-ChildItem '\\\\Ex2007SE\\c$\\Program Files\\Microsoft\\Exchange Server\\TransportRoles\\Logs\\ProtocolLog\\SmtpSend' | Select-Object -First 1; Get-Content $log.FullName | Select-Object -Skip 5 | ConvertFrom-Csv -Header date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context | Where-Object { $_.context -like 'Certificate*' } | Select-Object data,context",
      remarks: 'Reads the log as objects: skip the five # header lines and name the fields.',
      shows: 'Certificate subject',
    },
    {
      code: '(Send-LabMessage -From carol@proexchange.global -To erin@proexchange.global).Hops | Format-Table',
      remarks: 'The hops of one message with the TLS verb and the thumbprint of the certificate each SMTP hop negotiated.',
      shows: 'STARTTLS',
    },
  ],
  async process(p, ctx) {
    const o = org(ctx);
    const from = String(p.From).trim();
    const recipients = ((p.To ?? []) as unknown[]).map((x) => String(x).trim());
    for (const addr of [from, ...recipients]) {
      if (!ADDRESS.test(addr)) {
        ctx.writeError(
          ctx.error({
            message: `"${addr}" isn't a valid SMTP address. The domain name can't contain spaces and it has to have a prefix and a suffix, such as example.com.`,
            errorId: 'InvalidSmtpAddress',
            category: 'InvalidArgument',
            exceptionType: 'ArgumentException',
            targetObject: addr,
          }),
        );
        return;
      }
    }
    const now = () => ctx.now();
    for (const to of recipients) {
      const started = ctx.now();
      const r = await deliverMessage(o, { from, to, subject: p.Subject ?? '', body: p.Body === undefined ? '' : String(p.Body) }, now);
      const files = writeLogBatches(ctx, r.logs, started);
      recordDelivery(o.state, { from, to, subject: p.Subject ?? '', body: p.Body === undefined ? '' : String(p.Body) }, r, ctx.now());
      o.touch();
      if (r.status === 'Queued') ctx.writeWarning(`The message to ${to} is queued on ${r.queuedOn ?? 'the sending server'}${r.queue ? ` (queue ${r.queue})` : ''}: ${r.lastError}`);
      if (r.status === 'Failed') ctx.writeWarning(`The message to ${to} could not be delivered; a non-delivery report goes back to ${from}: ${r.lastError}`);
      ctx.write(reportObject(r, files));
    }
  },
});
