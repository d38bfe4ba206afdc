// New-ExchangeCertificate (2007 SP1): a self-signed certificate, or a PKCS#10 request kept in
// the REQUEST store until the CA's response is imported. Piping a certificate in renews it.

import { defineCmdlet, type CmdletContext, type BoundParameters, type ParameterDeclaration } from '../../protocol/cmdlet.js';
import { getMember } from '../../protocol/members.js';
import { PSObject } from '../../protocol/values.js';
import { PipelineStoppedError } from '../../protocol/errors.js';
import { loadPki, type Pki } from '../../pki/load.js';
import type { ExchangeServer } from '../../exchange/organization.js';
import { certRecord } from '../../exchange/organization.js';
import { ALLOWED_SERVICES_ENUM, SERVICE_FLAGS, parseServices, servicesToString } from '../../exchange/services.js';
import {
  EXCHANGE_MODULE,
  EXCHANGE_NAMESPACE,
  domainControllerParameter,
  driveFailureReason,
  exchangeError,
  messages,
  org,
  resolvePath,
  shouldProcess,
} from './common.js';
import { confirmSmtpOverwrite } from './smtp-overwrite.js';
import './views.js';

const VALID_KEY_SIZES = [1024, 2048, 4096];
const DOMAIN_RE = /^(\*\.)?[a-z0-9]([a-z0-9-]{0,62})?(\.[a-z0-9]([a-z0-9-]{0,62})?)*$/i;

interface Plan {
  subject: string;
  domains: string[];
  friendlyName: string;
  keySize: number;
  exportable: boolean;
  services: number;
}

function fail(ctx: CmdletContext, resource: string, message: string, category: 'InvalidArgument' | 'InvalidOperation' = 'InvalidArgument'): never {
  ctx.fail(exchangeError(ctx, resource, message, category, undefined, category === 'InvalidArgument' ? 'ArgumentException' : 'InvalidOperationException'));
}

function plan(p: Params, ctx: CmdletContext, server: ExchangeServer, { parseDn, formatDn, nameAttribute }: Pki): Plan {
  const o = org(ctx);
  const renewing = p.Instance !== undefined && p.Instance !== null;
  let old: ReturnType<ExchangeServer['find']>;
  if (renewing) {
    const t = String(getMember(p.Instance, 'Thumbprint') ?? '');
    old = server.find(t);
    if (!old) fail(ctx, 'ErrorCertificateNotFound', messages.notFound(t), 'InvalidOperation');
  }
  // Subject: as given, the renewed certificate's, or CN=<host name>.
  let subject: string;
  try {
    subject = p.SubjectName !== undefined ? formatDn(parseDn(String(p.SubjectName))) : old ? old.subject : `CN=${server.name}`;
  } catch {
    fail(ctx, 'ErrorInvalidSubjectName', `The subject name "${String(p.SubjectName)}" is not a valid X.500 distinguished name.`);
  }
  const cn = nameAttribute(parseDn(subject));

  const domains: string[] = [];
  const add = (d: string) => {
    if (!domains.some((x) => x.toLowerCase() === d.toLowerCase())) domains.push(d);
  };
  const given = (p.DomainName ?? []).filter((d): d is string => typeof d === 'string');
  given.flatMap((d) => d.split(',')).map((d) => d.trim()).filter(Boolean).forEach(add);
  if (p.IncludeAcceptedDomains) o.acceptedDomainNames().forEach(add);
  if (p.IncludeAutoDiscover) {
    if (server.state.roles.includes('ClientAccess')) {
      for (const d of o.acceptedDomainNames()) if (!d.toLowerCase().startsWith('autodiscover.')) add(`autodiscover.${d}`);
    } else ctx.writeWarning(messages.newAutodiscoverNotCas);
  }
  if (!given.length && !p.IncludeAcceptedDomains && !p.IncludeAutoDiscover) {
    if (old) old.domains.forEach(add);
    else if (p.SubjectName === undefined) [server.name, server.fqdn].forEach(add);
  }
  for (const d of domains) if (d.length > 255 || !DOMAIN_RE.test(d)) fail(ctx, 'ErrorInvalidDomainName', messages.newBadDomain(d));
  if (![cn, ...domains].some((d) => d !== undefined && d.includes('.'))) fail(ctx, 'ErrorNoFqdn', messages.newNoFqdn);

  const keySize = p.KeySize !== undefined ? Number(p.KeySize) : old ? old.publicKeySize : 2048;
  if (!VALID_KEY_SIZES.includes(keySize)) fail(ctx, 'ErrorInvalidKeySize', messages.newBadKeySize(keySize));
  const friendlyName = p.FriendlyName !== undefined ? String(p.FriendlyName) : old ? old.friendlyName : 'Microsoft Exchange';
  if (friendlyName.length > 63) fail(ctx, 'ErrorFriendlyNameTooLong', messages.newFriendlyNameTooLong);
  const exportable = p.PrivateKeyExportable !== undefined ? Boolean(p.PrivateKeyExportable) : false;

  // Services: as given; on renewal the old certificate's; else 2010's documented default (IMAP, POP, SMTP)
  // limited to what this server's roles provide.
  let services: number;
  if (p.Services !== undefined) {
    services = parseServices(p.Services);
    if (services & ~server.installedServices) fail(ctx, 'ErrorServiceNotInstalled', messages.serviceNotInstalled, 'InvalidOperation');
  } else if (old) {
    const oldRecord = server.record(old.thumbprint);
    services = oldRecord ? server.effectiveServices(oldRecord) : 0;
  } else {
    services = (SERVICE_FLAGS.IMAP | SERVICE_FLAGS.POP | SERVICE_FLAGS.SMTP) & server.installedServices;
  }
  return { subject, domains, friendlyName, keySize, exportable, services };
}

