import { describe, expect, it } from 'vitest';
import { parseScript } from '../../grammar/index.js';
import type * as A from '../../grammar/ast.js';
import { cmd, expr, shape, str, num, v, stmts } from './helpers.js';

const pipe = (e: unknown) => ({ kind: 'Pipeline', elements: [{ kind: 'CommandExpression', expression: e, redirections: [] }] });
const bin = (operator: string, left: unknown, right: unknown) => ({ kind: 'Binary', operator, left, right });

describe('commands', () => {
  it('command with parameters, comma list and pipeline', () => {
    const s = stmts('Enable-ExchangeCertificate -Thumbprint X -Services POP,IMAP | Format-List *')[0] as A.PipelineAst;
    expect(s.elements).toHaveLength(2);
    const c = s.elements[0] as A.CommandAst;
    expect(shape(c.name)).toEqual(str('Enable-ExchangeCertificate'));
    expect(shape(c.elements)).toEqual([
      { kind: 'CommandParameter', name: 'Thumbprint' }, str('X'),
      { kind: 'CommandParameter', name: 'Services' }, { kind: 'ArrayLiteral', elements: [str('POP'), str('IMAP')] },
    ]);
    expect(c.span).toEqual({ start: 0, end: 59 });
  });
  it('colon arguments, switch false, paren and member arguments', () => {
    const c = cmd('Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes(\'\\\\fs\\x.pfx\')) -Password (Get-Credential).password -Confirm:$false');
    expect(c.elements[1]!.kind).toBe('Paren');
    expect(shape(c.elements[3])).toMatchObject({ kind: 'Member', member: str('password'), static: false });
    expect(shape(c.elements[4])).toEqual({ kind: 'CommandParameter', name: 'Confirm', argument: v('false') });
    const p = c.elements[4] as A.CommandParameterAst;
    expect(p.span).toEqual({ start: 120, end: 135 });
  });
  it('invocation operators and path-like names', () => {
    expect(cmd('& $sb 1').invocation).toBe('&');
    expect(shape(cmd("& 'C:\\x y.ps1'").name)).toEqual(str('C:\\x y.ps1', 'single'));
    expect(cmd('. .\\x.ps1').invocation).toBe('.');
    expect(shape(cmd('.\\setup.com /mode:Install').name)).toEqual(str('.\\setup.com'));
  });
  it('keywords after a pipe are command names', () => {
    const p = stmts('1..3 | foreach { $_ } | where { $_ }')[0] as A.PipelineAst;
    expect(shape((p.elements[1] as A.CommandAst).name)).toEqual(str('foreach'));
    expect(shape((p.elements[2] as A.CommandAst).name)).toEqual(str('where'));
  });
  it('script block arguments keep their text', () => {
    const sb = cmd('Where-Object { $_.Status -eq "Valid" }').elements[0] as A.ScriptBlockExpressionAst;
    expect(sb.kind).toBe('ScriptBlockExpression');
    expect(sb.text).toBe(' $_.Status -eq "Valid" ');
    expect(sb.span).toEqual({ start: 13, end: 38 });
  });
  it('hashtable and array arguments', () => {
    const c = cmd('Select-Object @{Name="N";Expression={$_.Name}}, @(1)');
    expect(c.elements[0]!.kind).toBe('ArrayLiteral');
  });
  it('redirections', () => {
    expect(shape(cmd('gps > c:\\out.txt').redirections)).toEqual([{ kind: 'Redirection', from: 1, target: str('c:\\out.txt') }]);
    expect(shape(cmd('gps 2>> e.txt *>&1').redirections)).toEqual([
      { kind: 'Redirection', from: 2, append: true, target: str('e.txt') },
      { kind: 'Redirection', from: '*', toOutput: true },
    ]);
    const p = stmts('$x >$null')[0] as A.PipelineAst;
    expect(shape((p.elements[0] as A.CommandExpressionAst).redirections)).toEqual([{ kind: 'Redirection', from: 1, target: v('null') }]);
  });
  it('-- ends parameters', () => {
    expect(shape(cmd('Write-Output -- -InputObject').elements)).toEqual([str('-InputObject')]);
  });
});

