// Enter-LabServer: log on to another machine of the lab; certificate cmdlets then act on its
// store, and C:\ is its drive (as when an admin opens EMS on that server).

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { org } from '../exchange/common.js';

export default defineCmdlet({
  name: 'Enter-LabServer',
  module: 'emsh.Lab',
  typeNamespace: 'Emsh.Lab.Commands',
  synopsis: 'Moves the shell to another machine of the lab, as logging on there would.',
  description:
    'Enter-LabServer switches the machine the shell runs on. In Exchange 2007 the certificate cmdlets act on the local computer only, so to manage the certificates of Ex2007SE or EDGE01 you log on there: this cmdlet does that. The location returns to C:\\Windows\\system32 on the new machine\'s drive.',
  parameters: {
    Name: { type: 'String', complete: 'machine', help: 'The machine to log on to (name or FQDN).', sets: { __AllParameterSets: { position: 0, mandatory: true } } },
  },
  examples: [
    { code: 'Enter-LabServer EDGE01; Get-ExchangeCertificate', remarks: 'Logs on to the Edge server and lists its certificates.', shows: 'CN=EDGE01', needs: ['lab'] },
  ],
  process(p, ctx) {
    const o = org(ctx);
    const s = o.server(String(p.Name));
    if (!s) {
      return ctx.fail(
        ctx.error({
          message: `Exchange server "${String(p.Name)}" was not found. Please make sure you typed the name correctly.`,
          errorId: 'ErrorServerNotFound',
          category: 'ObjectNotFound',
          exceptionType: 'ManagementObjectNotFoundException',
          targetObject: p.Name,
        }),
      );
    }
    o.setCurrent(s.name);
    ctx.session.setLocation('C:\\Windows\\system32');
  },
});
