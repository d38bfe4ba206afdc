import { describe, expect, it } from 'vitest';
import { testShell } from './helpers.js';
import { CommandBinder, declarationFromParamBlock, type CommandArgument } from '../../src/engine/binder.js';
import type { CmdletDeclaration } from '../../src/protocol/cmdlet.js';
import { ErrorRecord, TerminatingError } from '../../src/protocol/errors.js';
import { PSObject, ScriptBlockValue, SecureString } from '../../src/protocol/values.js';
import type { ExpressionAst, ParameterDeclAst } from '../../grammar/ast.js';

const SERVICES = { typeName: 'Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices', values: ['None', 'IMAP', 'POP', 'UM', 'IIS', 'SMTP'], flags: true };

const enableCert: CmdletDeclaration = {
  name: 'Enable-ExchangeCertificate',
  synopsis: '',
  description: '',
  typeNamespace: 'Microsoft.Exchange.Management.SystemConfigurationTasks',
  defaultParameterSet: 'Thumbprint',
  supportsShouldProcess: true,
  parameters: {
    Thumbprint: { type: 'String', sets: { Thumbprint: { position: 0, mandatory: true, fromPipeline: true, fromPipelineByPropertyName: true } } },
    Identity: { type: 'String', sets: { Identity: { position: 0, mandatory: true, fromPipeline: true } } },
    Services: { type: 'Enum', enum: SERVICES, sets: { __AllParameterSets: { mandatory: true } } },
    Server: { type: 'String', sets: { Thumbprint: {} } },
    DoNotRequireSSL: { type: 'Switch' },
    Force: { type: 'Switch' },
  },
  examples: [],
};

const FULL = 'Microsoft.Exchange.Management.SystemConfigurationTasks.EnableExchangeCertificateCommand';
const source = { text: 'Enable-ExchangeCertificate ...' };
const cmdSpan = { start: 0, end: 30 };

let pos = 0;
function sp(): { start: number; end: number } {
  pos += 5;
  return { start: pos, end: pos + 4 };
}
const P = (name: string, value?: unknown): CommandArgument =>
  value === undefined ? { kind: 'parameter', name, span: sp() } : { kind: 'parameter', name, value, hasColonArgument: true, span: sp() };
const V = (value: unknown): CommandArgument => ({ kind: 'value', value, span: sp() });

function binder(decl: CmdletDeclaration = enableCert, extra: object = {}) {
  return new CommandBinder(decl, { invocationName: decl.name, source, commandSpan: cmdSpan, commandFullName: FULL, ...extra });
}

function bindError(args: CommandArgument[], decl: CmdletDeclaration = enableCert): ErrorRecord {
  try {
    binder(decl).bindArguments(args);
  } catch (e) {
    if (e instanceof TerminatingError) return e.record;
    throw e;
  }
  throw new Error('expected a binding error');
}

