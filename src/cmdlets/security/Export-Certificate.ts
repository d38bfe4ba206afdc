// Export-Certificate (the PKI module): writes a certificate without its private key to a file -
// DER (.cer), or a PKCS#7 bundle (.p7b). It is how the public half of a server's self-signed
// certificate goes to a client that shall trust it (Import-Certificate there).

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { PSObject } from '../../protocol/values.js';
import { loadPki } from '../../pki/load.js';
import { resolvePath, driveError } from '../exchange/common.js';
import { attempt, fileSystemInfo } from '../core/file-common.js';
import { certificateAt, isCertPath } from './cert-provider.js';
import { pemToDer } from '../../exchange/certificate.js';

const TYPES = ['SST', 'CERT', 'P7B'] as const;

/** The DER bytes of what -Cert names: a certificate object (RawData) or a Cert: path. */
function derOf(value: unknown, lookup: (path: string) => Uint8Array | undefined): Uint8Array | undefined {
  const v = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if (v instanceof PSObject) {
    const raw = v.get('RawData');
    if (raw instanceof Uint8Array) return raw;
    const path = v.get('PSPath');
    return typeof path === 'string' ? lookup(path) : undefined;
  }
  return typeof v === 'string' && isCertPath(v) ? lookup(v) : undefined;
}

export default defineCmdlet({
  name: 'Export-Certificate',
  module: 'PKI',
  typeNamespace: 'Microsoft.CertificateServices.Commands',
  synopsis: 'Exports a certificate from a certificate store into a file, without its private key.',
  description:
    'Export-Certificate writes the certificate -Cert names (a certificate object such as Get-ExchangeCertificate or Get-ChildItem Cert:\\... return, or a Cert: path) to -FilePath without its private key: DER-encoded (-Type CERT, the default) or as a PKCS#7 bundle (-Type P7B). ' +
    'Copy the file to a client and import it there into Cert:\\LocalMachine\\Root (Import-Certificate) to make the client trust a self-signed certificate. An existing file is replaced unless -NoClobber is given. The file is written to the pipeline.',
  parameters: {
    Cert: { type: 'Object', help: 'The certificate: an object with RawData (ExchangeCertificate, X509Certificate2) or a path such as Cert:\\LocalMachine\\My\\<thumbprint>.', sets: { __AllParameterSets: { mandatory: true, fromPipeline: true } } },
    FilePath: { type: 'String', complete: 'path', help: 'The file to write.', sets: { __AllParameterSets: { mandatory: true } } },
    Type: { type: 'Enum', enum: { typeName: 'Microsoft.CertificateServices.Commands.CertType', values: TYPES }, help: 'CERT (DER, the default) or P7B (PKCS#7).', default: 'CERT' },
    NoClobber: { type: 'Switch', help: 'Does not overwrite an existing file.' },
    Force: { type: 'Switch', help: 'Accepted for compatibility.' },
  },
  outputType: ['System.IO.FileInfo'],
  examples: [
    {
      code: 'Get-ExchangeCertificate -DomainName Ex2007EE.proexchange.local | Select-Object -First 1 | Export-Certificate -FilePath c:\\ex2007ee.cer',
      remarks: "Writes the public half of Ex2007EE's setup certificate (its key is not exportable, and is not needed by a client).",
      shows: 'ex2007ee.cer',
    },
  ],
  related: ['Import-Certificate', 'Export-ExchangeCertificate'],
  async process(p, ctx) {
    const der = derOf(p.Cert, (path) => {
      const c = certificateAt(ctx, path);
      return c ? pemToDer(c.pem) : undefined;
    });
    if (!der) {
      return ctx.fail(
        ctx.error({ message: `Cannot find the certificate '${String(p.Cert)}'.`, errorId: 'CertificateNotFound', category: 'ObjectNotFound', exceptionType: 'ItemNotFoundException', targetObject: p.Cert }),
      );
    }
    const target = resolvePath(ctx, String(p.FilePath));
    if (p.NoClobber && ctx.fs.exists(target)) {
      return ctx.fail(
        ctx.error({ message: `The file '${target.display}' already exists.`, errorId: 'NoClobber', category: 'ResourceExists', exceptionType: 'IOException', targetObject: target.display }),
      );
    }
    const type = String(p.Type).toUpperCase();
    const data = type === 'P7B' ? new Uint8Array((await loadPki()).createPkcs7([Buffer.from(der)])) : der;
    try {
      ctx.fs.writeBytes(target, data);
    } catch (e) {
      return ctx.fail(driveError(ctx, e));
    }
    const st = attempt(ctx, () => ctx.fs.stat(target));
    if (st) ctx.write(fileSystemInfo(ctx.fs, st));
  },
});
