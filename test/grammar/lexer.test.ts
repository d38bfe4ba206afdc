import { describe, expect, it } from 'vitest';
import { scan } from '../../grammar/lexer.js';
import { classifyTokens } from '../../grammar/index.js';
import { cmd, expr, shape, str, num, v, stmts } from './helpers.js';

const kinds = (text: string) => scan(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);

describe('scanner modes', () => {
  it('reads bare words in argument mode', () => {
    expect(kinds('Import-X c:\\cert.pfx webmail.contoso.com 2+2 *.contoso.com')).toEqual([
      'CommandName:Import-X', 'BareWord:c:\\cert.pfx', 'BareWord:webmail.contoso.com', 'BareWord:2+2', 'BareWord:*.contoso.com',
    ]);
  });
  it('reads parameters with and without colon', () => {
    expect(kinds('X -Name v -Services:IIS,SMTP -Switch:$false')).toEqual([
      'CommandName:X', 'Parameter:-Name', 'BareWord:v', 'ParameterColon:-Services:', 'BareWord:IIS', 'Comma:,', 'BareWord:SMTP',
      'ParameterColon:-Switch:', 'Variable:$false',
    ]);
  });
  it('treats -eq as a parameter in argument mode and an operator in expression mode', () => {
    expect(kinds('Where-Object Status -eq Valid')[2]).toBe('Parameter:-eq');
    expect(kinds('$a -eq 1')[1]).toBe('BinOp:-eq');
  });
  it('a quote inside a parameter token makes it a bare word', () => {
    expect(shape(cmd('X -FileName"C:\\x y.pfx"').elements)).toEqual([str('-FileNameC:\\x y.pfx')]);
  });
  it('numbers: decimal, hex, multipliers, suffixes, reals', () => {
    expect(shape(expr('0x1F'))).toEqual(num(31));
    expect(shape(expr('0xFFFFFFFF'))).toEqual(num(-1));
    expect(shape(expr('1kb'))).toEqual(num(1024));
    expect(shape(expr('2gb'))).toEqual(num(2147483648, 'Int64'));
    expect(shape(expr('1.5'))).toEqual(num(1.5, 'Double'));
    // Integral doubles, small Int64s and decimals keep their text: the runtime reads the exact value from it.
    expect(shape(expr('1e3'))).toEqual({ ...num(1000, 'Double'), exact: '1e3' });
    expect(shape(expr('5l'))).toEqual({ ...num(5, 'Int64'), exact: '5l' });
    expect(shape(expr('5d'))).toEqual({ ...num(5, 'Decimal'), exact: '5d' });
    expect(shape(expr('3000000000'))).toEqual(num(3000000000, 'Int64'));
    expect(shape(expr('.5'))).toEqual(num(0.5, 'Double'));
  });
  it('numbers in argument mode only when a terminator follows', () => {
    expect(shape(cmd('X 7 7z -5 1.2.3').elements)).toEqual([num(7), str('7z'), num(-5), str('1.2.3')]);
  });
  it('single-quoted strings double their quotes', () => {
    expect(shape(expr("'What''s'"))).toEqual(str("What's", 'single'));
  });
  it('double-quoted strings: escapes, doubled quotes, expansion', () => {
    expect(shape(expr('"a`tb`n""q"" `$x"'))).toEqual(str('a\tb\n"q" $x', 'double'));
    expect(shape(expr('"x $a.Length y"'))).toEqual({ kind: 'ExpandableString', parts: ['x ', v('a'), '.Length y'], quote: 'double' });
    expect(shape(expr('"${my var}$env:PATH"'))).toEqual({ kind: 'ExpandableString', parts: [v('my var'), v('PATH', 'env')], quote: 'double' });
    expect(shape(expr('"cost: $"'))).toEqual(str('cost: $', 'double'));
  });
  it('here-strings', () => {
    expect(shape(expr("@'\nline1\n'quoted' $x\n'@"))).toEqual(str("line1\n'quoted' $x", 'hereSingle'));
    expect(shape(expr('@"\r\nA $x\r\n"@'))).toEqual({ kind: 'ExpandableString', parts: ['A ', v('x')], quote: 'hereDouble' });
    expect(shape(expr('@"\n"@'))).toEqual(str('', 'hereDouble'));
    // A lone CR ends a line too (files with old Mac line endings): the body keeps its CRs.
    expect(shape(expr("@'\rA\rB\r'@"))).toEqual(str('A\rB', 'hereSingle'));
    expect(shape(expr('@"\rA\r"@'))).toEqual(str('A', 'hereDouble'));
  });
  it('comments and continuation', () => {
    expect(kinds('Get-X # comment\n<# block\n #> Get-Y')).toEqual(['CommandName:Get-X', 'NewLine:\n', 'CommandName:Get-Y']);
    expect(shape(cmd('Get-X `\n  -Name a').elements)).toEqual([{ kind: 'CommandParameter', name: 'Name' }, str('a')]);
    expect(kinds('a#b')).toEqual(['CommandName:a#b']);
  });
  it('variables: scopes, braces, specials, splat', () => {
    expect(shape(expr('$global:x'))).toEqual(v('x', 'global'));
    expect(shape(expr('$_'))).toEqual(v('_'));
    expect(shape(expr('$?'))).toEqual(v('?'));
    expect(shape(cmd('X @params').elements)).toEqual([{ kind: 'Variable', name: 'params', splat: true }]);
  });
  it('bare word with expansion in argument mode', () => {
    expect(shape(cmd('Write-Output a$b').elements)).toEqual([{ kind: 'ExpandableString', parts: ['a', v('b')], quote: 'bare' }]);
    expect(shape(cmd('Write-Output $a+2').elements)).toEqual([{ kind: 'ExpandableString', parts: [v('a'), '+2'], quote: 'bare' }]);
    expect(shape(cmd("Write-Output a'$x'").elements)).toEqual([str('a$x')]);
  });
  it('classifies tokens for colouring', () => {
    const text = 'Get-X -Name "a" $v 5 # c';
    expect(classifyTokens(text).map((t) => [t.kind, text.slice(t.start, t.end)])).toEqual([
      ['command', 'Get-X'], ['parameter', '-Name'], ['string', '"a"'], ['variable', '$v'], ['number', '5'], ['comment', '# c'],
    ]);
    const t2 = 'if ($x -is [int]) { $x.Name }';
    expect(classifyTokens(t2).filter((t) => t.kind !== 'default').map((t) => [t.kind, t2.slice(t.start, t.end)])).toEqual([
      ['keyword', 'if'], ['variable', '$x'], ['operator', '-is'], ['type', '[int]'], ['variable', '$x'], ['member', 'Name'],
    ]);
  });
  it('never throws on odd input', () => {
    expect(() => classifyTokens('@"\n$(')).not.toThrow();
    expect(stmts('')).toEqual([]);
  });
});