describe('named binding', () => {
  it('binds by exact name, prefix and case-insensitively', () => {
    const b = binder();
    b.bindArguments([P('thumb'), V('ABC'), P('SERVICES'), V('iis')]);
    expect(b.params()).toEqual({ Thumbprint: 'ABC', Services: 'IIS' });
    expect(b.parameterSetName()).toBe('Thumbprint');
  });

  it('flags enums from arrays and comma strings, canonical order', () => {
    const b = binder();
    b.bindArguments([V('T'), P('Services'), V(['smtp', 'IIS'])]);
    expect(b.params().Services).toBe('IIS, SMTP');
    const b2 = binder();
    b2.bindArguments([V('T'), P('Services', 'SMTP, iis,POP')]);
    expect(b2.params().Services).toBe('POP, IIS, SMTP');
  });

  it('enum conversion failure has the .NET text under the argument', () => {
    const arg = V('FOO');
    let rec: ErrorRecord | undefined;
    try {
      binder().bindArguments([V('T'), P('Services'), arg]);
    } catch (e) {
      rec = (e as TerminatingError).record;
    }
    expect(rec!.message).toBe(
      'Cannot bind parameter \'Services\'. Cannot convert value "FOO" to type "Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices". Error: "Unable to match the identifier name FOO to a valid enumerator name. Specify one of the following enumerator names and try again:\nNone, IMAP, POP, UM, IIS, SMTP"',
    );
    expect(rec!.fullyQualifiedErrorId).toBe(`CannotConvertArgumentNoMessage,${FULL}`);
    expect(rec!.category).toBe('InvalidArgument');
    expect(rec!.exceptionType).toBe('ParameterBindingException');
    expect(rec!.invocation!.span).toEqual(arg.span);
  });

  it('NamedParameterNotFound under the parameter token', () => {
    const p = P('Bogus');
    let rec: ErrorRecord | undefined;
    try {
      binder().bindArguments([p, V('x')]);
    } catch (e) {
      rec = (e as TerminatingError).record;
    }
    expect(rec!.message).toBe("A parameter cannot be found that matches parameter name 'Bogus'.");
    expect(rec!.errorId).toBe('NamedParameterNotFound');
    expect(rec!.invocation!.span).toEqual(p.span);
  });

  it('a prefix matching one declared and one common parameter picks the declared one', () => {
    // -D matches DoNotRequireSSL (declared) and Debug (common)
    const b = binder();
    b.bindArguments([V('T'), P('Services'), V('IIS'), P('D')]);
    expect(b.params().DoNotRequireSSL).toBe(true);
  });

  it('AmbiguousParameter among declared parameters', () => {
    const decl: CmdletDeclaration = { ...enableCert, parameters: { Certificate: { type: 'String' }, CertificateThumbprint: { type: 'String' } } };
    const rec = bindError([P('Cert'), V('x')], decl);
    expect(rec.message).toBe("Parameter cannot be processed because the parameter name 'Cert' is ambiguous. Possible matches include: -Certificate -CertificateThumbprint.");
    expect(rec.errorId).toBe('AmbiguousParameter');
  });

  it('common parameters ambiguity: -O matches OutVariable and OutBuffer', () => {
    const rec = bindError([P('O'), V('x')]);
    expect(rec.message).toBe("Parameter cannot be processed because the parameter name 'O' is ambiguous. Possible matches include: -OutVariable -OutBuffer.");
  });

  it('exact match wins over prefix', () => {
    const decl: CmdletDeclaration = { ...enableCert, parameters: { Name: { type: 'String' }, NameSpace: { type: 'String' } } };
    const b = binder(decl);
    b.bindArguments([P('name'), V('a')]);
    expect(b.params()).toEqual({ Name: 'a' });
  });

  it('aliases bind', () => {
    const decl: CmdletDeclaration = { ...enableCert, parameters: { Path: { type: 'String[]', aliases: ['PSPath'] } } };
    const b = binder(decl);
    b.bindArguments([P('pspath'), V('c:\\x')]);
    expect(b.params()).toEqual({ Path: ['c:\\x'] });
  });

  it('switches take no value; -Switch:$false', () => {
    const b = binder();
    b.bindArguments([V('T'), P('Force'), P('Services'), V('IIS'), P('DoNotRequireSSL', false)]);
    expect(b.params()).toEqual({ Thumbprint: 'T', Force: true, Services: 'IIS', DoNotRequireSSL: false });
  });

  it('-Switch $false leaves $false positional', () => {
    const rec = bindError([P('Force'), V(false), V('T'), P('Services'), V('IIS')]);
    expect(rec.message).toBe("A positional parameter cannot be found that accepts argument 'T'.");
  });

  it('MissingArgument with the .NET type name', () => {
    let rec = bindError([P('Thumbprint')]);
    expect(rec.message).toBe("Missing an argument for parameter 'Thumbprint'. Specify a parameter of type 'System.String' and try again.");
    rec = bindError([P('Thumbprint'), P('Force')]);
    expect(rec.errorId).toBe('MissingArgument');
    rec = bindError([P('Services')]);
    expect(rec.message).toBe(
      "Missing an argument for parameter 'Services'. Specify a parameter of type 'Microsoft.Exchange.Management.SystemConfigurationTasks.AllowedServices' and try again.",
    );
  });

  it('a dash word that is no parameter is consumed as a value', () => {
    const b = binder();
    b.bindArguments([P('Thumbprint'), P('notaparam'), P('Services'), V('IIS')]);
    expect(b.params().Thumbprint).toBe('-notaparam');
  });

  it('ParameterAlreadyBound', () => {
    const rec = bindError([P('Thumbprint'), V('a'), P('Thumbprint'), V('b')]);
    expect(rec.message).toBe(
      'Cannot bind parameter because parameter \'Thumbprint\' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".',
    );
  });

  it('common parameters are recorded, -ErrorAction validated as enum', () => {
    const b = binder();
    b.bindArguments([V('T'), P('Services'), V('IIS'), P('ea'), V('stop'), P('Verbose'), P('WhatIf'), P('ev'), V('err')]);
    expect(b.common()).toEqual({ errorAction: 'Stop', verbose: true, whatIf: true, errorVariable: 'err' });
    expect(b.params()).toEqual({ Thumbprint: 'T', Services: 'IIS' });
    expect([...b.boundNames()].sort()).toEqual(['ErrorAction', 'ErrorVariable', 'Services', 'Thumbprint', 'Verbose', 'WhatIf']);
    const rec = bindError([P('ErrorAction'), V('Sometimes')]);
    expect(rec.message).toContain('Cannot bind parameter \'ErrorAction\'. Cannot convert value "Sometimes" to type "System.Management.Automation.ActionPreference".');
  });

  it('-WhatIf only with supportsShouldProcess', () => {
    const decl: CmdletDeclaration = { ...enableCert, supportsShouldProcess: false };
    const rec = bindError([P('WhatIf')], decl);
    expect(rec.message).toBe("A parameter cannot be found that matches parameter name 'WhatIf'.");
  });
});

