// New-Object: the .NET types lab scripts create. PSObject (with -Property), PSCredential (user
// name + SecureString) and DateTime here; StringBuilder, ArrayList, List[T], Hashtable and
// X509Certificate2 through the engine's constructors (ctx.construct, the same as `[T]::new()`).
// Any other type fails as an unloaded type does; -ComObject fails as on a machine with no COM class registered.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { PSObject, SecureString, toDisplayText } from '../../protocol/values.js';
import { newCredential } from './Get-Credential.js';
import { setMember } from '../../protocol/members.js';
import { TerminatingError } from '../../protocol/errors.js';
import type { CmdletContext } from '../../protocol/cmdlet.js';

/** The engine's constructors; a constructor that throws is ConstructorInvokedThrowException. */
async function constructed(ctx: CmdletContext, type: string, args: unknown[]): Promise<unknown> {
  try {
    return await ctx.construct?.(type, args);
  } catch (e) {
    if (!(e instanceof TerminatingError)) throw e;
    const r = e.record;
    return ctx.fail(
      ctx.error({
        message: r.message
          .replace(/^Exception calling "new"/, 'Exception calling ".ctor"')
          .replace(/^Cannot find an overload for "new"/, `Cannot find an overload for "${type.slice(type.lastIndexOf('.') + 1)}"`),
        errorId: 'ConstructorInvokedThrowException',
        category: 'InvalidOperation',
        exceptionType: r.exceptionType === 'MethodException' ? 'MethodException' : 'MethodInvocationException',
        targetObject: r.targetObject,
      }),
    );
  }
}

// [pscustomobject] is an accelerator for PSObject; the PSCustomObject class itself has no public constructor.
/** Sets a member of a plain value (a list, a hashtable); false when it has no such settable member. */
function trySetMember(obj: unknown, name: string, value: unknown): boolean {
  try {
    setMember(obj, name, value);
    return true;
  } catch {
    return false;
  }
}

const PSOBJECT = ['psobject', 'system.management.automation.psobject', 'pscustomobject', 'object', 'system.object'];
const NO_CONSTRUCTOR = ['system.management.automation.pscustomobject'];
const CREDENTIAL = ['pscredential', 'system.management.automation.pscredential'];
const DATETIME = ['datetime', 'system.datetime'];

