// Import-ExchangeCertificate: a PKCS#12 file with its key, or a CA's response (.cer/.p7b) that
// completes a pending request (the request goes; the certificate gets the request's key). A
// bare certificate with no matching request arrives without a private key. Writes the imported
// certificate, so it pipes into Enable-ExchangeCertificate.

import { defineCmdlet, type CmdletContext, type BoundParameters, type ParameterDeclaration } from '../../protocol/cmdlet.js';
import { TerminatingError } from '../../protocol/errors.js';
import type { CertificateInfo, PfxContents } from '../../pki/index.js';
import { loadPki } from '../../pki/load.js';
import { certRecord } from '../../exchange/organization.js';
import { EXCHANGE_MODULE, EXCHANGE_NAMESPACE, domainControllerParameter, exchangeError, messages, org, resolvePath, shouldProcess } from './common.js';
import './views.js';

function readSource(p: Params, ctx: CmdletContext): Uint8Array | undefined {
  if (p.Path !== undefined) {
    const target = resolvePath(ctx, String(p.Path));
    try {
      return ctx.fs.readBytes(target);
    } catch (e) {
      if (!(e instanceof TerminatingError)) throw e;
      ctx.fail(exchangeError(ctx, 'ErrorFileNotFound', `Could not find file '${target.display}'.`, 'ReadError', target.display, 'FileNotFoundException'));
    }
  }
  if (p.FileData !== undefined && p.FileData !== null) return p.FileData;
  if (p.Instance !== undefined) return new Uint8Array(Buffer.from(p.Instance.join('\n'), 'utf8'));
  return undefined;
}

const looksLikeBase64Text = (data: Uint8Array) => {
  const text = Buffer.from(data).toString('latin1');
  return /^[\sA-Za-z0-9+/=-]*$/.test(text) && /[A-Za-z0-9]/.test(text);
};

const PARAMETERS = {
  Path: { type: 'String', complete: 'path', help: 'The file to import.', sets: { Path: { position: 0, mandatory: true } } },
  FileData: { type: 'Byte[]', help: 'The file\'s bytes (Exchange 2010 form).', sets: { FileData: { mandatory: true } } },
  Instance: { type: 'String[]', help: 'Base64 certificate text piped in.', sets: { Instance: { mandatory: true, fromPipeline: true } } },
  Password: { type: 'SecureString', help: 'The password protecting a PKCS#12 file, e.g. (Get-Credential).password.' },
  FriendlyName: { type: 'String', help: 'The friendly name to give the certificate (shorter than 64 characters).' },
  PrivateKeyExportable: { type: 'Boolean', help: 'Whether the imported key can be exported again. Default $false.' },
  DomainController: domainControllerParameter,
} satisfies Record<string, ParameterDeclaration>;

/** The parameters as the cmdlet's blocks and helpers receive them. */
type Params = BoundParameters<typeof PARAMETERS>;

