// [System.Management.Automation.Language.Parser]::ParseInput / ParseFile: emsh's parse shown as
// PowerShell's AST objects, the parse errors through [ref]; foreach/switch workflow flags.
import { describe, expect, it } from 'vitest';
import { everydaySession } from '../cmdlets/everyday-session.js';

const PARSER = '[System.Management.Automation.Language.Parser]';

describe('[Parser]::ParseInput', () => {
  it('gives the ScriptBlockAst: named blocks, statements, flags of foreach and switch', async () => {
    const { run } = everydaySession();
    expect(await run(`$a = ${PARSER}::ParseInput('foreach -parallel ($foo in $bar) {}', [ref]$null, [ref]$null); $a.EndBlock.Statements[0].Flags; $a.GetType().FullName`)).toBe(
      'Parallel\nSystem.Management.Automation.Language.ScriptBlockAst\n',
    );
    expect(await run(`$a = ${PARSER}::ParseInput("foreach \`n-parallel \`n(\`$foo in \`$bar) {}", [ref]$null, [ref]$null); $a.EndBlock.Statements[0].Flags`)).toBe('Parallel\n');
    expect(await run(`$a = ${PARSER}::ParseInput('switch -regex -parallel ($foo) {1 {break}}', [ref]$null, [ref]$null); [int]$a.EndBlock.Statements[0].Flags`)).toBe('34\n');
  });

  it('puts ParseError objects in the [ref]: ErrorId, Message, Extent', async () => {
    const { run } = everydaySession();
    expect(await run(`$e = @(); $null = ${PARSER}::ParseInput('foreach -bogus ($input in $bar) { }', [ref]$null, [ref]$e); $e.Count; $e[0].ErrorId; $e[0].Message; $e[0].Extent.Text`)).toBe(
      '1\nInvalidForeachFlag\nThe parameter bogus is not valid for the foreach statement.\n-bogus\n',
    );
    expect(await run(`$e = @(); $null = ${PARSER}::ParseInput('switch -parallel ($foo) {1 {break}}', [ref]$null, [ref]$e); $e.Count; $e[0].ErrorId`)).toBe('1\nParallelNotSupported\n');
    expect(await run(`$e = @(); $null = ${PARSER}::ParseInput('[ordered]$hash', [ref]$null, [ref]$e); $e[0].ErrorId; $e[0].GetType().FullName`)).toBe(
      'OrderedAttributeOnlyOnHashLiteralNode\nSystem.Management.Automation.Language.ParseError\n',
    );
    expect(await run(`$e = 1; $null = ${PARSER}::ParseInput('1 + 2', [ref]$null, [ref]$e); $e.Count`)).toBe('0\n');
  });

  it('has the members scripts read: functions, parameters, commands, operators, extents, parents', async () => {
    const { run } = everydaySession();
    const script = `$t = $null; $a = ${PARSER}::ParseInput("function f {\`n param([int]\`$a = 3) \`$a + 1 }\`nf 2 | Out-String", [ref]$t, [ref]$null)`;
    expect(
      await run(
        `${script}; $f = $a.EndBlock.Statements[0]; $f.Name; $f.Body.ParamBlock.Parameters[0].Name.VariablePath.UserPath; $f.Body.EndBlock.Unnamed; $f.Body.EndBlock.Statements[0].PipelineElements[0].Expression.Operator; $f -is [System.Management.Automation.Language.StatementAst]`,
      ),
    ).toBe('f\na\nTrue\nPlus\nTrue\n');
    expect(await run(`${script}; $p = $a.EndBlock.Statements[1]; $p.PipelineElements[0].GetCommandName(); $p.Extent.Text; $p.Extent.StartLineNumber; $p.Extent.StartOffset; $p.Parent.Parent -eq $a; $t.Count -gt 0`)).toBe(
      'f\nf 2 | Out-String\n3\n42\nTrue\nTrue\n',
    );
  });
});

describe('extents of blocks', () => {
  it('a named block spans its keyword and braces, a statement block its braces, an unnamed block its statements', async () => {
    const { run } = everydaySession();
    expect(await run(`$a = ${PARSER}::ParseInput("begin {}\`nend { 1 }", [ref]$null, [ref]$null); $a.EndBlock.Unnamed; $a.EndBlock.Extent.Text; $a.BeginBlock.Extent.Text`)).toBe('False\nend { 1 }\nbegin {}\n');
    expect(await run(`$a = ${PARSER}::ParseInput('if (1) { 2 } else {3}', [ref]$null, [ref]$null); $a.EndBlock.Unnamed; $a.EndBlock.Extent.Text; $a.EndBlock.Statements[0].Clauses[0].Item2.Extent.Text; $a.EndBlock.Statements[0].ElseClause.Extent.Text`)).toBe(
      'True\nif (1) { 2 } else {3}\n{ 2 }\n{3}\n',
    );
  });
});

describe('[Parser]::ParseFile', () => {
  it('parses a file of the lab drive and names it in the extents; an unreadable file is FileReadError', async () => {
    const { run } = everydaySession();
    expect(await run(`Set-Content C:\\p.ps1 'Get-Date'; $e = $null; $a = ${PARSER}::ParseFile('C:\\p.ps1', [ref]$null, [ref]$e); $e.Count; $a.Extent.File; $a.EndBlock.Statements[0].PipelineElements[0].GetCommandName()`)).toBe(
      '0\nC:\\p.ps1\nGet-Date\n',
    );
    expect(await run(`$e = $null; $a = ${PARSER}::ParseFile('C:\\nothere.ps1', [ref]$null, [ref]$e); $e[0].ErrorId; $a.EndBlock.Statements.Count`)).toBe('FileReadError\n0\n');
  });
});
