// ConvertTo-SecureString: plain text to a SecureString (-AsPlainText needs -Force in 5.1).
// Encrypted standard strings (DPAPI, -Key) cannot exist in the lab, so they are refused.

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { SecureString, toDisplayText } from '../../protocol/values.js';

export default defineCmdlet({
  name: 'ConvertTo-SecureString',
  module: 'Microsoft.PowerShell.Security',
  synopsis: 'Converts plain text or encrypted strings to secure strings.',
  description:
    'The ConvertTo-SecureString cmdlet converts a string to a SecureString, the type that ' +
    'password parameters (such as the -Password of Import-ExchangeCertificate and ' +
    'Export-ExchangeCertificate) take. Plain text needs both -AsPlainText and -Force. The lab ' +
    'has no Windows data protection, so encrypted standard strings are not supported.',
  defaultParameterSet: 'Secure',
  parameters: {
    String: {
      type: 'String',
      sets: { [ALL_SETS]: { position: 0, mandatory: true, fromPipeline: true } },
      help: 'Specifies the string to convert.',
    },
    AsPlainText: { type: 'Switch', sets: { PlainText: { position: 1 } }, help: 'Takes the string as plain text.' },
    Force: { type: 'Switch', sets: { PlainText: { position: 2 } }, help: 'Confirms that you understand that plain text is not protected.' },
    SecureKey: { type: 'SecureString', sets: { Secure: { position: 1 } }, help: 'Specifies the key of an encrypted standard string.' },
    Key: { type: 'Byte[]', sets: { Open: {} }, help: 'Specifies the AES key of an encrypted standard string.' },
  },
  outputType: ['System.Security.SecureString'],
  examples: [
    {
      code: "$pw = ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force; $pw",
      remarks: 'Makes a SecureString for a PFX password. It displays as its type name, never as the text.',
      shows: 'System.Security.SecureString',
    },
  ],
  related: ['Get-Credential', 'Read-Host'],
  process(params, ctx) {
    const text = toDisplayText(params.String);
    if (params.AsPlainText) {
      if (!params.Force) {
        ctx.fail(
          ctx.error({
            message:
              'The system cannot protect plain text input. To suppress this warning and convert the plain text to a SecureString, reissue the command specifying the Force parameter. For more information ,type: get-help ConvertTo-SecureString.',
            errorId: 'ImportSecureString_InvalidArgument',
            category: 'InvalidArgument',
            exceptionType: 'ArgumentException',
          }),
        );
      }
      ctx.write(new SecureString(text));
      return;
    }
    // Without -AsPlainText the input must be an encrypted standard string; the lab has none.
    ctx.writeError(
      ctx.error({
        message: 'Input string was not in a correct format.',
        errorId: 'ImportSecureString_InvalidArgument_CryptographicError',
        category: 'InvalidArgument',
        exceptionType: 'CryptographicException',
        targetObject: text,
      }),
    );
  },
});
