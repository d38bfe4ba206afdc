// Import-LabTrustedRoot: puts a root CA certificate in a lab server's Trusted Root Certification
// Authorities store, as an admin does with the Certificates MMC (or certutil -addstore Root).
// Domain members already trust ProExchange Root CA (group policy); the Edge, outside the domain,
// trusts nothing until a root is imported, and no server trusts a partner's CA by itself.
// Trusted roots decide whether a CA-issued certificate is usable for TLS on the server and
// whether a partner's certificate validates (Domain Security).

import { defineCmdlet } from '../../../protocol/cmdlet.js';
import { PSObject } from '../../../protocol/values.js';
import type { CaState } from '../../../exchange/model.js';
import { ensurePartner, LAB_PARTNERS } from '../../../exchange/transport/partner.js';
import { findServers, org, refuse, serverParameter } from '../config-common.js';
import { shouldProcess } from '../common.js';
import { addTrustedRoot } from '../../../exchange/clients.js';

export const TRUSTED_ROOT_TYPE = 'Emsh.Lab.TrustedRoot';

export default defineCmdlet({
  name: 'Import-LabTrustedRoot',
  module: 'emsh.Lab',
  typeNamespace: 'Emsh.Lab.Commands',
  synopsis: 'Adds a root CA certificate to a lab server\'s trusted root store.',
  description:
    'Import-LabTrustedRoot adds the root certificate of a certification authority to the Trusted Root Certification Authorities store of a lab server (default: the one you are logged on to). -Partner <domain> imports the root CA of a lab partner organization (fabrikam.lab: Fabrikam Root CA), which Domain Security needs on the server that sends to or receives from the partner. -CertificateAuthority "ProExchange Root CA" imports the organization\'s own CA, which the Edge (not a domain member) needs before it can use a certificate issued by it. ' +
    'The lab partner fabrikam.lab already trusts ProExchange Root CA and lists proexchange.global in its Domain Security lists; its host mail.fabrikam.lab has a certificate for mail.fabrikam.lab and fabrikam.lab issued by Fabrikam Root CA.',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  defaultParameterSet: 'Partner',
  parameters: {
    Partner: { type: 'String', help: `A lab partner domain (${LAB_PARTNERS.map((x) => x.domain).join(', ')}).`, sets: { Partner: { mandatory: true, position: 0 } } },
    CertificateAuthority: { type: 'String', help: 'The name of a lab CA: "ProExchange Root CA" or a partner\'s ("Fabrikam Root CA").', sets: { CA: { mandatory: true } } },
    Server: serverParameter('The machine whose trusted root store receives the certificate: an Exchange server or a lab client (OCS01, GW01, PC01, HOME01, PHONE01); default: the current machine.'),
  },
  outputType: [TRUSTED_ROOT_TYPE],
  examples: [
    {
      code: 'Import-LabTrustedRoot -Partner fabrikam.lab -Server EDGE01',
      remarks: "EDGE01 now trusts Fabrikam Root CA, so Fabrikam's certificate validates for Domain Security.",
      shows: 'CN=Fabrikam Root CA, O=Fabrikam',
    },
    { code: "Import-LabTrustedRoot -CertificateAuthority 'ProExchange Root CA' -Server EDGE01", remarks: 'The Edge trusts the organization\'s CA, so it can use a certificate issued by it.', shows: 'ProExchange Root CA' },
    { code: "Import-LabTrustedRoot -CertificateAuthority 'ProExchange Root CA' -Server GW01", remarks: 'The UM IP gateway (not a domain member) trusts the enterprise CA, so a UM certificate issued by it passes the gateway\'s check.', shows: 'GW01' },
  ],
  async process(p, ctx) {
    const o = org(ctx);
    const text = p.Server === undefined || p.Server === null ? o.currentMachineName : String(p.Server);
    // A lab client (OCS01, GW01, PC01 ...) or an Exchange server.
    const server = o.client(text) ?? findServers(ctx, text, { single: true })![0]!.state;
    let ca: CaState | undefined;
    if (p.Partner !== undefined) {
      const partner = await ensurePartner(o.state, String(p.Partner), ctx.now());
      if (!partner) refuse(ctx, 'PartnerNotFound', `"${String(p.Partner)}" is not a lab partner organization. Lab partners: ${LAB_PARTNERS.map((x) => x.domain).join(', ')}.`, p.Partner);
      ca = partner.ca;
    } else {
      const want = String(p.CertificateAuthority).trim().toLowerCase();
      if (o.state.ca.name.toLowerCase() === want) ca = o.state.ca;
      else {
        for (const t of LAB_PARTNERS) if (`${t.organizationName} Root CA`.toLowerCase() === want) ca = (await ensurePartner(o.state, t.domain, ctx.now()))!.ca;
      }
      if (!ca) refuse(ctx, 'CertificateAuthorityNotFound', `The certification authority "${String(p.CertificateAuthority)}" was not found. Lab CAs: ${[o.state.ca.name, ...LAB_PARTNERS.map((x) => `${x.organizationName} Root CA`)].join(', ')}.`, p.CertificateAuthority);
    }
    o.touch(); // a partner may have been created
    if (!(server.trustedRoots ?? []).some((r) => r.thumbprint === ca!.thumbprint)) {
      if (!(await shouldProcess(ctx, `Adding "${ca.subject}" to the Trusted Root Certification Authorities of ${server.name}.`))) return;
      addTrustedRoot(server, ca);
    }
    ctx.write(PSObject.fromRecord({ Server: server.name, Thumbprint: ca.thumbprint, Subject: ca.subject }, [TRUSTED_ROOT_TYPE, 'System.Object']));
  },
});
