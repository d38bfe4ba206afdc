// PowerShell 5 class and enum definitions, dynamicparam blocks, and member calls with a script
// block argument, as the parser reads them.
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../grammar/index.js';
import type * as A from '../../grammar/ast.js';

function parsed(text: string): A.StatementAst[] {
  const r = parseScript(text);
  expect(r.errors.map((e) => e.errorId)).toEqual([]);
  return r.ast.end!.statements;
}
const errorIds = (text: string) => parseScript(text).errors.map((e) => e.errorId);

describe('class definitions', () => {
  const text = `class B : A {
    [Parameter(Mandatory)]
    [string] $Name
    static hidden [int] $Count = 3
    B() {}
    B([int]$p) : base($p, 2) { $this.Count = $p }
    [string] ToText() { return $this.Name }
    static [int] Twice([int]$x) { return $x * 2 }
  }`;

  it('reads the name, bases, properties (attributes, types, modifiers, initial values) and methods', () => {
    const t = parsed(text)[0] as A.TypeDefinitionAst;
    expect(t).toMatchObject({ kind: 'TypeDefinition', isEnum: false, name: 'B', baseTypes: ['A'] });
    const [name, count, ctor0, ctor1, toText, twice] = t.members;
    expect(name).toMatchObject({ kind: 'PropertyMember', name: 'Name', type: { name: 'string' }, isStatic: false });
    expect((name as A.PropertyMemberAst).attributes.map((a) => a.name)).toEqual(['Parameter']);
    expect(count).toMatchObject({ kind: 'PropertyMember', name: 'Count', isStatic: true, isHidden: true });
    expect((count as A.PropertyMemberAst).initial?.kind).toBe('Pipeline');
    expect(ctor0).toMatchObject({ kind: 'FunctionMember', isConstructor: true, parameters: [] });
    expect((ctor1 as A.FunctionMemberAst).baseArguments).toHaveLength(2);
    expect(toText).toMatchObject({ kind: 'FunctionMember', name: 'ToText', returnType: { name: 'string' }, isConstructor: false });
    expect(twice).toMatchObject({ isStatic: true, parameters: [{ name: 'x' }] });
  });

  it('the body may open on the next line', () => {
    expect((parsed('class X\n{\n  [int]$a\n}')[0] as A.TypeDefinitionAst).members).toHaveLength(1);
  });

  it('a class without a body or name is the parse error 5.1 gives', () => {
    expect(errorIds('class X')).toEqual(['MissingTypeBody']);
    expect(errorIds('class X { X() : ($a) {} }')).toContain('MissingBaseCtorCall');
  });
});

describe('enum definitions', () => {
  it('reads members with and without values, and attributes', () => {
    const [flags] = parsed('[Flags()] enum P { None = 0; Read = 1\n  Write }') as A.TypeDefinitionAst[];
    expect(flags).toMatchObject({ isEnum: true, name: 'P', attributes: [{ name: 'Flags' }] });
    expect(flags!.enumMembers.map((m) => [m.name, m.value?.kind])).toEqual([['None', 'Constant'], ['Read', 'Constant'], ['Write', undefined]]);
  });

  it('refuses an underlying type (`enum L : long`, PowerShell 6.2 syntax) as 5.1 does: the body is missing after the name', () => {
    expect(errorIds('enum L : long {\n  A = -1\n}')).toEqual(['MissingTypeBody']);
  });
});

describe('named blocks', () => {
  it('dynamicparam is a named block of a function', () => {
    const f = parsed('function f { [CmdletBinding()] param($p) dynamicparam { 1 } begin { } end { 2 } }')[0] as A.FunctionDefinitionAst;
    expect(f.body.dynamicParam?.statements).toHaveLength(1);
    expect(f.body.end?.statements).toHaveLength(1);
  });
});

describe('member access', () => {
  it('a script block glued to a member name is its call\'s argument', () => {
    const e = ((parsed('$a.ForEach{ $_ }')[0] as A.PipelineAst).elements[0] as A.CommandExpressionAst).expression as A.InvokeMemberAst;
    expect(e).toMatchObject({ kind: 'InvokeMember', member: { value: 'ForEach' }, arguments: [{ kind: 'ScriptBlockExpression' }] });
  });

  it('a computed member name: $( ) and ( )', () => {
    const m = ((parsed('$a.$($n).($m)')[0] as A.PipelineAst).elements[0] as A.CommandExpressionAst).expression as A.MemberAst;
    expect(m.member.kind).toBe('Paren');
    expect((m.target as A.MemberAst).member.kind).toBe('SubExpression');
  });

  it('spaces may follow the dot in an expression', () => {
    const m = ((parsed('$a. Count')[0] as A.PipelineAst).elements[0] as A.CommandExpressionAst).expression as A.MemberAst;
    expect(m).toMatchObject({ kind: 'Member', member: { value: 'Count' } });
  });
});

describe('data sections', () => {
  it('reads the variable name and the supported commands', () => {
    const d = parsed('data msgs -SupportedCommand Get-Date, Get-Foo { ConvertFrom-StringData "a = b" }')[0] as A.DataSectionAst;
    expect(d).toMatchObject({ kind: 'DataSection', variable: 'msgs', commands: ['Get-Date', 'Get-Foo'] });
    expect(d.body.statements).toHaveLength(1);
  });

  it('only the restricted language is allowed inside, with the errors 5.1 gives', () => {
    expect(errorIds('data m { Get-Date }')).toEqual(['CmdletNotInAllowedListForDataSection']);
    expect(errorIds("data m { 'a'.ToUpper() }")).toEqual(['MethodCallNotSupportedInDataSection']);
    expect(errorIds('data m { $x }')).toEqual(['VariableReferenceNotSupportedInDataSection']);
    expect(errorIds('data m -Foo x { 1 }')).toEqual(['InvalidParameterForDataSectionStatement']);
    expect(errorIds('data m')).toEqual(['MissingStatementBlockForDataSection']);
  });
});