const PARAMETERS = {
  GenerateRequest: { type: 'Switch', help: 'Creates a certificate request instead of a self-signed certificate.', sets: { Request: { mandatory: true } } },
  Path: { type: 'String', complete: 'path', help: 'The file the request is written to (e.g. c:\\certrequest.req).', sets: { Request: {} } },
  BinaryEncoded: { type: 'Switch', help: 'Writes the request DER-encoded instead of Base64.', sets: { Request: {} } },
  SubjectName: { type: 'String', help: 'The X.500 subject, e.g. "c=US, o=ProExchange, cn=webmail.proexchange.global". Default: CN=<server name>.' },
  DomainName: { type: 'String[]', help: 'The DNS names for the subject alternative name extension, comma-separated.' },
  FriendlyName: { type: 'String', help: 'The friendly name (shorter than 64 characters). Default: Microsoft Exchange.' },
  IncludeAcceptedDomains: { type: 'Switch', help: 'Adds every accepted domain to the names.' },
  IncludeAutoDiscover: { type: 'Switch', help: 'Adds autodiscover.<domain> for each accepted domain (Client Access servers only).' },
  KeySize: { type: 'Int32', help: 'The RSA key size: 1024, 2048 or 4096. Default 2048.', defaultText: '2048' },
  PrivateKeyExportable: { type: 'Boolean', help: 'Whether the private key can be exported later ($true or $false). Default $false.', defaultText: 'False' },
  Services: {
    type: 'Enum',
    enum: ALLOWED_SERVICES_ENUM,
    help: 'The services to enable the self-signed certificate for: None, IMAP, POP, UM, IIS, SMTP.',
    sets: { SelfSigned: {} },
  },
  Force: { type: 'Switch', help: 'Replaces the default SMTP certificate without asking, and overwrites an existing request file.' },
  Instance: { type: 'Object', help: 'A certificate to renew (piped from Get-ExchangeCertificate).', sets: { __AllParameterSets: { fromPipeline: true } } },
  DomainController: domainControllerParameter,
} satisfies Record<string, ParameterDeclaration>;

/** The parameters as the cmdlet's blocks and helpers receive them. */
type Params = BoundParameters<typeof PARAMETERS>;

