// Submit-LabCertificateRequest: the lab's enterprise CA (ProExchange Root CA) signs a PKCS#10
// request and writes the issued certificate, as an admin would with the CA's web pages.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { PSObject } from '../../protocol/values.js';
import type { RequestInfo } from '../../pki/index.js';
import { loadPki } from '../../pki/load.js';
import { driveError, org, resolvePath } from '../exchange/common.js';

const LAB_MODULE = 'emsh.Lab';

export default defineCmdlet({
  name: 'Submit-LabCertificateRequest',
  module: LAB_MODULE,
  typeNamespace: 'Emsh.Lab.Commands',
  synopsis: 'Has the lab\'s certification authority (ProExchange Root CA) issue a certificate for a request.',
  description:
    'Submit-LabCertificateRequest plays the enterprise CA of the lab: it reads a PKCS#10 request file (Base64 or binary, as New-ExchangeCertificate -GenerateRequest writes it), checks its signature, and issues a web server certificate signed by ProExchange Root CA for the request\'s subject and names, valid two years from the lab clock. The certificate is written to -OutFile as Base64 (.cer), or with -IncludeChain as a PKCS#7 bundle with the CA certificate (.p7b). Import it with Import-ExchangeCertificate on the server that made the request.',
  parameters: {
    Path: { type: 'String', complete: 'path', help: 'The request file.', sets: { __AllParameterSets: { position: 0, mandatory: true } } },
    OutFile: { type: 'String', complete: 'path', help: 'Where to write the issued certificate.', sets: { __AllParameterSets: { position: 1, mandatory: true } } },
    IncludeChain: { type: 'Switch', help: 'Writes a PKCS#7 (.p7b) bundle with the CA certificate instead of a single certificate.' },
    ValidityDays: { type: 'Int32', validateRange: [1, 3650], help: 'How long the certificate is valid, in days.', default: 730 },
  },
  examples: [
    {
      setup: "New-ExchangeCertificate -GenerateRequest -Path c:\\webmail.req -SubjectName 'cn=webmail.proexchange.global' -DomainName webmail.proexchange.global",
      code: 'Submit-LabCertificateRequest -Path c:\\webmail.req -OutFile c:\\webmail.cer',
      remarks: 'Issues a certificate for the request and saves it as c:\\webmail.cer.',
      shows: 'Issued',
    },
  ],
  async process(p, ctx) {
    const { createPkcs7, parseRequest, signRequest } = await loadPki();
    const o = org(ctx);
    const source = resolvePath(ctx, String(p.Path));
    const target = resolvePath(ctx, String(p.OutFile));
    let bytes: Uint8Array;
    try {
      bytes = ctx.fs.readBytes(source);
    } catch (e) {
      return ctx.fail(driveError(ctx, e));
    }
    const denied = (why: string) =>
      ctx.fail(ctx.error({ message: `The certification authority denied the request: ${why}`, errorId: 'RequestDenied', category: 'InvalidData', exceptionType: 'InvalidOperationException', targetObject: source.display }));
    let request: RequestInfo;
    try {
      request = parseRequest(bytes);
    } catch {
      return denied(`${source.display} does not contain a PKCS #10 certificate request.`);
    }
    if (!request.signatureValid) return denied('the signature of the request is not valid.');
    const now = ctx.now();
    const notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000 - 10 * 60 * 1000); // CAs backdate a little
    const notAfter = new Date(notBefore.getTime() + p.ValidityDays * 24 * 3600 * 1000);
    const cert = signRequest(request, o.state.ca.certPem, o.state.ca.keyPem, { notBefore, notAfter, extendedKeyUsage: ['serverAuth', 'clientAuth'] });
    const caDer = Buffer.from(o.state.ca.certPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
    try {
      ctx.fs.writeBytes(
        target,
        p.IncludeChain ? new Uint8Array(createPkcs7([cert.der, caDer])) : new Uint8Array(Buffer.from(cert.pem.replace(/\n/g, '\r\n'), 'ascii')),
      );
    } catch (e) {
      return ctx.fail(driveError(ctx, e));
    }
    ctx.write(
      PSObject.fromRecord({
        Status: 'Issued',
        Thumbprint: cert.thumbprint,
        Subject: cert.subject,
        NotAfter: cert.notAfter,
        Path: target.display,
      }),
    );
  },
});
