// What the Exchange cmdlets share: the organization from the context, Exchange's error records
// (2013 resource wording where 2007's is unknown; ids in Exchange's 8-hex-digit style), and the
// confirmation helpers.

import { createHash } from 'node:crypto';
import { serviceKey, type CmdletContext } from '../../protocol/cmdlet.js';
import { TerminatingError, type ErrorCategory, type ErrorRecord } from '../../protocol/errors.js';
import type { ExchangeServer, Organization } from '../../exchange/organization.js';
import type { CertificateFacts } from '../../exchange/certificate.js';

export const OrganizationKey = serviceKey<Organization>('organization');
export const EXCHANGE_NAMESPACE = 'Microsoft.Exchange.Management.SystemConfigurationTasks';
export const EXCHANGE_MODULE = 'Microsoft.Exchange.Management.PowerShell.Admin';

export function org(ctx: CmdletContext): Organization {
  return ctx.services.get(OrganizationKey);
}

/** Exchange FQIDs start with a hex id derived from the message resource; ours is stable per resource. */
export function exchangeErrorId(resource: string): string {
  return createHash('sha1').update(resource).digest('hex').slice(0, 8).toUpperCase();
}

export function exchangeError(
  ctx: CmdletContext,
  resource: string,
  message: string,
  category: ErrorCategory = 'InvalidOperation',
  targetObject?: unknown,
  exceptionType = 'InvalidOperationException',
): ErrorRecord {
  return ctx.error({ message, errorId: exchangeErrorId(resource), category, exceptionType, targetObject });
}

export const messages = {
  notFound: (t: string) => `The certificate with thumbprint ${t} was not found.`,
  notValid: (t: string, reason: string) => `The certificate with thumbprint ${t} was found but is not valid for use with Exchange Server (reason: ${reason}).`,
  serviceNotInstalled:
    "One of the services you've selected (IMAP4, POP3, SMTP, IIS, UM) isn't installed on this server. Please check which services are installed on the server and try again.",
  enableConfirm: (t: string) => `Enable certificate with thumbprint ${t}?`,
  enableUmConfirm: (t: string) => `Enable certificate with thumbprint ${t} for Unified Messaging?`,
  requireSsl: 'Do you want to enforce SSL communication on the root web site? If not, rerun the cmdlet with the -DoNotRequireSSL parameter.',
  overwriteSmtp: (cur: string, curExp: string, next: string, nextExp: string) =>
    `Overwrite the existing default SMTP certificate?\n\nCurrent certificate: '${cur}' (expires ${curExp})\nReplace it with certificate: '${next}' (expires ${nextExp})`,
  umExpired: (t: string) => `The certificate with thumbprint '${t}' has expired; therefore, it can't be associated with Exchange Unified Messaging.`,
  umRestart: (server: string) =>
    `To complete configuration (1) Restart Microsoft Exchange Unified Messaging Service on ${server} and (2) For self-signed certificates, install this certificate on the UM IP Gateway. For CA-signed certificates, import the CA certificate on the UM IP Gateway.`,
  edgeResubscribe:
    'The internal transport certificate attribute for the local Edge Transport server has been updated. If this Edge Transport server is subscribed to an Active Directory site, you must  subscribe it again by using the New-EdgeSubscription cmdlet in the Shell, and then restart AD LDS.',
  removeConfirm: (t: string) => `Remove certificate with thumbprint ${t} from the computer's certificate store?`,
  removeInternalTransport:
    'The internal transport certificate cannot be removed because that would cause the Microsoft Exchange Transport service to stop. To replace the internal transport certificate, create a new certificate. The new certificate will automatically become the internal transport certificate. You can then remove the existing certificate.',
  exportConfirm: (t: string) => `Exporting the certificate with thumbprint ${t}.`,
  exportNoKey: 'The certificate does not have a private key. Certificates without a private key cannot be exported as PKCS-12.',
  exportNoPassword: 'Exporting a certificate with its private key requires that a password be specified to protect the private key.',
  exportNotExportable: "The private key couldn't be exported as PKCS-12. It either couldn't be accessed or isn't exportable.",
  exportWriteFailed: (reason: string) => `The exported data cannot be written to the file for the following reason: ${reason}`,
  requestWriteFailed: (reason: string) => `The request data cannot be written to the file for the following reason: ${reason}`,
  importConfirm: 'Importing a certificate from the data provided.',
  importBadData: 'The source data cannot be imported or the wrong password was specified.',
  importBadBase64: 'The source data is corrupted or not properly Base64 encoded.',
  importDuplicate: (t: string) => `Cannot import certificate. A certificate with the thumbprint ${t} already exists.`,
  importNothing: (server: string) =>
    `The operation could not be performed on server ${server} because no certificate was supplied via the FileData parameter, the FileName parameter or the command pipeline.`,
  newNoFqdn: 'You must specify at least one valid fully qualified domain name (FQDN) for either the Subject or the DomainName parameter.',
  newBadDomain: (d: string) => `Domain name ${d} is not valid for a certificate.`,
  newBadKeySize: (n: number) => `${n} is not a valid key size. Valid key sizes are 4096, 2048, and 1024.`,
  newFriendlyNameTooLong: 'The friendly name is too long. The maximum allowed length is 63 characters.',
  newAutodiscoverNotCas:
    "You can only use the IncludeAutodiscover parameter with the Client Access server role. The Autodiscover names weren't included on the certificate.",
  newBinaryWithoutRequest: (server: string) =>
    `The -BinaryEncoded argument is invalid when running the New-ExchangeCertificate cmdlet on server ${server} with the -GenerateRequest parameter.`,
  newRequestFileExists: (server: string) =>
    `Please use a valid file name when you run the New-ExchangeCertificate cmdlet on server ${server} with the -Path parameter. The file should not exist in target folder.`,
  generateCertificate: (friendly: string, subject: string, domains: string, services: string, keySize: number) =>
    `Generate Certificate:\tFriendlyName="${friendly}",\tSubjectName="${subject}",\tDomainName="${domains}",\tServices="${services}",\tKeySize="${keySize}"`,
  generateRequest: (friendly: string, subject: string, domains: string, services: string, keySize: number) =>
    `Generate Certificate Request:\tFriendlyName="${friendly}",\tSubjectName="${subject}",\tDomainName="${domains}",\tServices="${services}",\tKeySize="${keySize}"`,
};