describe('positional binding and parameter sets', () => {
  it('binds position 0 of the default set', () => {
    const b = binder();
    b.bindArguments([V('ABC'), P('Services'), V('IIS')]);
    expect(b.params()).toEqual({ Thumbprint: 'ABC', Services: 'IIS' });
    expect(b.parameterSetName()).toBe('Thumbprint');
  });

  it('named parameter of another set selects it', () => {
    const b = binder();
    b.bindArguments([P('Identity'), V('EX01\\ABC'), P('Services'), V('IIS')]);
    expect(b.parameterSetName()).toBe('Identity');
  });

  it('AmbiguousParameterSet for incompatible named parameters, under the whole command', () => {
    const rec = bindError([P('Identity'), V('x'), P('Server'), V('EX01')]);
    expect(rec.message).toBe('Parameter set cannot be resolved using the specified named parameters.');
    expect(rec.invocation!.span).toEqual(cmdSpan);
    expect(rec.fullyQualifiedErrorId).toBe(`AmbiguousParameterSet,${FULL}`);
  });

  it('PositionalParameterNotFound with the argument text', () => {
    const rec = bindError([V('a'), V('b')]);
    expect(rec.message).toBe("A positional parameter cannot be found that accepts argument 'b'.");
    expect(rec.invocation!.span).toEqual(cmdSpan);
    const rec2 = bindError([V('a'), V([1, 2])]);
    expect(rec2.message).toBe("A positional parameter cannot be found that accepts argument 'System.Object[]'.");
  });

  it('prefers binding without coercion across sets', () => {
    const decl: CmdletDeclaration = {
      name: 'Test-It', synopsis: '', description: '', examples: [], defaultParameterSet: 'A',
      parameters: {
        Dec: { type: 'String', sets: { A: { position: 0 } } },
        Num: { type: 'Int32', sets: { B: { position: 0 } } },
      },
    };
    let b = binder(decl);
    b.bindArguments([V(42)]);
    expect(b.params()).toEqual({ Num: 42 });
    expect(b.parameterSetName()).toBe('B');
    b = binder(decl);
    b.bindArguments([V('42')]);
    expect(b.params()).toEqual({ Dec: '42' });
  });

  it('ValueFromRemainingArguments takes the rest', () => {
    const decl: CmdletDeclaration = {
      name: 'Write-Output', synopsis: '', description: '', examples: [],
      parameters: { InputObject: { type: 'PSObject[]', sets: { __AllParameterSets: { position: 0, fromRemainingArguments: true, fromPipeline: true } } } },
    };
    const b = binder(decl);
    b.bindArguments([V(1), V('a'), V(3)]);
    expect(b.params()).toEqual({ InputObject: [1, 'a', 3] });
  });
});

