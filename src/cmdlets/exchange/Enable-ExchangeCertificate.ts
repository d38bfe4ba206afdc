// Enable-ExchangeCertificate: adds services to a certificate. Services accumulate; IIS belongs to
// one certificate (the Default Web Site binding moves); SMTP may replace the internal transport
// certificate after the overwrite question; UM needs a valid certificate.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { ALLOWED_SERVICES_ENUM, SERVICE_FLAGS, parseServices } from '../../exchange/services.js';
import {
  EXCHANGE_MODULE,
  EXCHANGE_NAMESPACE,
  domainControllerParameter,
  exchangeError,
  findOrReport,
  messages,
  org,
  shouldProcess,
  thumbprintParameter,
} from './common.js';
import { confirmSmtpOverwrite } from './smtp-overwrite.js';

export default defineCmdlet({
  name: 'Enable-ExchangeCertificate',
  module: EXCHANGE_MODULE,
  typeNamespace: EXCHANGE_NAMESPACE,
  synopsis: 'Enables a certificate for Exchange services (IIS, SMTP, POP, IMAP, UM).',
  description:
    'Enable-ExchangeCertificate assigns a certificate of the local server to services. Assignments add up: a certificate keeps the services it had. IIS can have only one certificate (the Default Web Site\'s HTTPS binding), so enabling another certificate for IIS moves the binding, and unless -DoNotRequireSSL is given you are asked whether to require SSL on the root web site. Enabling a certificate for SMTP on a server that already has an internal transport (default SMTP) certificate asks whether to overwrite it. -Force answers every question with Yes. A pending request, a certificate without its private key, an expired certificate, or a service the server\'s roles do not provide is refused.',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    Thumbprint: thumbprintParameter,
    Services: {
      type: 'Enum',
      enum: ALLOWED_SERVICES_ENUM,
      help: 'The services to enable: None, IMAP, POP, UM, IIS, SMTP (comma-separated, e.g. IIS,SMTP or "IIS, SMTP").',
      sets: { __AllParameterSets: { mandatory: true } },
    },
    DoNotRequireSSL: { type: 'Switch', help: 'With IIS: does not turn on "Require SSL" for the Default Web Site.' },
    Force: { type: 'Switch', help: 'Answers the confirmation questions with Yes (replaces the default SMTP certificate).' },
    DomainController: domainControllerParameter,
  },
  examples: [
    {
      setup: "$c = New-ExchangeCertificate -SubjectName 'cn=webmail.proexchange.global' -DomainName webmail.proexchange.global -Services None",
      code: 'Enable-ExchangeCertificate -Thumbprint $c.Thumbprint -Services IIS -DoNotRequireSSL',
      remarks: 'Binds the certificate to the Default Web Site (OWA, ActiveSync, Outlook Anywhere) without requiring SSL on the root site.',
    },
    {
      setup: "$c = New-ExchangeCertificate -SubjectName 'cn=mail.proexchange.global' -DomainName mail.proexchange.global -Services None",
      code: 'Enable-ExchangeCertificate $c.Thumbprint -Services "POP, IMAP, SMTP" -Force',
      remarks: 'Enables the certificate for POP3, IMAP4 and SMTP; -Force makes it the internal transport certificate without asking.',
    },
    {
      code: 'Get-ExchangeCertificate -DomainName Ex2007EE.proexchange.local | Enable-ExchangeCertificate -Services IIS -DoNotRequireSSL',
      remarks: 'The thumbprint binds from the piped certificate (by property name).',
    },
  ],
  async process(p, ctx) {
    const server = org(ctx).current;
    const thumbprint = String(p.Thumbprint).trim();
    const bits = parseServices(p.Services);
    const facts = findOrReport(ctx, server, thumbprint);
    if (!facts) return;
    const t = facts.thumbprint;
    const refuse = (reason: string) =>
      ctx.writeError(exchangeError(ctx, 'ErrorCertificateNotValid', messages.notValid(t, reason), 'InvalidOperation', t));
    if (facts.kind === 'request') return refuse('PendingRequest');
    if (bits & ~server.installedServices) {
      ctx.writeError(exchangeError(ctx, 'ErrorServiceNotInstalled', messages.serviceNotInstalled, 'InvalidOperation', t));
      return;
    }
    if (!facts.hasPrivateKey) return refuse('PrivateKeyMissing');
    const status = server.status(facts);
    if (status === 'DateInvalid') {
      if (bits & SERVICE_FLAGS.UM) {
        ctx.writeError(exchangeError(ctx, 'ErrorUmCertificateExpired', messages.umExpired(t), 'InvalidOperation', t));
        return;
      }
      return refuse('DateInvalid');
    }
    const record = server.record(t)!;
    const question = bits & SERVICE_FLAGS.UM ? messages.enableUmConfirm(t) : messages.enableConfirm(t);
    if (!(await shouldProcess(ctx, question))) return;

    let requireSsl: boolean | undefined;
    if (bits & SERVICE_FLAGS.IIS && !p.DoNotRequireSSL) {
      requireSsl = p.Force ? true : await ctx.shouldContinue(messages.requireSsl, 'Confirm');
      if (!requireSsl) requireSsl = undefined; // No: leave the site's setting as it is
    }
    const replaceTransport = bits & SERVICE_FLAGS.SMTP ? await confirmSmtpOverwrite(ctx, server, record, Boolean(p.Force)) : false;
    const before = server.state.internalTransportThumbprint;
    server.enable(record, bits, { replaceInternalTransport: replaceTransport, requireSsl });
    if (bits & SERVICE_FLAGS.UM) ctx.writeWarning(messages.umRestart(server.name));
    if (server.state.roles.includes('Edge') && before !== server.state.internalTransportThumbprint) ctx.writeWarning(messages.edgeResubscribe);
  },
});