export default defineCmdlet({
  name: 'New-Object',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Creates an instance of a Microsoft .NET Framework or COM object.',
  description:
    'The New-Object cmdlet creates an object. emsh knows the types lab scripts need: PSObject ' +
    '(with -Property, a hash table of property names and values), ' +
    'System.Management.Automation.PSCredential (a user name and a SecureString password) and ' +
    'System.DateTime (year, month, day and optionally hour, minute, second), System.Text.StringBuilder, ' +
    'System.Collections.ArrayList, System.Collections.Generic.List[T], System.Collections.Hashtable, System.Management.Automation.Host.Coordinates and ' +
    'System.Security.Cryptography.X509Certificates.X509Certificate2 (a .cer, .p7b or .pfx file on the lab drive, ' +
    'with its password, or the certificate\'s bytes). -Property sets properties of the new object.',
  defaultParameterSet: 'Net',
  parameters: {
    TypeName: {
      type: 'String',
      sets: { Net: { position: 0, mandatory: true } },
      help: 'Specifies the full name of the .NET type.',
    },
    ArgumentList: {
      type: 'Object[]',
      aliases: ['Args'],
      sets: { Net: { position: 1 } },
      help: 'Specifies the arguments of the constructor.',
    },
    ComObject: {
      type: 'String',
      sets: { Com: { position: 0, mandatory: true } },
      help: 'Specifies the programmatic identifier (ProgID) of a COM object. The lab machines have no COM classes registered.',
    },
    Strict: { type: 'Switch', sets: { Com: {} }, help: 'Reports an error when a COM object uses an interop assembly.' },
    Property: { type: 'Hashtable', help: 'Sets property values of the new object.' },
  },
  outputType: ['System.Object'],
  examples: [
    {
      code: "New-Object PSObject -Property @{ Server = 'EX01' }",
      remarks: 'Creates an object with a Server property.',
      shows: 'EX01',
    },
    {
      code: "$pw = ConvertTo-SecureString 'P@ss1' -AsPlainText -Force; $cred = New-Object System.Management.Automation.PSCredential -ArgumentList 'CONTOSO\\admin', $pw; $cred.UserName",
      remarks: 'Creates a credential without a prompt.',
      shows: 'CONTOSO\\admin',
    },
    {
      code: '$list = New-Object System.Collections.ArrayList; [void]$list.Add("EX01"); [void]$list.Add("EX02"); $list.Count',
      remarks: 'An ArrayList grows with Add (which returns the new index: [void] discards it).',
      shows: '2',
    },
    {
      setup: '$c = Get-ExchangeCertificate | Select-Object -First 1; [IO.File]::WriteAllBytes("C:\\ex.cer", $c.RawData)',
      code: '$x = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2 C:\\ex.cer; $x.Thumbprint -eq $c.Thumbprint',
      remarks: 'Reads a certificate file from the lab drive (for a .pfx, give the password as a second argument).',
      shows: 'True',
    },
  ],
  related: ['Get-Credential', 'Select-Object'],
  async process(params, ctx) {
    if (params.ComObject !== undefined) {
      // No COM class is registered on the lab machines: every ProgID is an unknown class, as on Windows.
      return ctx.fail(
        ctx.error({
          message:
            'Retrieving the COM class factory for component with CLSID {00000000-0000-0000-0000-000000000000} failed due to the following error: 80040154 Class not registered (Exception from HRESULT: 0x80040154 (REGDB_E_CLASSNOTREG)).',
          errorId: 'NoCOMClassIdentified',
          category: 'ResourceUnavailable',
          exceptionType: 'COMException',
          targetObject: params.ComObject,
        }),
      );
    }
    const type = String(params.TypeName);
    const lower = type.toLowerCase();
    const args = params.ArgumentList ?? [];
    const props = params.Property;
    const ctorError = (count: number) =>
      ctx.fail(
        ctx.error({
          message: `Cannot find an overload for "${type.slice(type.lastIndexOf('.') + 1)}" and the argument count: "${count}".`,
          errorId: 'ConstructorInvokedThrowException',
          category: 'InvalidOperation',
          exceptionType: 'MethodException',
        }),
      );
    let obj: unknown;
    if (NO_CONSTRUCTOR.includes(lower)) {
      ctx.fail(
        ctx.error({
          message: `A constructor was not found. Cannot find an appropriate constructor for type ${type}.`,
          errorId: 'CannotFindAppropriateCtor',
          category: 'ObjectNotFound',
          exceptionType: 'PSArgumentException',
        }),
      );
    }
    if (PSOBJECT.includes(lower)) {
      obj = new PSObject();
    } else if (CREDENTIAL.includes(lower)) {
      if (args.length !== 2 || !(args[1] instanceof SecureString)) ctorError(args.length);
      obj = newCredential(toDisplayText(args[0]), args[1] as SecureString);
    } else if (DATETIME.includes(lower)) {
      const n = args.map((a) => Number(a));
      if (![3, 6, 7].includes(n.length) || n.some((x) => !Number.isInteger(x))) ctorError(args.length);
      obj = new Date(n[0], n[1] - 1, n[2], n[3] ?? 0, n[4] ?? 0, n[5] ?? 0, n[6] ?? 0);
    } else {
      obj = await constructed(ctx, type, args);
    }
    if (obj === undefined) {
      ctx.fail(
        ctx.error({
          message: `Cannot find type [${type}]: verify that the assembly containing this type is loaded.`,
          errorId: 'TypeNotFound',
          category: 'InvalidType',
          exceptionType: 'PSArgumentException',
        }),
      );
    }
    if (props) {
      // -Property sets existing settable properties; on a PSObject the others become notes, as 5.1
      // does; on another object a name it does not have stops the command (5.1's MemberNotFound).
      for (const [k, v] of props.entries()) {
        const name = toDisplayText(k);
        const existing = obj instanceof PSObject ? obj.property(name) : undefined;
        if (existing?.set) {
          try {
            existing.set(v);
          } catch {
            ctx.fail(
              ctx.error({
                message: 'The value supplied is not valid, or the property is read-only. Change the value, and then try again.',
                errorId: 'SetValueException',
                category: 'InvalidData',
                exceptionType: 'Exception',
              }),
            );
          }
        } else if (obj instanceof PSObject && PSOBJECT.includes(lower)) {
          obj.addNote(name, v);
        } else if (obj instanceof PSObject || !trySetMember(obj, name, v)) {
          ctx.fail(
            ctx.error({
              message: `The member "${name}" was not found for the specified .NET object.`,
              errorId: 'InvalidOperationException',
              category: 'InvalidOperation',
              exceptionType: 'InvalidOperationException',
            }),
          );
        }
      }
    }
    ctx.write(obj);
  },
});