describe('conversion while binding', () => {
  const decl: CmdletDeclaration = {
    name: 'Set-Thing', synopsis: '', description: '', examples: [],
    parameters: {
      Count: { type: 'Int32' },
      Name: { type: 'String' },
      Names: { type: 'String[]' },
      Enabled: { type: 'Boolean' },
      Data: { type: 'Byte[]' },
      When: { type: 'DateTime' },
      Password: { type: 'SecureString' },
      Script: { type: 'ScriptBlock' },
      Mode: { type: 'String', validateSet: ['Fast', 'Slow'] },
      Size: { type: 'Int32', validateRange: [1, 10] },
      Label: { type: 'String', validateNotNullOrEmpty: true },
    },
  };

  it('converts strings to Int32, wraps scalars into arrays, byte[] from numbers', () => {
    const b = binder(decl);
    b.bindArguments([P('Count'), V('12'), P('Names'), V('a'), P('Data'), V([1, 2, 255]), P('When'), V('1/31/2024')]);
    const p = b.params();
    expect(p.Count).toBe(12);
    expect(p.Names).toEqual(['a']);
    expect(p.Data).toEqual(new Uint8Array([1, 2, 255]));
    expect((p.When as Date).getFullYear()).toBe(2024);
  });

  it('String from numbers and arrays of one', () => {
    const b = binder(decl);
    b.bindArguments([P('Name'), V(5)]);
    expect(b.params().Name).toBe('5');
  });

  it('Int32 conversion failure text', () => {
    const rec = bindError([P('Count'), V('abc')], decl);
    expect(rec.message).toBe('Cannot bind parameter \'Count\'. Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."');
    expect(rec.errorId).toBe('CannotConvertArgumentNoMessage');
  });

  it('String parameter given an array', () => {
    const rec = bindError([P('Name'), V(['a', 'b'])], decl);
    expect(rec.message).toBe("Cannot convert 'System.Object[]' to the type 'System.String' required by parameter 'Name'. Specified method is not supported.");
    expect(rec.errorId).toBe('CannotConvertArgument');
  });

  it('Boolean accepts only bool and numbers', () => {
    const b = binder(decl);
    b.bindArguments([P('Enabled'), V(0)]);
    expect(b.params().Enabled).toBe(false);
    const rec = bindError([P('Enabled'), V('yes')], decl);
    expect(rec.message).toBe(
      'Cannot bind parameter \'Enabled\'. Cannot convert value "System.String" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.',
    );
  });

  it('SecureString and ScriptBlock only from their own types', () => {
    const b = binder(decl);
    const ss = new SecureString('x');
    const sb = new ScriptBlockValue(null, ' 1 ');
    b.bindArguments([P('Password'), V(ss), P('Script'), V(sb)]);
    expect(b.params()).toEqual({ Password: ss, Script: sb });
    const rec = bindError([P('Password'), V('secret')], decl);
    expect(rec.message).toBe('Cannot bind parameter \'Password\'. Cannot convert the "secret" value of type "System.String" to type "System.Security.SecureString".');
  });

  it('ValidateSet, ValidateRange, ValidateNotNullOrEmpty', () => {
    let rec = bindError([P('Mode'), V('Medium')], decl);
    expect(rec.message).toBe(
      'Cannot validate argument on parameter \'Mode\'. The argument "Medium" does not belong to the set "Fast,Slow" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.',
    );
    expect(rec.category).toBe('InvalidData');
    expect(rec.exceptionType).toBe('ParameterBindingValidationException');
    expect(rec.errorId).toBe('ParameterArgumentValidationError');
    rec = bindError([P('Size'), V(11)], decl);
    expect(rec.message).toBe(
      "Cannot validate argument on parameter 'Size'. The 11 argument is greater than the maximum allowed range of 10. Supply an argument that is less than or equal to 10 and then try the command again.",
    );
    rec = bindError([P('Size'), V(0)], decl);
    expect(rec.message).toContain('The 0 argument is less than the minimum allowed range of 1.');
    rec = bindError([P('Label'), V('')], decl);
    expect(rec.message).toBe(
      "Cannot validate argument on parameter 'Label'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.",
    );
    const b = binder(decl);
    b.bindArguments([P('Mode'), V('fast')]);
    expect(b.params().Mode).toBe('fast');
  });

  it('null and empty string for mandatory parameters', () => {
    let rec = bindError([V(null)]);
    expect(rec.message).toBe("Cannot bind argument to parameter 'Thumbprint' because it is null.");
    expect(rec.fullyQualifiedErrorId).toBe(`ParameterArgumentValidationErrorNullNotAllowed,${FULL}`);
    rec = bindError([P('Thumbprint'), V('')]);
    expect(rec.message).toBe("Cannot bind argument to parameter 'Thumbprint' because it is an empty string.");
  });
});

