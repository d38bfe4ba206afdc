// Comment-based help through a real session: where the help block of a function or script is
// found, what each keyword gives, and the MAML-shaped object Get-Help returns (5.1's rules).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let sh: Captured;
beforeAll(async () => {
  sh = await capturedSession();
});
afterAll(async () => {
  await sh?.close();
});

const out = async (text: string) => (await sh.run(text)).out;

describe('comment-based help', () => {
  it('a # block just before the function gives every section', async () => {
    await sh.run(
      [
        '# .SYNOPSIS',
        '#    A useless function.',
        '# .DESCRIPTION',
        '#    A description',
        '#',
        '#        indented.',
        '# .NOTES',
        '#    Harmless.',
        '# .LINK',
        '#    https://example.com/help',
        '# .LINK',
        '#    other commands',
        '# .EXAMPLE',
        '#    PS C:\\> hf1 -x 1',
        '#',
        '#    Runs it.',
        '# .INPUTS',
        '#    Anything.',
        '# .OUTPUTS',
        '#    Nothing.',
        '# .COMPONENT',
        '#    Something',
        '# .ROLE',
        '#    CrazyUser',
        '# .FUNCTIONALITY',
        '#    Useless',
        'function hf1 { param($x) }',
      ].join('\n'),
    );
    await sh.run('$h = Get-Help hf1');
    expect(await out('$h.Synopsis; $h.Description[0].Text; $h.alertSet.alert[0].Text')).toBe('A useless function.\nA description\n\n    indented.\nHarmless.\n');
    expect(await out('$h.relatedLinks.navigationLink[0].uri; $h.relatedLinks.navigationLink[1].linkText')).toBe('https://example.com/help\nother commands\n');
    expect(await out('$e = $h.examples.example; $e.introduction[0].Text; $e.code; $e.remarks[0].Text; $e.remarks.Length')).toBe('PS C:\\>\nhf1 -x 1\nRuns it.\n5\n');
    expect(await out('$h.inputTypes.inputType.type.name; $h.returnValues.returnValue.type.name')).toBe('Anything.\nNothing.\n');
    expect(await out('$h.Component; $h.Role; $h.Functionality; $h.Category')).toBe('Something\nCrazyUser\nUseless\nFunction\n');
    expect(await out('(Get-Help hf1 -Role Crazy*).Name')).toBe('hf1\n');
    const miss = await sh.run('Get-Help hf1 -Component blah -ErrorVariable ev -ErrorAction SilentlyContinue; $ev[0].FullyQualifiedErrorId');
    expect(miss.out).toBe('HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand\n');
  });

  it('a block two blank lines above is not the function\'s; one at the end of the body is', async () => {
    await sh.run('<#\n.SYNOPSIS\nnot mine\n#>\n\n\nfunction hf2 { param($abc) }');
    expect(await out('(Get-Help hf2).Synopsis.Trim()')).toBe('hf2 [[-abc] <Object>]\n');
    await sh.run('function hf3 {\n param([Parameter(Mandatory=$true)][string]$Name, [switch]$S, [System.Management.Automation.CommandTypes]$T)\n <#\n .SYNOPSIS\n Adds.\n #>\n}');
    expect(await out('$h = Get-Help hf3; $h.Synopsis; ($h.syntax | Out-String -Width 250).Trim()')).toBe(
      'Adds.\nhf3 [-Name] <String> [-S] [[-T] {Alias | Function | Filter | Cmdlet | ExternalScript | Application | Script | Workflow | Configuration | All}] [<CommonParameters>]\n',
    );
    expect(await out('$p = $h.syntax.syntaxItem.parameter; $p[0].required; $p[0].position; $p[1].position; $null -eq $p[1].parameterValue; "$($h.parameters.parameter[1].parameterValue)"; $p[0].parameterValue.required')).toBe(
      'true\n1\nnamed\nTrue\nSwitchParameter\ntrue\n',
    );
  });

  it('parameter descriptions come from comments at the parameters, defaults from the param block', async () => {
    await sh.run('function hf4 {\n# .SYNOPSIS\n#   s\nparam(\n  # first help\n  $a,\n  [string]\n  # second help\n  $b = "x",\n  [SupportsWildcards()]\n  [PSDefaultValue(Help="it depends")]\n  $c\n)\n}');
    expect(await out('(Get-Help hf4 -Detailed).parameters.parameter | ForEach-Object { $_.description.Text + "|" + $_.defaultValue + "|" + $_.globbing }')).toBe(
      'first help||false\nsecond help|x|false\n|it depends|true\n',
    );
  });

  it('the help text shows the sections; examples get the default prompt', async () => {
    await sh.run('function hf5 {\n<#\n.SYNOPSIS\nDoes a thing.\n.EXAMPLE\nhf5 bar\n#>\nparam()\n}');
    expect(await out('(Get-Help hf5 -Examples).examples.example.introduction.Text')).toBe('PS > \n');
    const text = await out('Get-Help hf5');
    expect(text).toContain('NAME\n    hf5\n\nSYNOPSIS\n    Does a thing.\n');
    expect(text).toContain('REMARKS\n    To see the examples, type: "get-help hf5 -examples".');
    expect(await out('Get-Help hf5 -Examples')).toContain('    -------------------------- EXAMPLE 1 --------------------------\n\n    PS > hf5 bar\n');
  });

  it('.FORWARDHELPTARGETNAME gives the help of the other command', async () => {
    await sh.run('function hf6 {\n# .FORWARDHELPTARGETNAME Get-Help\n# .FORWARDHELPCATEGORY Cmdlet\n}');
    expect(await out('$h = Get-Help hf6; $h.Name; $h.Category')).toBe('Get-Help\nCmdlet\n');
  });

  it('a function made by Set-Item function: has the help written at the start of its block', async () => {
    await sh.run('Set-Item function:hf7 -Value {\n  # .SYNOPSIS\n  #    Dynamic.\n  process { 7 }\n}');
    expect(await out('hf7; (Get-Help hf7).Synopsis')).toBe('7\nDynamic.\n');
  });

  it('a function without help still lists its parameters (globbing from [SupportsWildcards()])', async () => {
    await sh.run('function hf8 { param([SupportsWildcards()]$p1, $p2) }');
    expect(await out('$h = Get-Help hf8; $h.parameters.parameter[0].globbing; $h.parameters.parameter[1].globbing; $h.Synopsis.Trim()')).toBe('true\nfalse\nhf8 [[-p1] <Object>] [[-p2] <Object>]\n');
  });

  it('-Parameter gives the matching parameter objects, shown as their -Full blocks', async () => {
    await sh.run('function hf9 {\n<#\n.SYNOPSIS\ns\n.PARAMETER Name\nThe name.\n#>\nparam([string]$Name, [int]$Count)\n}');
    expect(await out('(Get-Help hf9 -Parameter N*).name; (Get-Help hf9 -Parameter *).Count')).toBe('Name\n2\n');
    expect(await out('Get-Help hf9 -Parameter Name')).toBe(
      '\n    -Name <String>\n        The name.\n\n        Required?                    false\n        Position?                    1\n        Default value                \n        Accept pipeline input?       false\n        Accept wildcard characters?  false\n\n\n',
    );
    expect((await sh.run('Get-Help hf9 -Parameter zz -ErrorVariable ev -ErrorAction SilentlyContinue; $ev[0].FullyQualifiedErrorId')).out).toBe('NoParmsFound,Microsoft.PowerShell.Commands.GetHelpCommand\n');
  });
});
