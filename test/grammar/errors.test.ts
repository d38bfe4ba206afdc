import { describe, expect, it } from 'vitest';
import { parseScript } from '../../grammar/index.js';
import { parserMessages } from '../../grammar/messages.js';

function first(text: string) {
  const r = parseScript(text);
  expect(r.errors.length, `errors for ${JSON.stringify(text)}`).toBeGreaterThan(0);
  return r.errors[0]!;
}

describe('parse-error positions (as PowerShell 5.1 reports them)', () => {
  const table: [string, string, number][] = [
    ['function foo {', 'MissingEndCurlyBrace', 13],
    ['1+', 'ExpectedValueExpression', 2],
    ['$a=', 'ExpectedValueExpression', 3],
    ['|gps', 'EmptyPipeElement', 0],
    ['gps|', 'EmptyPipeElement', 4],
    ['gcm -a:', 'ParameterRequiresArgument', 7],
    ['gcm ,', 'MissingArgument', 4],
    ['   )', 'UnexpectedToken', 3],
    ['@{ a=1;b=2;c=3;', 'MissingEndCurlyBrace', 2],
    ['foreach ($a', 'MissingInInForeach', 11],
    ['do {}', 'MissingWhileOrUntilInDoWhile', 5],
  ];
  for (const [text, id, pos] of table) {
    it(`${JSON.stringify(text)} → ${id} at ${pos}`, () => {
      const e = first(text);
      expect(e.errorId).toBe(id);
      expect(e.span.start).toBe(pos);
    });
  }
});

describe('messages', () => {
  const cases: [string, string, string, boolean][] = [
    ['if ($x) { 1', 'MissingEndCurlyBrace', "Missing closing '}' in statement block or type definition.", true],
    [')', 'UnexpectedToken', "Unexpected token ')' in expression or statement.", false],
    ['$a $b', 'UnexpectedToken', "Unexpected token '$b' in expression or statement.", false],
    ['$x -eq', 'ExpectedValueExpression', "You must provide a value expression following the '-eq' operator.", true],
    ['1 +\n', 'ExpectedValueExpression', "You must provide a value expression following the '+' operator.", true],
    ['gps |', 'EmptyPipeElement', 'An empty pipe element is not allowed.', true],
    ['gcm -a:', 'ParameterRequiresArgument', 'Parameter -a requires an argument.', true],
    ['gcm ,', 'MissingArgument', 'Missing argument in parameter list.', false],
    ['(1 + 2', 'MissingEndParenthesisInExpression', "Missing closing ')' in expression.", true],
    ['$(1', 'MissingEndParenthesisInSubexpression', "Missing closing ')' in subexpression.", true],
    ['$a.M(1', 'MissingEndParenthesisInMethodCall', "Missing ')' in method call.", true],
    ['$a[0', 'MissingEndSquareBracket', "Missing ']' after array index expression.", true],
    ["'abc", 'TerminatorExpectedAtEndOfString', "The string is missing the terminator: '.", true],
    ['"abc', 'TerminatorExpectedAtEndOfString', 'The string is missing the terminator: ".', true],
    ['@"\nabc', 'TerminatorExpectedAtEndOfString', 'The string is missing the terminator: "@.', true],
    ["@'\nabc", 'TerminatorExpectedAtEndOfString', "The string is missing the terminator: '@.", true],
    ['@{a}', 'MissingEqualsInHashLiteral', "Missing '=' operator after key in hash literal.", false],
    ['if ($x)', 'MissingStatementBlock', 'Missing statement block after if ( condition ).', true],
    ['if ($x) {} else', 'MissingStatementBlockAfterElse', "Missing statement block after 'else' keyword.", true],
    ['if', 'MissingOpenParenthesisInIfStatement', "Missing '(' after 'if' in if statement.", true],
    ['foreach (', 'MissingVariableNameAfterForeach', 'Missing variable name after foreach.', true],
    ['foreach ($a', 'MissingInInForeach', "Missing 'in' after variable in foreach loop.", true],
    ['do {}', 'MissingWhileOrUntilInDoWhile', 'Missing while or until keyword in do loop.', true],
    ['function f', 'MissingFunctionBody', 'Missing function body in function declaration.', true],
    ['function', 'MissingNameAfterKeyword', 'Missing name after function keyword.', true],
    ['try {}', 'MissingCatchOrFinally', 'The Try statement is missing its Catch or Finally block.', true],
    ['[', 'MissingTypename', "Missing type name after '['.", true],
    ['[int', 'EndSquareBracketExpectedAtEndOfAttribute', 'Missing ] at end of attribute or type literal.', true],
    ['gps | 1', 'ExpressionsMustBeFirstInPipeline', 'Expressions are only allowed as the first element of a pipeline.', false],
    ['gps < in.txt', 'RedirectionNotSupported', "The '<' operator is reserved for future use.", false],
    ['gps >', 'MissingFileSpecification', 'Missing file specification after redirection operator.', true],
    ['$x.', 'MissingPropertyName', 'Missing property name after reference operator.', true],
    ['while ($x)', 'MissingLoopStatement', 'Missing statement body in while loop.', true],
    ['switch ($x)', 'MissingCurlyBraceInSwitchStatement', "Missing '{' in switch statement.", true],
    ['gps && gci', 'InvalidEndOfLine', "The token '&&' is not a valid statement separator in this version.", false],
    ['"$name: text"', 'InvalidVariableReferenceWithDrive', "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.", false],
    ['$x = @y', 'SplattingNotPermitted', "The splatting operator '@' cannot be used to reference variables in an expression. '@y' can be used only as an argument to a command. To reference variables in an expression use '$y'.", false],
    ['1 = 2', 'InvalidLeftHandSide', parserMessages.InvalidLeftHandSide, false],
    ['Get-X `', 'IncompleteString', 'Incomplete string token.', true],
    ['()', 'ExpectedExpression', "An expression was expected after '('.", false],
  ];
  for (const [text, id, message, incomplete] of cases) {
    it(`${JSON.stringify(text)} → ${id}`, () => {
      const e = first(text);
      expect(e.errorId).toBe(id);
      expect(e.message).toBe(message);
      expect(e.incomplete).toBe(incomplete);
    });
  }
  it('an error inside a string subexpression is reported with its position', () => {
    const e = first('"a $(1 +) b"');
    expect(e.errorId).toBe('ExpectedValueExpression');
    expect(e.span.start).toBe(8);
  });
  it('a complete script has no errors and is not incomplete', () => {
    expect(parseScript('Get-X -Y:$true | % { $_ }\n').errors).toEqual([]);
  });
  it('Chevrotain wording never leaks', () => {
    for (const t of ['} }', ']', 'else', 'X -Y ]', 'in', '$a = ,', '@(', ':', '[int]::', 'param(', 'switch ($x) { a }']) {
      for (const e of parseScript(t).errors) {
        expect(Object.keys(parserMessages)).toContain(e.errorId);
        expect(e.message).not.toMatch(/Expecting|but found|EOF|NoViableAlt|-->/);
      }
    }
  });
});
