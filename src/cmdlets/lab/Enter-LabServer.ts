// Enter-LabServer: log on to another machine of the lab - an Exchange server (certificate cmdlets
// then act on its store, as when an admin opens EMS there) or a client (PC01, HOME01, PHONE01,
// OCS01, GW01: its certificate stores, Cert:\LocalMachine\Root, Import-Certificate). C:\ is the
// machine's own drive.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { org } from '../exchange/common.js';

export default defineCmdlet({
  name: 'Enter-LabServer',
  module: 'emsh.Lab',
  typeNamespace: 'Emsh.Lab.Commands',
  synopsis: 'Moves the shell to another machine of the lab, as logging on there would.',
  description:
    "Enter-LabServer switches the machine the shell runs on. In Exchange 2007 the certificate cmdlets act on the local computer only, so to manage the certificates of Ex2007SE or EDGE01 you log on there: this cmdlet does that. " +
    "It also reaches the lab's client machines (PC01, HOME01, PHONE01, OCS01, GW01; see Get-LabClient): there the Exchange cmdlets are not available, but the machine's certificate stores are (Get-ChildItem Cert:\\LocalMachine\\Root, Import-Certificate). " +
    "The location returns to C:\\Windows\\system32 on the new machine's drive.",
  parameters: {
    Name: { type: 'String', complete: 'machine', help: 'The machine to log on to (name or FQDN).', sets: { __AllParameterSets: { position: 0, mandatory: true } } },
  },
  examples: [
    { code: 'Enter-LabServer EDGE01; Get-ExchangeCertificate', remarks: 'Logs on to the Edge server and lists its certificates.', shows: 'CN=EDGE01' },
    { code: 'Enter-LabServer PC01; Get-ChildItem Cert:\\LocalMachine\\Root', remarks: "Logs on to the domain member PC01 and lists its trusted roots: the enterprise CA, through Group Policy.", shows: 'CN=ProExchange Root CA' },
  ],
  process(p, ctx) {
    const o = org(ctx);
    const name = String(p.Name);
    const known = o.machineNames();
    if (!known.some((n) => n.toLowerCase() === name.trim().toLowerCase()) && !o.server(name) && !o.client(name)) {
      return ctx.fail(
        ctx.error({
          message: `The machine "${name}" was not found in the lab. Lab machines: ${known.join(', ')}.`,
          errorId: 'LabMachineNotFound',
          category: 'ObjectNotFound',
          exceptionType: 'ManagementObjectNotFoundException',
          targetObject: p.Name,
        }),
      );
    }
    o.setCurrent(name);
    ctx.session.setLocation('C:\\Windows\\system32');
  },
});