export default defineCmdlet({
  name: 'New-ExchangeCertificate',
  module: EXCHANGE_MODULE,
  typeNamespace: EXCHANGE_NAMESPACE,
  synopsis: 'Creates a self-signed certificate, or a certificate request for a certification authority.',
  description:
    'New-ExchangeCertificate creates a self-signed certificate in the local computer\'s store, enabled for the services you give (by default IMAP, POP and SMTP, as far as the server\'s roles provide them). With -GenerateRequest it creates a PKCS#10 certificate request instead: the request is kept as a pending request (Get-ExchangeCertificate shows it with Status PendingRequest) and written to -Path; when the CA\'s response is imported with Import-ExchangeCertificate, the request is completed. Piping a certificate from Get-ExchangeCertificate renews it: the new certificate copies the subject, names, friendly name, key size and services. Keys are real RSA keys; the key is not exportable unless -PrivateKeyExportable $true.',
  defaultParameterSet: 'SelfSigned',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: PARAMETERS,
  outputType: ['Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate', 'System.String'],
  examples: [
    {
      code: 'New-ExchangeCertificate -SubjectName "cn=webmail.proexchange.global" -DomainName webmail.proexchange.global, Ex2007EE, Ex2007EE.proexchange.local -PrivateKeyExportable $true -Services None',
      remarks: 'Creates a self-signed certificate for webmail.proexchange.global and the server\'s own names, with an exportable key, enabled for nothing yet.',
      shows: 'CN=webmail.proexchange.global',
    },
    {
      code: 'New-ExchangeCertificate -GenerateRequest -Path c:\\webmail.req -SubjectName "c=US, o=ProExchange, cn=webmail.proexchange.global" -DomainName webmail.proexchange.global, autodiscover.proexchange.global -PrivateKeyExportable $true',
      remarks: 'Creates a certificate request for a CA and writes it to c:\\webmail.req; Get-ExchangeCertificate lists it as PendingRequest.',
    },
    {
      code: 'Get-ExchangeCertificate -DomainName Ex2007EE.proexchange.local | New-ExchangeCertificate -Force',
      remarks: 'Renews the setup certificate: a new self-signed certificate with the same names, enabled for the same services (-Force replaces the default SMTP certificate without asking).',
      shows: 'CN=Ex2007EE',
    },
  ],
  async process(p, ctx) {
    const server = org(ctx).current;
    const request = Boolean(p.GenerateRequest);
    const pki = await loadPki();
    const { createRequest, createSelfSigned, generateRsaKey, requestToText } = pki;
    const pl = plan(p, ctx, server, pki);
    const domainsText = pl.domains.join(', ');
    const servicesText = request ? 'None' : servicesToString(pl.services);
    const description = request
      ? messages.generateRequest(pl.friendlyName, pl.subject, domainsText, servicesText, pl.keySize)
      : messages.generateCertificate(pl.friendlyName, pl.subject, domainsText, servicesText, pl.keySize);

    let target: ReturnType<CmdletContext['fs']['resolve']> | undefined;
    if (request && p.Path !== undefined) {
      target = resolvePath(ctx, String(p.Path));
      if (ctx.fs.exists(target) && !p.Force) fail(ctx, 'ErrorRequestFileExists', messages.newRequestFileExists(server.name), 'InvalidOperation');
    }
    if (!(await shouldProcess(ctx, description))) return;

    ctx.host.progress?.(`Generating a ${pl.keySize}-bit RSA key pair`);
    let keyPem: string;
    try {
      keyPem = (await generateRsaKey(pl.keySize)).privatePem;
    } finally {
      ctx.host.progress?.(undefined);
    }
    // Ctrl+C while the key was being generated: stop here, nothing is created.
    if (ctx.signal.aborted) throw new PipelineStoppedError();
    const now = ctx.now();
    const notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000);
    const notAfter = new Date(notBefore);
    notAfter.setFullYear(notAfter.getFullYear() + 1); // Exchange 2007: one year

    if (request) {
      const req = createRequest({ subject: pl.subject, dnsNames: pl.domains, privateKeyPem: keyPem });
      // Windows keeps a placeholder certificate for the pending request; its thumbprint names the request.
      const placeholder = createSelfSigned({ subject: pl.subject, dnsNames: pl.domains, notBefore, notAfter, privateKeyPem: keyPem });
      const text = requestToText(req, '\r\n');
      // The file first: a request that could not be written is not kept (the lab state stays as it was).
      if (target) {
        try {
          ctx.fs.writeBytes(target, p.BinaryEncoded ? new Uint8Array(req.der) : new Uint8Array(Buffer.from(text, 'utf8')));
        } catch (e) {
          fail(ctx, 'ErrorRequestWriteFailed', messages.requestWriteFailed(driveFailureReason(e)), 'InvalidOperation');
        }
      }
      server.addRequest({
        thumbprint: placeholder.thumbprint,
        placeholderPem: placeholder.pem,
        requestPem: req.pem,
        keyPem,
        exportable: pl.exportable,
        friendlyName: pl.friendlyName,
        subject: req.subject,
        domains: [req.commonName, ...req.dnsNames].filter((d, i, a): d is string => !!d && a.findIndex((x) => x?.toLowerCase() === d.toLowerCase()) === i),
        publicKeySize: req.publicKeySize,
        createdAt: notBefore.toISOString(),
      });
      if (target) return;
      if (p.BinaryEncoded) {
        ctx.write(PSObject.fromRecord({ FileData: new Uint8Array(req.der) }, ['Microsoft.Exchange.Data.BinaryFileDataObject', 'System.Object']));
      } else ctx.write(text);
      return;
    }

    const info = createSelfSigned({ subject: pl.subject, dnsNames: pl.domains, notBefore, notAfter, privateKeyPem: keyPem });
    const record = certRecord(info, { keyPem, exportable: pl.exportable, friendlyName: pl.friendlyName, services: 0 });
    // Ask the SMTP question before storing: a stopped prompt (Ctrl+C, -NonInteractive) leaves no certificate.
    const replace = pl.services & SERVICE_FLAGS.SMTP ? await confirmSmtpOverwrite(ctx, server, record, Boolean(p.Force)) : false;
    server.addCertificate(record);
    if (pl.services) server.enable(record, pl.services, { replaceInternalTransport: replace });
    ctx.write(server.object(server.find(record.thumbprint)!));
  },
});
