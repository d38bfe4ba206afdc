// Import-Certificate (the PKI module): puts the certificates of a .cer / .crt / .p7b file into a
// certificate store of the machine the shell is on. In the lab it is how a trainee makes a client
// trust a server's self-signed certificate (export it without its key, copy it to the client,
// import it into Cert:\LocalMachine\Root), or trust a CA's root.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { loadPki } from '../../pki/load.js';
import { importCertificate } from '../../exchange/cert-stores.js';
import { org, resolvePath } from '../exchange/common.js';
import { isCertPath, parseCertPath, x509Object, X509_TYPES } from './cert-provider.js';

const PKI_NAMESPACE = 'Microsoft.CertificateServices.Commands';

export default defineCmdlet({
  name: 'Import-Certificate',
  module: 'PKI',
  typeNamespace: PKI_NAMESPACE,
  synopsis: 'Imports one or more certificates into a certificate store.',
  description:
    'Import-Certificate reads a certificate file (.cer or .crt, Base64 or DER, or a .p7b bundle) from the drive of the machine you are on and adds its certificates to the store -CertStoreLocation names, on that machine. ' +
    "Cert:\\LocalMachine\\Root is the Trusted Root Certification Authorities store: a certificate there is trusted as a root by the machine, so importing a server's self-signed certificate (Export-ExchangeCertificate without the key, or the .cer) makes that client trust it, and importing a CA's certificate makes it trust every certificate the CA issued. " +
    'Reach a client first with Enter-LabServer (PC01, HOME01, PHONE01, OCS01, GW01); files of another machine are at \\\\<machine>\\c$\\... The imported certificates are written to the pipeline.',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    FilePath: { type: 'String', complete: 'path', help: 'The certificate file to import.', sets: { __AllParameterSets: { position: 0, mandatory: true, fromPipelineByPropertyName: true } } },
    CertStoreLocation: { type: 'String', help: 'The store to import into, for example Cert:\\LocalMachine\\Root. The lab imports into Root stores.' },
  },
  outputType: [X509_TYPES[0]!],
  examples: [
    {
      setup: '(Get-ExchangeCertificate -DomainName Ex2007EE.proexchange.local)[0] | Export-Certificate -FilePath c:\\ex2007ee.cer | Out-Null',
      code: 'Enter-LabServer HOME01; Import-Certificate -FilePath \\\\Ex2007EE\\c$\\ex2007ee.cer -CertStoreLocation Cert:\\LocalMachine\\Root',
      remarks: "HOME01 now trusts Ex2007EE's self-signed certificate (copied from the server without its key).",
      shows: 'CN=Ex2007EE',
    },
  ],
  related: ['Get-ChildItem', 'Export-ExchangeCertificate', 'Test-LabClient'],
  async process(p, ctx) {
    const o = org(ctx);
    const location = p.CertStoreLocation === undefined || p.CertStoreLocation === null ? ctx.session.getLocation() : String(p.CertStoreLocation);
    const where = isCertPath(location) ? parseCertPath(location) : undefined;
    if (!where?.store || where.thumbprint) {
      return ctx.fail(
        ctx.error({
          message: `'${location}' is not a certificate store. Specify the store with -CertStoreLocation, for example Cert:\\LocalMachine\\Root.`,
          errorId: 'InvalidCertStoreLocation',
          category: 'InvalidArgument',
          exceptionType: 'ArgumentException',
          targetObject: location,
        }),
      );
    }
    const file = resolvePath(ctx, String(p.FilePath));
    let bytes: Uint8Array;
    try {
      bytes = ctx.fs.readBytes(file);
    } catch {
      // The PKI module reports the Win32 error (lab choice of wording for the HRESULT text).
      return ctx.fail(
        ctx.error({ message: 'The system cannot find the file specified. 0x80070002 (WIN32: 2 ERROR_FILE_NOT_FOUND)', errorId: 'System.IO.FileNotFoundException', category: 'NotSpecified', exceptionType: 'FileNotFoundException', targetObject: file.display }),
      );
    }
    const pki = await loadPki();
    let pems: string[];
    try {
      pems = pki.parseCertificates(bytes).map((c) => c.pem);
    } catch {
      pems = [];
    }
    if (pems.length === 0) {
      return ctx.fail(
        ctx.error({ message: 'ASN1 bad tag value met. 0x8009310b (ASN: 267 CRYPT_E_ASN1_BADTAG)', errorId: 'System.Runtime.InteropServices.COMException', category: 'NotSpecified', exceptionType: 'COMException', targetObject: file.display }),
      );
    }
    const machine = o.currentMachineName;
    for (const pem of pems) {
      if (!(await ctx.shouldProcess(`Certificate store ${where.location}\\${where.store} on ${machine}`, 'Import certificate'))) continue;
      const r = importCertificate(o.state, machine, where.store, pem);
      if (!r.ok) {
        ctx.writeError(ctx.error({ message: r.reason, errorId: 'ImportCertificateRefused', category: 'InvalidOperation', exceptionType: 'InvalidOperationException', targetObject: file.display }));
        continue;
      }
      if (r.added) o.touch();
      ctx.write(x509Object(r.certificate, where));
    }
  },
});