/**
 * The reason a lab-drive read or write failed (the drive throws a TerminatingError carrying a
 * provider record with no command): Exchange words it into its own message. Other errors rethrow.
 */
export function driveFailureReason(e: unknown): string {
  if (e instanceof TerminatingError) return e.record.message;
  throw e;
}

/** A lab-drive error re-issued as this cmdlet's record (PowerShell shows it with the command's name). */
export function driveError(ctx: CmdletContext, e: unknown): ErrorRecord {
  if (!(e instanceof TerminatingError)) throw e;
  const r = e.record;
  if (r.invocation) return r;
  return ctx.error({ message: r.message, errorId: r.errorId, category: r.category, exceptionType: r.exceptionType, targetObject: r.targetObject });
}

/** Resolves a path on the lab drive; an unknown machine or a path leaving the drive stops the cmdlet. */
export function resolvePath(ctx: CmdletContext, text: string): ReturnType<CmdletContext['fs']['resolve']> {
  try {
    return ctx.fs.resolve(text, ctx.session.getLocation());
  } catch (e) {
    ctx.fail(driveError(ctx, e));
  }
}

/**
 * The certificate (or pending request) with this thumbprint on the server, or undefined after
 * writing Exchange's not-found error (non-terminating, so a pipeline of thumbprints goes on).
 */
export function findOrReport(ctx: CmdletContext, server: ExchangeServer, thumbprintArgument: unknown): CertificateFacts | undefined {
  const thumbprint = String(thumbprintArgument).trim();
  const facts = server.find(thumbprint);
  if (!facts) ctx.writeError(exchangeError(ctx, 'ErrorCertificateNotFound', messages.notFound(thumbprint), 'ObjectNotFound', thumbprint));
  return facts;
}

/** ShouldProcess with Exchange's whole-description form, falling back to the target form. */
export function shouldProcess(ctx: CmdletContext, description: string): Promise<boolean> {
  return ctx.shouldProcessDescription ? ctx.shouldProcessDescription(description) : ctx.shouldProcess(description);
}

/** A Thumbprint parameter that binds from the pipeline by value and by property name. */
export const thumbprintParameter = {
  type: 'String' as const,
  complete: 'thumbprint' as const,
  help: 'The thumbprint of the certificate (40 hexadecimal characters).',
  sets: { __AllParameterSets: { position: 0, mandatory: true, fromPipeline: true, fromPipelineByPropertyName: true } },
};

export const domainControllerParameter = {
  type: 'String' as const,
  help: 'The domain controller that reads or writes the data in Active Directory (accepted and ignored in the lab).',
};