export default defineCmdlet({
  name: 'Import-ExchangeCertificate',
  module: EXCHANGE_MODULE,
  typeNamespace: EXCHANGE_NAMESPACE,
  synopsis: 'Imports a certificate: a PKCS#12 (.pfx) file with its key, or a CA response that completes a pending request.',
  description:
    'Import-ExchangeCertificate adds a certificate to the local computer\'s store. A PKCS#12 (.pfx/.p12) file brings its private key and needs the -Password it was protected with. A certificate from a certification authority (.cer, .crt or .p7b; Base64 or binary) completes the pending request made with New-ExchangeCertificate -GenerateRequest: the request disappears and the certificate has the request\'s private key. A certificate with no matching request has no private key, so Exchange cannot use it. The file comes from -Path (Exchange 2007), or as bytes with -FileData (Exchange 2010: -FileData ([Byte[]](Get-Content c:\\cert.pfx -Encoding Byte -ReadCount 0))). The imported certificate is written to the pipeline, so it can be piped into Enable-ExchangeCertificate.',
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: PARAMETERS,
  outputType: ['Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate'],
  examples: [
    {
      setup:
        "$pw = ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force; $c = New-ExchangeCertificate -SubjectName 'cn=webmail.proexchange.global' -DomainName webmail.proexchange.global -PrivateKeyExportable $true -Services None; Export-ExchangeCertificate $c.Thumbprint -Path c:\\webmail.pfx -BinaryEncoded -Password $pw; Remove-ExchangeCertificate $c.Thumbprint -Confirm:$false",
      code: 'Import-ExchangeCertificate -Path c:\\webmail.pfx -Password $pw',
      remarks: 'Imports a PFX file with its private key.',
      shows: 'CN=webmail.proexchange.global',
    },
    {
      setup:
        "New-ExchangeCertificate -GenerateRequest -Path c:\\webmail.req -SubjectName 'cn=webmail.proexchange.global' -DomainName webmail.proexchange.global; Submit-LabCertificateRequest -Path c:\\webmail.req -OutFile c:\\webmail.cer | Out-Null",
      code: 'Import-ExchangeCertificate -Path c:\\webmail.cer | Enable-ExchangeCertificate -Services IIS -DoNotRequireSSL',
      remarks: 'Completes the pending request with the CA\'s response and enables the certificate for IIS.',
    },
    {
      setup:
        "$pw = ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force; $c = New-ExchangeCertificate -SubjectName 'cn=mail.proexchange.global' -DomainName mail.proexchange.global -PrivateKeyExportable $true -Services None; Export-ExchangeCertificate $c.Thumbprint -Path c:\\mail.pfx -BinaryEncoded -Password $pw; Remove-ExchangeCertificate $c.Thumbprint -Confirm:$false",
      code: 'Import-ExchangeCertificate -FileData ([Byte[]](Get-Content -Path c:\\mail.pfx -Encoding Byte -ReadCount 0)) -Password $pw',
      remarks: 'The Exchange 2010 form, with the file\'s bytes.',
      shows: 'CN=mail.proexchange.global',
    },
  ],
  async process(p, ctx) {
    const o = org(ctx);
    const server = o.current;
    const data = readSource(p, ctx);
    if (!data || data.length === 0) {
      ctx.writeError(exchangeError(ctx, 'ErrorNoCertificateSupplied', messages.importNothing(server.name), 'InvalidArgument', undefined, 'ArgumentException'));
      return;
    }
    const bad = (resource: string, message: string) => ctx.writeError(exchangeError(ctx, resource, message, 'InvalidData', undefined, 'ArgumentException'));
    const { detectFormat, importPfx, parseCertificates } = await loadPki();
    const format = detectFormat(data);
    let leaf: CertificateInfo;
    let keyPem: string | undefined;
    let exportable = p.PrivateKeyExportable !== undefined ? Boolean(p.PrivateKeyExportable) : false;
    let friendlyName = p.FriendlyName;
    let completes: string | undefined;

    if (format === 'pkcs12') {
      const password = p.Password?.reveal() ?? '';
      let contents: PfxContents;
      try {
        contents = importPfx(data, password);
      } catch {
        return bad('ErrorImportFailed', messages.importBadData);
      }
      const cert = contents.certificate ?? contents.certificates.find((c) => !c.isCa) ?? contents.certificates[0];
      if (!cert) return bad('ErrorImportFailed', messages.importBadData);
      leaf = cert;
      keyPem = contents.privateKeyPem;
      friendlyName ??= contents.friendlyName;
    } else if (format === 'certificate' || format === 'pkcs7') {
      let certs: CertificateInfo[];
      try {
        certs = parseCertificates(data);
      } catch {
        return bad('ErrorImportFailed', messages.importBadData);
      }
      const cert = certs.find((c) => !c.isCa) ?? certs[0];
      if (!cert) return bad('ErrorImportFailed', messages.importBadData);
      leaf = cert;
      const request = await server.requestFor(leaf);
      if (request) {
        keyPem = request.keyPem;
        exportable = p.PrivateKeyExportable !== undefined ? exportable : request.exportable;
        friendlyName ??= request.friendlyName;
        completes = request.thumbprint;
      }
    } else {
      return looksLikeBase64Text(data) && format === 'unknown'
        ? bad('ErrorBadBase64', messages.importBadBase64)
        : bad('ErrorImportFailed', messages.importBadData);
    }
    if (friendlyName && friendlyName.length > 63) {
      ctx.writeError(exchangeError(ctx, 'ErrorFriendlyNameTooLong', messages.newFriendlyNameTooLong, 'InvalidArgument', undefined, 'ArgumentException'));
      return;
    }
    if (server.record(leaf.thumbprint)) {
      ctx.writeError(exchangeError(ctx, 'ErrorCertificateAlreadyExists', messages.importDuplicate(leaf.thumbprint), 'ResourceExists', leaf.thumbprint));
      return;
    }
    if (!(await shouldProcess(ctx, messages.importConfirm))) return;
    if (completes) server.removeRequest(completes);
    server.addCertificate(
      certRecord(leaf, { keyPem, exportable: keyPem ? exportable : false, friendlyName: friendlyName ?? '', labCaSubject: o.labCaSubject }),
    );
    ctx.write(server.object(server.find(leaf.thumbprint)!));
  },
});