describe('mandatory parameters', () => {
  it('lists missing mandatory parameters, excluding pipeline ones when input is expected', () => {
    const b = binder();
    b.bindArguments([]);
    expect(b.missingMandatory(false).map((m) => m.name)).toEqual(['Thumbprint', 'Services']);
    expect(b.missingMandatory(true).map((m) => m.name)).toEqual(['Services']);
  });

  it('checkMandatory throws MissingMandatoryParameter', () => {
    const b = binder();
    b.bindArguments([V('T')]);
    let rec: ErrorRecord | undefined;
    try {
      b.checkMandatory(false);
    } catch (e) {
      rec = (e as TerminatingError).record;
    }
    expect(rec!.message).toBe('Cannot process command because of one or more missing mandatory parameters: Services.');
    expect(rec!.errorId).toBe('MissingMandatoryParameter');
  });

  it('bindPrompted fills values with conversion', () => {
    const b = binder();
    b.bindArguments([V('T')]);
    b.bindPrompted({ Services: 'iis' });
    expect(b.missingMandatory(false)).toEqual([]);
    expect(b.params().Services).toBe('IIS');
  });
});

describe('pipeline binding', () => {
  it('by value without coercion', () => {
    const b = binder();
    b.bindArguments([P('Services'), V('IIS')]);
    b.checkMandatory(true);
    const r = b.bindPipelineObject('ABCDEF');
    expect(r).toEqual({ params: { Services: 'IIS', Thumbprint: 'ABCDEF' }, parameterSet: 'Thumbprint' });
  });

  it('by property name (alias too)', () => {
    const b = binder();
    b.bindArguments([P('Services'), V('SMTP')]);
    const cert = new PSObject(['Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate', 'System.Object']);
    cert.addNote('Thumbprint', 'AA11');
    cert.addNote('Subject', 'CN=x');
    const r = b.bindPipelineObject(cert);
    expect(r).toEqual({ params: { Services: 'SMTP', Thumbprint: 'AA11' }, parameterSet: 'Thumbprint' });
  });

  it('InputObjectNotBound when nothing binds', () => {
    const decl: CmdletDeclaration = { name: 'Get-Date', synopsis: '', description: '', examples: [], parameters: { Format: { type: 'String' } } };
    const b = binder(decl);
    b.bindArguments([]);
    const r = b.bindPipelineObject(5);
    expect(r).toBeInstanceOf(ErrorRecord);
    const rec = r as ErrorRecord;
    expect(rec.message).toBe(
      'The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.',
    );
    expect(rec.errorId).toBe('InputObjectNotBound');
    expect(rec.targetObject).toBe(5);
  });

  it('by value with coercion after by-property-name', () => {
    const decl: CmdletDeclaration = {
      name: 'Test-Num', synopsis: '', description: '', examples: [],
      parameters: { Value: { type: 'Int32', sets: { __AllParameterSets: { fromPipeline: true } } } },
    };
    const b = binder(decl);
    b.bindArguments([]);
    expect(b.bindPipelineObject('42')).toEqual({ params: { Value: 42 }, parameterSet: '__AllParameterSets' });
    expect(b.bindPipelineObject('x')).toBeInstanceOf(ErrorRecord);
  });

  it('object parameter binds anything, 200k objects in a row (the time: npm run bench)', () => {
    const decl: CmdletDeclaration = {
      name: 'ForEach-Object', synopsis: '', description: '', examples: [], defaultParameterSet: 'ScriptBlockSet',
      parameters: {
        InputObject: { type: 'PSObject', sets: { __AllParameterSets: { fromPipeline: true } } },
        Process: { type: 'ScriptBlock[]', sets: { ScriptBlockSet: { position: 0, mandatory: true } } },
        MemberName: { type: 'String', sets: { PropertyAndMethodSet: { position: 0, mandatory: true } } },
      },
    };
    const b = binder(decl);
    const sb = new ScriptBlockValue(null, '$_');
    b.bindArguments([V(sb)]);
    b.checkMandatory(true);
    let last: unknown;
    for (let i = 0; i < 200_000; i++) last = b.bindPipelineObject(i);
    expect(last).toEqual({ params: { Process: [sb], InputObject: 199_999 }, parameterSet: 'ScriptBlockSet' });
  });
});

