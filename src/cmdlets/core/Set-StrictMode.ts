// Set-StrictMode: turns on the coding rules of a language version for the current scope and
// its children. 1: an unset variable is an error (outside strings); 2: also inside strings, a
// property that does not exist, and `f(1,2)` (a command called like a method); 3 / Latest
// (5.1's latest is 3.0): also an index past the end of an array. -Off turns them off.

import { defineCmdlet } from '../../protocol/cmdlet.js';

/** The versions 5.1 accepts: its own and the earlier PowerShell versions. */
const VALID = /^(1|2|3|4|5)(\.0)?$|^5\.1$/;

export default defineCmdlet({
  name: 'Set-StrictMode',
  module: 'Microsoft.PowerShell.Core',
  synopsis: 'Establishes and enforces coding rules in expressions, scripts, and script blocks.',
  description:
    'The Set-StrictMode cmdlet turns strict mode on for the current scope and its child scopes. -Version 1 makes ' +
    'a reference to a variable that was never set an error, except inside strings; -Version 2 also inside strings, ' +
    'and makes a reference to a property that does not exist an error, as is calling a function with method syntax ' +
    '(`f(1,2)`); -Version 3 also an index past the end of an array. -Version Latest is 3.0 in Windows PowerShell 5.1. ' +
    '-Off turns strict mode off.',
  defaultParameterSet: 'Version',
  parameters: {
    Version: {
      type: 'String',
      aliases: ['v'],
      sets: { Version: { mandatory: true } },
      help: 'Specifies the version whose rules apply: 1.0, 2.0, 3.0 or Latest.',
    },
    Off: { type: 'Switch', sets: { Off: { mandatory: true } }, help: 'Turns strict mode off.' },
  },
  outputType: ['None'],
  examples: [
    {
      code: 'Set-StrictMode -Version 1; try { $undefinedThumbprint } catch { $_.FullyQualifiedErrorId }',
      remarks: 'A variable that was never set is an error under strict mode.',
      shows: 'VariableIsUndefined',
    },
    {
      code: "Set-StrictMode -Version 2; $s = [pscustomobject]@{Name='EX01'}; try { $s.Site } catch { $_.FullyQualifiedErrorId }",
      remarks: 'Version 2 also refuses properties that do not exist.',
      shows: 'PropertyNotFoundStrict',
    },
    { code: 'Set-StrictMode -Off; $neverSet -eq $null', remarks: 'Turns strict mode off: an unset variable is $null again.', shows: 'True' },
  ],
  related: ['Set-PSDebug'],
  end(params, ctx) {
    let version = 0;
    if (!params.Off) {
      const text = String(params.Version ?? '').trim();
      if (text.toLowerCase() === 'latest') version = 3;
      else if (VALID.test(text)) version = Math.min(3, Math.trunc(Number(text)));
      else {
        const shown = /^\d+$/.test(text) ? `${text}.0` : text;
        return ctx.fail(
          ctx.error({
            message: `Cannot validate argument on parameter 'Version'. The "${shown}" argument does not contain a valid Windows PowerShell version. Supply a valid version number and then try the command again.`,
            errorId: 'ParameterArgumentValidationError',
            category: 'InvalidData',
            exceptionType: 'ParameterBindingValidationException',
            targetObject: text,
          }),
        );
      }
    }
    ctx.session.setStrictMode?.(version);
  },
});