describe('expressions', () => {
  it('precedence: * over +, comparison over -and, -and equal to -or', () => {
    expect(shape(expr('1 + 2 * 3'))).toEqual(bin('+', num(1), bin('*', num(2), num(3))));
    expect(shape(expr('$a -eq 1 -and $b'))).toEqual(bin('-and', bin('-eq', v('a'), num(1)), v('b')));
    expect(shape(expr('$true -or $false -and $false'))).toEqual(bin('-and', bin('-or', v('true'), v('false')), v('false')));
    expect(shape(expr('1,2,3 -contains 2'))).toEqual(bin('-contains', { kind: 'ArrayLiteral', elements: [num(1), num(2), num(3)] }, num(2)));
    expect(shape(expr('"{0:N2}" -f 3.14159'))).toEqual(bin('-f', str('{0:N2}', 'double'), num(3.14159, 'Double')));
    expect(shape(expr('1..10'))).toEqual(bin('..', num(1), num(10)));
    expect(shape(expr('$x -shl 2 -band 3'))).toEqual(bin('-band', bin('-shl', v('x'), num(2)), num(3)));
  });
  it('operator spans', () => {
    const b = expr('$a -ceq 1') as A.BinaryAst;
    expect(b.operator).toBe('-ceq');
    expect(b.operatorSpan).toEqual({ start: 3, end: 7 });
    expect(b.span).toEqual({ start: 0, end: 9 });
    expect((expr('$a -ieq 1') as A.BinaryAst).operator).toBe('-eq');
    expect((expr('$a -notmatch "x"') as A.BinaryAst).operator).toBe('-notmatch');
  });
  it('all comparison and type operators', () => {
    for (const op of ['-ne', '-gt', '-ge', '-lt', '-le', '-like', '-notlike', '-match', '-contains', '-notcontains', '-in', '-notin',
      '-replace', '-split', '-join', '-is', '-isnot', '-as', '-xor', '-bor', '-bxor', '-shr', '-clike', '-creplace', '-csplit']) {
      expect((expr(`$a ${op} $b`) as A.BinaryAst).operator).toBe(op);
    }
  });
  it('unary operators', () => {
    expect(shape(expr('-not $a'))).toEqual({ kind: 'Unary', operator: '-not', operand: v('a') });
    expect(shape(expr('!$a'))).toEqual({ kind: 'Unary', operator: '!', operand: v('a') });
    expect(shape(expr('-bnot 5'))).toEqual({ kind: 'Unary', operator: '-bnot', operand: num(5) });
    expect(shape(expr('-5'))).toEqual({ kind: 'Unary', operator: '-', operand: num(5) });
    expect(shape(expr(',1'))).toEqual({ kind: 'Unary', operator: ',', operand: num(1) });
    expect(shape(expr('-split "a b"'))).toEqual({ kind: 'Unary', operator: '-split', operand: str('a b', 'double') });
    expect(shape(expr('++$i'))).toEqual({ kind: 'Increment', operator: '++', prefix: true, operand: v('i') });
    expect(shape(expr('$i--'))).toEqual({ kind: 'Increment', operator: '--', prefix: false, operand: v('i') });
  });
  it('casts, type literals and static members', () => {
    expect(shape(expr('[int]$x'))).toEqual({ kind: 'Convert', type: { kind: 'TypeName', name: 'int' }, operand: v('x') });
    expect(shape(expr('[byte[]]$b'))).toMatchObject({ kind: 'Convert', type: { name: 'byte[]' } });
    expect(shape(expr('[ordered]@{a=1}'))).toMatchObject({ kind: 'Convert', type: { name: 'ordered' }, operand: { kind: 'Hashtable' } });
    expect(shape(expr('[Math]::PI'))).toEqual({ kind: 'Member', target: { kind: 'TypeExpression', type: { kind: 'TypeName', name: 'Math' } }, member: str('PI'), static: true });
    expect(shape(expr('[System.Text.Encoding]::Unicode.GetBytes($t)'))).toMatchObject({ kind: 'InvokeMember', member: str('GetBytes'), arguments: [v('t')], target: { kind: 'Member', static: true } });
    expect(shape(expr('$x -is [string]'))).toEqual(bin('-is', v('x'), { kind: 'TypeExpression', type: { kind: 'TypeName', name: 'string' } }));
    expect(shape(expr('[System.Collections.Generic.List[string]]$l'))).toMatchObject({ type: { name: 'System.Collections.Generic.List[string]' } });
  });
  it('members, methods, indexes', () => {
    expect(shape(expr('$a.b'))).toEqual({ kind: 'Member', target: v('a'), member: str('b'), static: false });
    expect(shape(expr('$a.$b'))).toEqual({ kind: 'Member', target: v('a'), member: v('b'), static: false });
    expect(shape(expr("$a.'b c'"))).toEqual({ kind: 'Member', target: v('a'), member: str('b c', 'single'), static: false });
    expect(shape(expr('$a.M(1, 2)'))).toEqual({ kind: 'InvokeMember', target: v('a'), member: str('M'), static: false, arguments: [num(1), num(2)] });
    expect(shape(expr('$a.M()'))).toMatchObject({ kind: 'InvokeMember', arguments: [] });
    expect(shape(expr('$a[0]'))).toEqual({ kind: 'Index', target: v('a'), index: num(0) });
    expect(shape(expr('$h["k"]'))).toEqual({ kind: 'Index', target: v('h'), index: str('k', 'double') });
    expect(shape(expr('$a[1..2]'))).toEqual({ kind: 'Index', target: v('a'), index: bin('..', num(1), num(2)) });
    const m = expr('(Get-X).Name.Length') as A.MemberAst;
    expect(m.span).toEqual({ start: 0, end: 19 });
  });
  it('grouping forms', () => {
    expect(expr('(1 + 2)').kind).toBe('Paren');
    expect(shape(expr('$(1; 2)'))).toMatchObject({ kind: 'SubExpression', statements: { statements: [pipe(num(1)), pipe(num(2))] } });
    expect(shape(expr('@()'))).toMatchObject({ kind: 'ArrayExpression', statements: { statements: [] } });
    expect(shape(expr('@{ a = 1\n b = "x"; "c d" = 3 }'))).toEqual({
      kind: 'Hashtable',
      entries: [{ key: str('a'), value: pipe(num(1)) }, { key: str('b'), value: pipe(str('x', 'double')) }, { key: str('c d', 'double'), value: pipe(num(3)) }],
    });
  });
  it('script block with param and named blocks', () => {
    const sb = expr('{ param($x) begin { 1 } process { $_ } }') as A.ScriptBlockExpressionAst;
    expect(sb.block.params?.parameters.map((p) => p.name)).toEqual(['x']);
    expect(sb.block.begin?.statements).toHaveLength(1);
    expect(sb.block.process?.statements).toHaveLength(1);
  });
  it('expandable strings with subexpressions', () => {
    const e = expr('"Cert: $($c.Thumbprint) on $env:COMPUTERNAME"') as A.ExpandableStringAst;
    expect(e.kind).toBe('ExpandableString');
    expect(shape(e.parts[1])).toMatchObject({ kind: 'SubExpression', statements: { statements: [pipe({ kind: 'Member', target: v('c'), member: str('Thumbprint'), static: false })] } });
    expect((e.parts[1] as A.SubExpressionAst).span).toEqual({ start: 7, end: 23 });
    expect(shape(e.parts[3])).toEqual(v('COMPUTERNAME', 'env'));
    const nested = expr('"a $("b $(1)") c"') as A.ExpandableStringAst;
    expect(nested.parts).toHaveLength(3);
  });
});

