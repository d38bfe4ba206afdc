// Write-Error: writes a non-terminating error record. Its FQID is
// `Microsoft.PowerShell.Commands.WriteErrorException` (plus `,<function>` inside a function), and
// its category activity is Write-Error, as in Windows PowerShell 5.1.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { ERROR_CATEGORIES, ErrorRecord } from '../../protocol/errors.js';
import { toDisplayText } from '../../protocol/values.js';


export const WRITE_ERROR_ID = 'Microsoft.PowerShell.Commands.WriteErrorException';

export default defineCmdlet({
  name: 'Write-Error',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Writes an object to the error stream.',
  description:
    'The Write-Error cmdlet writes a non-terminating error: the error is displayed, added to ' +
    '$Error, and the command goes on (unless -ErrorAction Stop or $ErrorActionPreference says ' +
    'otherwise). -ErrorRecord writes an existing error record again.',
  defaultParameterSet: 'NoException',
  parameters: {
    Message: {
      type: 'String',
      aliases: ['Msg'],
      allowNull: true,
      allowEmptyString: true,
      sets: { NoException: { position: 0, mandatory: true, fromPipeline: true } },
      help: 'Specifies the message text of the error.',
    },
    ErrorRecord: {
      type: 'Object',
      sets: { ErrorRecord: { mandatory: true } },
      help: 'Specifies an error record to write.',
    },
    Category: {
      type: 'Enum',
      enum: { typeName: 'System.Management.Automation.ErrorCategory', values: ERROR_CATEGORIES },
      sets: { NoException: {} },
      help: 'Specifies the category of the error.',
      default: 'NotSpecified',
    },
    ErrorId: { type: 'String', sets: { NoException: {} }, help: 'Specifies an ID string for the error.' },
    TargetObject: { type: 'Object', sets: { NoException: {} }, help: 'Specifies the object that was being processed.' },
    RecommendedAction: { type: 'String', sets: { NoException: {} }, help: 'Specifies what the user should do about the error.' },
  },
  examples: [
    {
      code: "Write-Error 'The certificate was not found.' -ErrorAction SilentlyContinue; $Error[0].Exception.Message",
      remarks: 'Writes an error without displaying it, then reads its message from $Error.',
      shows: 'The certificate was not found.',
    },
  ],
  related: ['Write-Warning', 'Write-Output'],
  process(params, ctx) {
    if (params.ErrorRecord instanceof ErrorRecord) {
      ctx.writeError(params.ErrorRecord);
      return;
    }
    const message = toDisplayText(params.Message);
    const category = params.Category;
    const record = ctx.error({
      message,
      errorId: params.ErrorId ?? WRITE_ERROR_ID,
      category,
      exceptionType: 'WriteErrorException',
      targetObject: params.TargetObject ?? undefined,
    });
    // The record belongs to the caller, not to the Write-Error cmdlet: the FQID has no
    // `,Microsoft.PowerShell.Commands.WriteErrorCommand` suffix (at the prompt it has none at
    // all; in a function or script 5.1 appends its name).
    record.commandFullName = ctx.callerName;
    record.activity = 'Write-Error';
    // 5.1's prefix for an error written at the prompt is the script text that ran (`Write-Error
    // 'x' : x`); in a script file it is the script path.
    if (record.invocation) {
      const src = record.invocation.source;
      record.invocation = { ...record.invocation, invocationName: src.file ?? src.text.trim() };
    }
    ctx.writeError(record);
  },
});