describe('declarationFromParamBlock', () => {
  const span = { start: 0, end: 0 };
  const c = (value: unknown): ExpressionAst => ({ kind: 'Constant', span, value: value as number, numberType: 'Int32' });
  const evalConstant = (e: ExpressionAst) => (e as { value: unknown }).value;
  const param = (name: string, type?: string, attributes: ParameterDeclAst['attributes'] = []): ParameterDeclAst => ({
    kind: 'ParameterDecl', span, name, type: type ? { kind: 'TypeName', span, name: type } : undefined, attributes,
  });

  it('positions in declaration order, switches not positional, types mapped', () => {
    const d = declarationFromParamBlock([param('Name', 'string'), param('Force', 'switch'), param('Count', 'int'), param('Any')], evalConstant);
    expect(d.Name).toEqual({ type: 'String', sets: { __AllParameterSets: { position: 0 } } });
    expect(d.Force).toEqual({ type: 'Switch' });
    expect(d.Count).toEqual({ type: 'Int32', sets: { __AllParameterSets: { position: 1 } } });
    expect(d.Any!.type).toBe('Object');
  });

  it('Parameter attributes, Alias, ValidateSet', () => {
    const d = declarationFromParamBlock(
      [
        param('Path', 'string[]', [
          { kind: 'Attribute', span, name: 'Parameter', positional: [], named: [{ name: 'Mandatory', span }, { name: 'ValueFromPipeline', span, value: c(true) }, { name: 'Position', span, value: c(0) }] },
          { kind: 'Attribute', span, name: 'Alias', positional: [c('PSPath')], named: [] },
        ]),
        param('Mode', 'string', [{ kind: 'Attribute', span, name: 'ValidateSet', positional: [c('A'), c('B')], named: [] }]),
      ],
      evalConstant,
    );
    expect(d.Path).toEqual({ type: 'String[]', aliases: ['PSPath'], sets: { __AllParameterSets: { position: 0, mandatory: true, fromPipeline: true } } });
    expect(d.Mode).toEqual({ type: 'String', validateSet: ['A', 'B'] });
  });

  it('functions: unbound arguments go to $args; switch given $null is $false', () => {
    const parameters = declarationFromParamBlock([param('A'), param('S', 'switch')], evalConstant);
    const decl: CmdletDeclaration = { name: 'f', synopsis: '', description: '', examples: [], parameters };
    const b = new CommandBinder(decl, { invocationName: 'f', source, commandSpan: cmdSpan, commandFullName: 'f', isFunction: true, allowUnboundArguments: true });
    b.bindArguments([V(1), V(2), P('zz'), P('S', null)]);
    expect(b.params()).toEqual({ A: 1, S: false });
    expect(b.unboundArguments()).toEqual([2, '-zz']);
    const b2 = new CommandBinder(decl, { invocationName: 'f', source, commandSpan: cmdSpan, commandFullName: 'f', isFunction: true, allowUnboundArguments: true });
    b2.bindArguments([P('zz'), V(1)]);
    expect(b2.params()).toEqual({ A: '-zz' });
    expect(b2.unboundArguments()).toEqual([1]);
  });
});

describe('ActionPreference Suspend', () => {
  it('-ErrorAction Suspend on a cmdlet is refused (workflows only): ParameterBindingFailed', async () => {
    const r = await testShell().eval("Fail-Item a -ErrorAction Suspend; 'next'");
    expect(r.errors.map((e) => [e.errorId, e.exceptionType])).toEqual([['ParameterBindingFailed', 'ParameterBindingException']]);
    expect(r.output).toEqual(['next']);
  });
});