describe('statements', () => {
  it('assignments', () => {
    for (const op of ['=', '+=', '-=', '*=', '/=', '%=']) {
      expect((stmts(`$x ${op} 1`)[0] as A.AssignmentAst).operator).toBe(op);
    }
    const a = stmts('$c = Get-ExchangeCertificate | ? { $_.Services -match "IIS" }')[0] as A.AssignmentAst;
    expect(a.kind).toBe('Assignment');
    expect((a.value as A.PipelineAst).elements).toHaveLength(2);
    expect(shape((stmts('[int]$x = "5"')[0] as A.AssignmentAst).target)).toMatchObject({ kind: 'Convert' });
    expect(shape((stmts('$a.b[0] = 1')[0] as A.AssignmentAst).target)).toMatchObject({ kind: 'Index' });
    expect((stmts('$x = if ($y) { 1 } else { 2 }')[0] as A.AssignmentAst).value.kind).toBe('If');
    expect((stmts('$x =\n  5')[0] as A.AssignmentAst).value.kind).toBe('Pipeline');
  });
  it('if / elseif / else across lines', () => {
    const s = stmts('if ($a) {\n 1\n}\nelseif ($b) { 2 }\nelse\n{ 3 }\n$z')[0] as A.IfAst;
    expect(s.kind).toBe('If');
    expect(s.clauses).toHaveLength(2);
    expect(s.else?.statements).toHaveLength(1);
    expect(s.span).toEqual({ start: 0, end: 43 });
    expect(stmts('if ($a) {1}\nelse {2}\n$z')).toHaveLength(2);
  });
  it('loops', () => {
    const f = stmts('foreach ($c in Get-ExchangeCertificate) { $c.Thumbprint }')[0] as A.ForeachAst;
    expect(shape(f.variable)).toEqual(v('c'));
    expect(((f.collection as A.PipelineAst).elements[0] as A.CommandAst).kind).toBe('Command');
    const fr = stmts('for (;;) { break }')[0] as A.ForAst;
    expect(fr.init).toBeUndefined();
    expect(fr.body.statements[0]!.kind).toBe('Break');
    const w = stmts('while ($i -lt 3) { $i++ }')[0] as A.WhileAst;
    expect(w.kind).toBe('While');
    const d = stmts('do { $i++ }\nuntil ($i -gt 3)\n$x')[0] as A.DoLoopAst;
    expect(d.until).toBe(true);
    expect(stmts('do { $i++ } while ($i -lt 3)\nGet-X')).toHaveLength(2);
    const l = stmts(':outer while (1) { continue outer }')[0] as A.WhileAst;
    expect(l.label).toBe('outer');
    expect(l.span.start).toBe(0);
  });
  it('switch', () => {
    const s = stmts('switch -Wildcard -CaseSensitive ($x) {\n  "a*" { 1 }\n  5 { 2 }\n  { $_ -gt 3 } { 3 }\n  default { 4 }\n}')[0] as A.SwitchAst;
    expect(s.flags).toEqual({ wildcard: true, caseSensitive: true });
    expect(shape(s.clauses.map((c) => c.condition))).toEqual([str('a*', 'double'), num(5), expect.objectContaining({ kind: 'ScriptBlockExpression' })]);
    expect(s.default?.statements).toHaveLength(1);
    expect((stmts('switch -regex ($x) { a {1} }')[0] as A.SwitchAst).flags).toEqual({ regex: true });
    expect((stmts('switch -exact ($x) { a {1} }')[0] as A.SwitchAst).flags).toEqual({ exact: true });
  });
  it('functions and filters', () => {
    const f = stmts('function Get-Thing($a, [int]$b = 2) { $a }')[0] as A.FunctionDefinitionAst;
    expect(f.name).toBe('Get-Thing');
    expect(f.parameters?.map((p) => [p.name, p.type?.name, p.default?.kind])).toEqual([['a', undefined, undefined], ['b', 'int', 'Constant']]);
    expect(f.body.end?.statements).toHaveLength(1);
    const g = stmts('filter Up { $_.ToUpper() }')[0] as A.FunctionDefinitionAst;
    expect(g.isFilter).toBe(true);
    expect(g.body.process?.statements).toHaveLength(1);
    const h = stmts('function f {\n  [CmdletBinding()]\n  param(\n    [Parameter(Mandatory=$true, Position=0, ValueFromPipeline=$true)]\n    [ValidateSet(\'a\',\'b\')]\n    [Alias(\'x\')]\n    [string]$Name\n  )\n  process { $Name }\n}')[0] as A.FunctionDefinitionAst;
    expect(h.body.cmdletBinding).toBe(true);
    const p = h.body.params!.parameters[0]!;
    expect(p.name).toBe('Name');
    expect(p.type?.name).toBe('string');
    expect(shape(p.attributes)).toEqual([
      { kind: 'Attribute', name: 'Parameter', positional: [], named: [
        { name: 'Mandatory', value: v('true') }, { name: 'Position', value: num(0) }, { name: 'ValueFromPipeline', value: v('true') }] },
      { kind: 'Attribute', name: 'ValidateSet', positional: [str('a', 'single'), str('b', 'single')], named: [] },
      { kind: 'Attribute', name: 'Alias', positional: [str('x', 'single')], named: [] },
    ]);
    expect(h.body.process?.statements).toHaveLength(1);
    const m = stmts('function f { param([Parameter(Mandatory)]$x) }')[0] as A.FunctionDefinitionAst;
    expect(shape(m.body.params!.parameters[0]!.attributes[0]!.named)).toEqual([{ name: 'Mandatory' }]);
  });
  it('script-level param block', () => {
    const r = parseScript('[CmdletBinding()]\nparam([string]$Server = "EX01", [switch]$Force)\nWrite-Output $Server');
    expect(r.errors).toEqual([]);
    expect(r.ast.cmdletBinding).toBe(true);
    expect(r.ast.params?.parameters.map((p) => p.name)).toEqual(['Server', 'Force']);
    expect(r.ast.end?.statements).toHaveLength(1);
  });
  it('flow statements', () => {
    expect(shape(stmts('return $x')[0])).toEqual({ kind: 'Return', value: pipe(v('x')) });
    expect(shape(stmts('return')[0])).toEqual({ kind: 'Return' });
    expect(shape(stmts('throw "bad"')[0])).toEqual({ kind: 'Throw', value: pipe(str('bad', 'double')) });
    expect(shape(stmts('exit 1')[0])).toEqual({ kind: 'Exit', value: pipe(num(1)) });
    expect(shape(stmts('break')[0])).toEqual({ kind: 'Break' });
    expect(stmts('return\n$x')).toHaveLength(2);
  });
  it('try / catch / finally', () => {
    const t = stmts('try { 1 }\ncatch [System.IO.IOException], [System.Exception] { 2 }\ncatch { 3 }\nfinally { 4 }')[0] as A.TryAst;
    expect(t.catches.map((c) => c.types.map((x) => x.name))).toEqual([['System.IO.IOException', 'System.Exception'], []]);
    expect(t.finally?.statements).toHaveLength(1);
    expect(t.span.end).toBe(91);
  });
  it('separators: semicolons, newlines, statements after blocks', () => {
    expect(stmts('a; b\nc;;\n\nd')).toHaveLength(4);
    expect(stmts('if ($x) { 1 } 2')).toHaveLength(2);
  });
  it('spans of statements', () => {
    const s = stmts('  Get-X -A 1  ;  $y = 2')
    expect(s[0]!.span).toEqual({ start: 2, end: 12 });
    expect(s[1]!.span).toEqual({ start: 17, end: 23 });
  });
});
