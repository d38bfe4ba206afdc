// $PSCmdlet of an advanced function ([CmdletBinding()] or [Parameter()]): ShouldProcess,
// ShouldContinue, the Write* methods and ThrowTerminatingError, backed by the same
// CommandContext a cmdlet gets, so -WhatIf / -Confirm / -Verbose behave as for cmdlets.

import { ErrorRecord } from '../protocol/errors.js';
import { PSObject, toDisplayText } from '../protocol/values.js';
import type { CommandContext } from './context.js';
import { thrownRecord } from './engine-errors.js';
import type { Pipe } from './runtime.js';
import { CommandTerminatingError } from './signals.js';

const TYPE_NAMES = [
  'System.Management.Automation.PSScriptCmdlet',
  'System.Management.Automation.PSCmdlet',
  'System.Management.Automation.Cmdlet',
  'System.Management.Automation.Internal.InternalCommand',
  'System.Object',
];

export function psCmdletObject(ctx: CommandContext, myInvocation: unknown, output: () => Pipe, functionScope: object): PSObject {
  const o = new PSObject(TYPE_NAMES);
  const text = (v: unknown) => (v === null || v === undefined ? '' : toDisplayText(v));
  o.addProperty({ name: 'ParameterSetName', memberType: 'Property', typeName: 'System.String', get: () => ctx.parameterSetName });
  o.addProperty({ name: 'MyInvocation', memberType: 'Property', get: () => myInvocation });
  o.addMethod({
    name: 'ShouldProcess',
    definition: 'bool ShouldProcess(string target), bool ShouldProcess(string target, string action), bool ShouldProcess(string verboseDescription, string verboseWarning, string caption)',
    invoke: (args) =>
      args.length >= 3 ? ctx.shouldProcessDescription(text(args[0])) : ctx.shouldProcess(text(args[0]), args.length === 2 ? text(args[1]) : undefined),
  });
  o.addMethod({ name: 'ShouldContinue', definition: 'bool ShouldContinue(string query, string caption)', invoke: (args) => ctx.shouldContinue(text(args[0]), text(args[1])) });
  o.addMethod({ name: 'WriteVerbose', definition: 'void WriteVerbose(string text)', invoke: (args) => void ctx.writeVerbose(text(args[0])) });
  o.addMethod({ name: 'WriteWarning', definition: 'void WriteWarning(string text)', invoke: (args) => void ctx.writeWarning(text(args[0])) });
  o.addMethod({ name: 'WriteDebug', definition: 'void WriteDebug(string text)', invoke: (args) => void ctx.writeDebug(text(args[0])) });
  o.addMethod({
    name: 'WriteError',
    definition: 'void WriteError(System.Management.Automation.ErrorRecord errorRecord)',
    invoke: (args) => {
      ctx.writeError(args[0] instanceof ErrorRecord ? args[0] : thrownRecord(args[0]));
      return ctx.flush();
    },
  });
  o.addMethod({
    name: 'WriteObject',
    definition: 'void WriteObject(System.Object sendToPipeline), void WriteObject(System.Object sendToPipeline, bool enumerateCollection)',
    invoke: (args) => {
      ctx.out = output();
      ctx.write(args[0] === undefined ? null : args[0], args[1] === true);
      return ctx.flush();
    },
  });
  o.addMethod({
    name: 'ThrowTerminatingError',
    definition: 'void ThrowTerminatingError(System.Management.Automation.ErrorRecord errorRecord)',
    invoke: (args) => {
      // The record becomes the function's error (its name in the FQID), as WriteError's does.
      throw new CommandTerminatingError(ctx.adopt(args[0] instanceof ErrorRecord ? args[0] : thrownRecord(args[0])), functionScope);
    },
  });
  return o;
}
