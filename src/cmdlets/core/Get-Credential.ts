// Get-Credential: asks the host for a user name and password and returns a PSCredential
// (UserName, Password as SecureString, GetNetworkCredential()).

import { defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import { PipelineStoppedError } from '../../protocol/errors.js';
import { PSObject, SecureString, toDisplayText } from '../../protocol/values.js';
import { nonInteractiveError } from './Read-Host.js';

export const PS_CREDENTIAL = 'System.Management.Automation.PSCredential';

/** A PSCredential object, as New-Object PSCredential and Get-Credential make it. */
export function newCredential(userName: string, password: SecureString): PSObject {
  const cred = new PSObject([PS_CREDENTIAL, 'System.Object']);
  cred.addProperty({ name: 'UserName', memberType: 'Property', typeName: 'System.String', get: () => userName });
  cred.addProperty({ name: 'Password', memberType: 'Property', typeName: 'System.Security.SecureString', get: () => password });
  cred.addMethod({
    name: 'GetNetworkCredential',
    definition: 'System.Net.NetworkCredential GetNetworkCredential()',
    invoke: () => {
      const slash = userName.indexOf('\\');
      const net = new PSObject(['System.Net.NetworkCredential', 'System.Object']);
      net.addNote('UserName', slash >= 0 ? userName.slice(slash + 1) : userName);
      net.addNote('Password', password.reveal());
      net.addNote('SecurePassword', password);
      net.addNote('Domain', slash >= 0 ? userName.slice(0, slash) : '');
      return net;
    },
  });
  return cred;
}

async function ask(ctx: CmdletContext, message: string, user: string | undefined): Promise<PSObject> {
  if (!ctx.host.interactive) nonInteractiveError(ctx);
  const fields = [
    ...(user === undefined ? [{ name: 'User' }] : []),
    { name: user === undefined ? 'Password' : `Password for user ${user}`, secure: true },
  ];
  const answer = await ctx.host.prompt('Windows PowerShell credential request', message, fields);
  if (!answer) throw new PipelineStoppedError();
  const name = user ?? toDisplayText(answer.User);
  const pw = answer[fields[fields.length - 1].name];
  return newCredential(name, pw instanceof SecureString ? pw : new SecureString(toDisplayText(pw)));
}

export default defineCmdlet({
  name: 'Get-Credential',
  module: 'Microsoft.PowerShell.Security',
  synopsis: 'Gets a credential object based on a user name and password.',
  description:
    'The Get-Credential cmdlet asks for a user name and a password and returns a PSCredential ' +
    'object, for parameters such as -Credential. The password is kept as a SecureString; ' +
    'GetNetworkCredential() gives the plain text when a script really needs it. In a ' +
    'non-interactive session it fails.',
  defaultParameterSet: 'CredentialSet',
  parameters: {
    Credential: {
      type: 'Object',
      sets: { CredentialSet: { position: 0 } },
      help: 'Specifies a user name (the password is then asked for) or a credential to return as is.',
    },
    Message: {
      type: 'String',
      sets: { MessageSet: { mandatory: true } },
      help: 'Specifies the message shown in the credential request.',
    },
    UserName: {
      type: 'String',
      sets: { MessageSet: { position: 0 } },
      help: 'Specifies the user name; only the password is asked for.',
    },
  },
  outputType: [PS_CREDENTIAL],
  examples: [
    {
      code: '$cred = Get-Credential CONTOSO\\Administrator',
      remarks: 'Asks for the password of CONTOSO\\Administrator and keeps the credential in $cred.',
      interactive: true,
    },
  ],
  related: ['ConvertTo-SecureString', 'Read-Host'],
  async process(params, ctx) {
    const given = params.Credential;
    if (given instanceof PSObject && given.typeNames[0] === PS_CREDENTIAL) {
      ctx.write(given);
      return;
    }
    const user = given !== undefined && given !== null ? toDisplayText(given) : params.UserName;
    const message = params.Message ?? 'Enter your credentials.';
    ctx.write(await ask(ctx, message, user));
  },
});
