// Export-ExchangeCertificate: a certificate with its private key as PKCS#12 protected by
// -Password (AES-256), or a pending request as PKCS#10. 2007 writes -Path; without -Path the
// data goes to the pipeline as in 2010 (an object with FileData, or Base64 text).

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { PSObject } from '../../protocol/values.js';
import { loadPki } from '../../pki/load.js';
import {
  EXCHANGE_MODULE,
  EXCHANGE_NAMESPACE,
  domainControllerParameter,
  driveFailureReason,
  exchangeError,
  findOrReport,
  messages,
  org,
  resolvePath,
  shouldProcess,
  thumbprintParameter,
} from './common.js';

/** Base64 in 64-character lines with CRLF, as Windows writes it. */
function base64Lines(data: Uint8Array): string {
  return (Buffer.from(data).toString('base64').match(/.{1,64}/g) ?? []).join('\r\n') + '\r\n';
}

export default defineCmdlet({
  name: 'Export-ExchangeCertificate',
  module: EXCHANGE_MODULE,
  typeNamespace: EXCHANGE_NAMESPACE,
  synopsis: 'Exports a certificate (with its private key, as a PKCS#12 .pfx file) or a pending request.',
  description:
    'Export-ExchangeCertificate writes a certificate of the local server and its private key to a PKCS#12 file protected by -Password, so it can be imported on another server. The key must be exportable: the certificate setup creates is not, and neither is one made by New-ExchangeCertificate without -PrivateKeyExportable $true. A pending request is exported as its PKCS#10 request. -BinaryEncoded writes binary data; without it the data is Base64 text. An existing file is replaced only with -Force. Without -Path (the Exchange 2010 form) the data is written to the pipeline: an object whose FileData property holds the bytes.',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    Thumbprint: thumbprintParameter,
    Path: { type: 'String', complete: 'path', help: 'The file to write, e.g. c:\\certificates\\export.pfx.' },
    BinaryEncoded: { type: 'Switch', help: 'Writes binary (DER / PKCS#12) data instead of Base64 text.' },
    Password: { type: 'SecureString', help: 'Protects the exported private key, e.g. (Get-Credential).password.' },
    Force: { type: 'Switch', help: 'Overwrites an existing file.' },
    DomainController: domainControllerParameter,
  },
  examples: [
    {
      setup:
        "$c = New-ExchangeCertificate -SubjectName 'cn=webmail.proexchange.global' -DomainName webmail.proexchange.global -PrivateKeyExportable $true -Services None; $pw = ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force",
      code: 'Export-ExchangeCertificate -Thumbprint $c.Thumbprint -Path c:\\webmail.pfx -BinaryEncoded:$true -Password $pw',
      remarks: 'Exports the certificate and its key to c:\\webmail.pfx (OpenSSL opens it: openssl pkcs12 -in webmail.pfx).',
    },
    {
      setup:
        "$c = New-ExchangeCertificate -SubjectName 'cn=owa.proexchange.global' -DomainName owa.proexchange.global -PrivateKeyExportable $true -Services None; $pw = ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force",
      code: '$file = Export-ExchangeCertificate -Thumbprint $c.Thumbprint -BinaryEncoded:$true -Password $pw; $file.FileData.Length -gt 0',
      remarks: 'The 2010 form: the PKCS#12 data comes back in FileData, to save with Set-Content -Encoding Byte.',
      shows: 'True',
    },
  ],
  async process(p, ctx) {
    const server = org(ctx).current;
    const facts = findOrReport(ctx, server, p.Thumbprint);
    if (!facts) return;
    const t = facts.thumbprint;
    let data: Uint8Array;
    if (facts.kind === 'request') {
      const req = server.request(t)!;
      if (!req.requestPem) {
        ctx.writeError(exchangeError(ctx, 'ErrorNoRequestData', 'The certificate request is missing an archived copy of the PKCS10 request data.', 'InvalidOperation', t));
        return;
      }
      const b64 = req.requestPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
      data = p.BinaryEncoded
        ? new Uint8Array(Buffer.from(b64, 'base64'))
        : new Uint8Array(Buffer.from(`-----BEGIN NEW CERTIFICATE REQUEST-----\r\n${(b64.match(/.{1,64}/g) ?? []).join('\r\n')}\r\n-----END NEW CERTIFICATE REQUEST-----\r\n`, 'utf8'));
    } else {
      const record = server.record(t)!;
      const fail = (resource: string, message: string) => ctx.writeError(exchangeError(ctx, resource, message, 'InvalidOperation', t));
      if (!record.keyPem) return fail('ErrorNoPrivateKey', messages.exportNoKey);
      const password = p.Password;
      if (!password) return fail('ErrorPasswordRequired', messages.exportNoPassword);
      if (!record.exportable) return fail('ErrorKeyNotExportable', messages.exportNotExportable);
      const { exportPfx } = await loadPki();
      const pfx = exportPfx({ certificate: record.certPem, privateKeyPem: record.keyPem, password: password.reveal(), friendlyName: record.friendlyName, algorithm: 'aes256' });
      data = p.BinaryEncoded ? pfx : new Uint8Array(Buffer.from(base64Lines(pfx), 'ascii'));
    }

    let target: ReturnType<typeof ctx.fs.resolve> | undefined;
    if (p.Path !== undefined) {
      target = resolvePath(ctx, String(p.Path));
      if (ctx.fs.exists(target) && !p.Force) {
        ctx.writeError(exchangeError(ctx, 'ErrorExportFileExists', messages.exportWriteFailed(`The file '${target.display}' already exists. Use -Force to overwrite it.`), 'ResourceExists', target.display, 'IOException'));
        return;
      }
    }
    if (!(await shouldProcess(ctx, messages.exportConfirm(t)))) return;
    if (target) {
      try {
        ctx.fs.writeBytes(target, data);
      } catch (e) {
        // A missing folder or an unknown machine: Exchange's write-failure message, as this cmdlet's error.
        ctx.writeError(exchangeError(ctx, 'ErrorExportWriteFailed', messages.exportWriteFailed(driveFailureReason(e)), 'WriteError', target.display, 'IOException'));
      }
      return;
    }
    if (p.BinaryEncoded) ctx.write(PSObject.fromRecord({ FileData: data }, ['Microsoft.Exchange.Data.BinaryFileDataObject', 'System.Object']));
    else ctx.write(Buffer.from(data).toString('utf8'));
  },
});
