// Write-Error: writes a non-terminating error record. Its FQID is
// `Microsoft.PowerShell.Commands.WriteErrorException` (plus `,<function>` inside a function), and
// its category activity is Write-Error, as in Windows PowerShell 5.1.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { ERROR_CATEGORIES, ErrorRecord } from '../../protocol/errors.js';
import { exceptionFullName, exceptionInfoOf } from '../../protocol/convert.js';
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
      sets: { NoException: { position: 0, mandatory: true, fromPipeline: true }, WithException: {} },
      help: 'Specifies the message text of the error.',
    },
    Exception: {
      type: 'Object',
      convertTo: 'System.Exception',
      netType: 'System.Exception',
      sets: { WithException: { position: 0, mandatory: true } },
      help: 'Specifies an exception to write as the error (its type and message; -Message replaces the message).',
    },
    ErrorRecord: {
      type: 'Object',
      convertTo: 'System.Management.Automation.ErrorRecord',
      netType: 'System.Management.Automation.ErrorRecord',
      sets: { ErrorRecord: { position: 0, mandatory: true } },
      help: 'Specifies an error record to write.',
    },
    Category: {
      type: 'Enum',
      enum: { typeName: 'System.Management.Automation.ErrorCategory', values: ERROR_CATEGORIES },
      sets: { NoException: {}, WithException: {} },
      help: 'Specifies the category of the error.',
      default: 'NotSpecified',
    },
    ErrorId: { type: 'String', sets: { NoException: {}, WithException: {} }, help: 'Specifies an ID string for the error.' },
    TargetObject: { type: 'Object', sets: { NoException: {}, WithException: {} }, help: 'Specifies the object that was being processed.' },
    RecommendedAction: { type: 'String', help: 'Specifies what the user should do about the error.' },
    CategoryActivity: { type: 'String', aliases: ['Activity'], help: 'Specifies the action that caused the error (CategoryInfo.Activity).' },
    CategoryReason: { type: 'String', aliases: ['Reason'], help: 'Specifies why the activity caused the error (CategoryInfo.Reason).' },
    CategoryTargetName: { type: 'String', aliases: ['TargetName'], help: 'Specifies the name of the object that was being processed (CategoryInfo.TargetName).' },
    CategoryTargetType: { type: 'String', aliases: ['TargetType'], help: 'Specifies the type of the object that was being processed (CategoryInfo.TargetType).' },
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
    // -Category* set the record's CategoryInfo fields (on a copy of an -ErrorRecord).
    const categorize = (r: ErrorRecord) => {
      if (params.CategoryActivity !== undefined && params.CategoryActivity !== null) r.activity = params.CategoryActivity;
      if (params.CategoryReason !== undefined && params.CategoryReason !== null) r.reason = params.CategoryReason;
      if (params.CategoryTargetName !== undefined && params.CategoryTargetName !== null) r.targetName = params.CategoryTargetName;
      if (params.CategoryTargetType !== undefined && params.CategoryTargetType !== null) r.targetType = params.CategoryTargetType;
      return r;
    };
    if (params.ErrorRecord instanceof ErrorRecord) {
      const given = params.ErrorRecord;
      const changes = ['CategoryActivity', 'CategoryReason', 'CategoryTargetName', 'CategoryTargetType'].some((n) => ctx.bound.has(n));
      ctx.writeError(changes ? categorize(given.copy()) : given);
      return;
    }
    // -Exception: that exception (anything else as an Exception made from its text, as .NET's
    // Exception(string) constructor); the error id defaults to the exception's full type name.
    const given = params.Exception;
    const exception = given === undefined || given === null ? undefined : (exceptionInfoOf(given) ?? { type: 'Exception', message: toDisplayText(given) });
    // With -Exception, -Message becomes the record's ErrorDetails (shown instead of the
    // exception's message); the exception keeps its own message and members.
    const detail = exception && params.Message ? params.Message : undefined;
    const message = detail ?? (exception ? exception.message : toDisplayText(params.Message));
    const category = params.Category;
    const record = ctx.error({
      message,
      errorId: params.ErrorId || (exception ? exceptionFullName(exception.type) : WRITE_ERROR_ID),
      category,
      exceptionType: exception?.type ?? 'WriteErrorException',
      innerException: exception?.inner,
      targetObject: params.TargetObject ?? undefined,
      errorDetails: detail === undefined ? undefined : { message: detail, recommendedAction: '' },
      exceptionObject: exceptionInfoOf(given) ? given : undefined,
    });
    if (params.RecommendedAction) {
      record.errorDetails = { message: record.errorDetails?.message ?? record.message, recommendedAction: params.RecommendedAction };
    }
    // The record belongs to the caller, not to the Write-Error cmdlet: the FQID has no
    // `,Microsoft.PowerShell.Commands.WriteErrorCommand` suffix (at the prompt it has none at
    // all; in a function or script 5.1 appends its name).
    record.commandFullName = ctx.callerName;
    record.activity = 'Write-Error';
    categorize(record);
    // 5.1's prefix for an error written at the prompt is the script text that ran (`Write-Error
    // 'x' : x`); in a script file it is the script path.
    if (record.invocation) {
      const src = record.invocation.source;
      record.invocation = { ...record.invocation, invocationName: src.file ?? src.text.trim() };
    }
    ctx.writeError(record);
  },
});
