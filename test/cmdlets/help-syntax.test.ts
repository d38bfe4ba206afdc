// Syntax lines and help layout derived from declarations (no members/engine needed).
import { describe, expect, it } from 'vitest';
import { ALL_SETS, defineCmdlet } from '../../src/protocol/cmdlet.js';
import { helpLines, parameterHelpLines, shortTypeName, syntaxLines } from '../../src/cmdlets/core/help-text.js';

const sample = defineCmdlet({
  name: 'Enable-Thing',
  synopsis: 'Enables a thing.',
  description: 'The Enable-Thing cmdlet enables a thing for services.',
  defaultParameterSet: 'Thumbprint',
  supportsShouldProcess: true,
  parameters: {
    Thumbprint: {
      type: 'String',
      sets: { Thumbprint: { position: 0, mandatory: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the thumbprint.',
    },
    Instance: { type: 'Object', sets: { Instance: { position: 0, mandatory: true, fromPipeline: true } }, help: 'Specifies the object.' },
    Services: {
      type: 'Enum',
      enum: { typeName: 'Microsoft.Exchange.Data.AllowedServices', values: ['None', 'IIS', 'SMTP'], flags: true },
      sets: { [ALL_SETS]: { mandatory: true } },
      help: 'Specifies the services.',
    },
    Server: { type: 'String', sets: { [ALL_SETS]: { position: 1 } }, help: 'Specifies the server.' },
    Force: { type: 'Switch', help: 'Suppresses the confirmation.' },
    Names: { type: 'String[]', help: 'Names.' },
  },
  examples: [{ code: 'Enable-Thing -Thumbprint AB -Services IIS', remarks: 'Enables the thing for IIS.', shows: 'done' }],
  related: ['Get-Thing'],
});

describe('syntaxLines', () => {
  it('prints one line per set, default set first, positional, then mandatory, then optional', () => {
    expect(syntaxLines(sample)).toEqual([
      'Enable-Thing [-Thumbprint] <string> [[-Server] <string>] -Services <AllowedServices> [-Force] [-Names <string[]>] [-WhatIf] [-Confirm] [<CommonParameters>]',
      'Enable-Thing [-Instance] <Object> [[-Server] <string>] -Services <AllowedServices> [-Force] [-Names <string[]>] [-WhatIf] [-Confirm] [<CommonParameters>]',
    ]);
  });

  it('has one set when no parameter names one', () => {
    const d = defineCmdlet({ name: 'Get-X', synopsis: 's', description: 'd', parameters: { Name: { type: 'String[]', sets: { [ALL_SETS]: { position: 0 } } } }, examples: [] });
    expect(syntaxLines(d)).toEqual(['Get-X [[-Name] <string[]>] [<CommonParameters>]']);
  });

  it('uses PowerShell short type names', () => {
    expect(shortTypeName({ type: 'Int32' })).toBe('int');
    expect(shortTypeName({ type: 'SecureString' })).toBe('securestring');
    expect(shortTypeName({ type: 'Byte[]' })).toBe('byte[]');
    expect(shortTypeName({ type: 'ScriptBlock' })).toBe('scriptblock');
    expect(shortTypeName({ type: 'Switch' })).toBeUndefined();
    expect(shortTypeName({ type: 'Enum[]', enum: { typeName: 'A.B.AllowedServices', values: [] } })).toBe('AllowedServices[]');
  });
});

describe('help layout', () => {
  it('default view: NAME, SYNOPSIS, SYNTAX, DESCRIPTION, RELATED LINKS, REMARKS', () => {
    expect(helpLines(sample, 'default', 200).join('\n')).toBe(
      [
        '',
        'NAME',
        '    Enable-Thing',
        '',
        'SYNOPSIS',
        '    Enables a thing.',
        '',
        '',
        'SYNTAX',
        '    Enable-Thing [-Thumbprint] <string> [[-Server] <string>] -Services <AllowedServices> [-Force] [-Names <string[]>] [-WhatIf] [-Confirm] [<CommonParameters>]',
        '',
        '    Enable-Thing [-Instance] <Object> [[-Server] <string>] -Services <AllowedServices> [-Force] [-Names <string[]>] [-WhatIf] [-Confirm] [<CommonParameters>]',
        '',
        '',
        'DESCRIPTION',
        '    The Enable-Thing cmdlet enables a thing for services.',
        '',
        '',
        'RELATED LINKS',
        '    Get-Thing',
        '',
        'REMARKS',
        '    To see the examples, type: "get-help Enable-Thing -examples".',
        '    For more information, type: "get-help Enable-Thing -detailed".',
        '    For technical information, type: "get-help Enable-Thing -full".',
        '',
        '',
      ].join('\n'),
    );
  });

  it('examples view', () => {
    const text = helpLines(sample, 'examples', 120).join('\n');
    expect(text).toContain(
      [
        '    -------------------------- EXAMPLE 1 --------------------------',
        '',
        '    PS C:\\>Enable-Thing -Thumbprint AB -Services IIS',
        '',
        '    Enables the thing for IIS.',
      ].join('\n'),
    );
    expect(text).not.toContain('SYNTAX');
  });

  it('full view has the parameter table', () => {
    const text = helpLines(sample, 'full', 120).join('\n');
    expect(text).toContain(
      [
        '    -Thumbprint <string>',
        '        Specifies the thumbprint.',
        '',
        '        Required?                    true',
        '        Position?                    0',
        '        Default value                None',
        '        Accept pipeline input?       True (ByPropertyName)',
        '        Accept wildcard characters?  false',
        '',
      ].join('\n'),
    );
    expect(text).toContain('    <CommonParameters>\n        This cmdlet supports the common parameters: Verbose, Debug,');
    expect(text).toContain('INPUTS\n    Object');
    expect(text).not.toContain('REMARKS');
    expect(text.endsWith('RELATED LINKS\n    Get-Thing\n')).toBe(true);
  });

  it('detailed view lists parameters without the table', () => {
    const text = helpLines(sample, 'detailed', 120).join('\n');
    expect(text).toContain('PARAMETERS\n    -Thumbprint <string>\n        Specifies the thumbprint.\n\n    -Instance <Object>');
    expect(text).not.toContain('Required?');
  });

  it('-Parameter block', () => {
    expect(parameterHelpLines(sample, ['Force']).join('\n')).toBe(
      [
        '',
        '    -Force',
        '        Suppresses the confirmation.',
        '',
        '        Required?                    false',
        '        Position?                    named',
        '        Default value                False',
        '        Accept pipeline input?       False',
        '        Accept wildcard characters?  false',
        '',
      ].join('\n'),
    );
  });
});
