import { describe, expect, it } from 'vitest';
import { ErrorRecord } from '../../src/protocol/errors.js';
import { errorLines, parseErrorsText, positionLines } from '../../src/format/error-view.js';

function at(text: string, start: number, end: number, extra: { invocationName?: string; commandName?: string; file?: string } = {}) {
  return { source: { text, file: extra.file }, span: { start, end }, invocationName: extra.invocationName, commandName: extra.commandName };
}

describe('5.1 NormalView', () => {
  it('command not found', () => {
    const text = 'nonsenseString';
    const r = new ErrorRecord({
      message:
        "The term 'nonsenseString' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
      errorId: 'CommandNotFoundException',
      category: 'ObjectNotFound',
      exceptionType: 'CommandNotFoundException',
      targetObject: 'nonsenseString',
      invocation: at(text, 0, 14, { invocationName: 'nonsenseString' }),
    });
    expect(errorLines(r, 120).join('\n')).toBe(
      [
        "nonsenseString : The term 'nonsenseString' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
        'At line:1 char:1',
        '+ nonsenseString',
        '+ ~~~~~~~~~~~~~~',
        '    + CategoryInfo          : ObjectNotFound: (nonsenseString:String) [], CommandNotFoundException',
        '    + FullyQualifiedErrorId : CommandNotFoundException',
      ].join('\n'),
    );
  });

  it('binding error: prefix, activity and FQID with the command type', () => {
    const text = 'Get-ChildItem -Path $PSHOME -LiteralPath $PSHOME';
    const r = new ErrorRecord({
      message: 'Parameter set cannot be resolved using the specified named parameters.',
      errorId: 'AmbiguousParameterSet',
      category: 'InvalidArgument',
      exceptionType: 'ParameterBindingException',
      commandFullName: 'Microsoft.PowerShell.Commands.GetChildItemCommand',
      invocation: at(text, 0, text.length, { invocationName: 'Get-ChildItem', commandName: 'Get-ChildItem' }),
    });
    expect(errorLines(r, 120)).toEqual([
      'Get-ChildItem : Parameter set cannot be resolved using the specified named parameters.',
      'At line:1 char:1',
      '+ Get-ChildItem -Path $PSHOME -LiteralPath $PSHOME',
      '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
      '    + CategoryInfo          : InvalidArgument: (:) [Get-ChildItem], ParameterBindingException',
      '    + FullyQualifiedErrorId : AmbiguousParameterSet,Microsoft.PowerShell.Commands.GetChildItemCommand',
    ]);
  });

  it('squiggle under the argument', () => {
    const text = 'Test-Path $null';
    const r = new ErrorRecord({
      message: "Cannot bind argument to parameter 'Path' because it is null.",
      errorId: 'ParameterArgumentValidationErrorNullNotAllowed',
      category: 'InvalidData',
      exceptionType: 'ParameterBindingValidationException',
      commandFullName: 'Microsoft.PowerShell.Commands.TestPathCommand',
      invocation: at(text, 10, 15, { invocationName: 'Test-Path', commandName: 'Test-Path' }),
    });
    expect(errorLines(r, 120).slice(1, 5)).toEqual([
      'At line:1 char:11',
      '+ Test-Path $null',
      '+           ~~~~~',
      '    + CategoryInfo          : InvalidData: (:) [Test-Path], ParameterBindingValidationException',
    ]);
  });

  it('parse error: position block first, no prefix', () => {
    const text = 'if (36 < 42) { "true" } else { "false" }';
    const r = new ErrorRecord({
      message: "The '<' operator is reserved for future use.",
      errorId: 'RedirectionNotSupported',
      category: 'ParserError',
      exceptionType: 'ParentContainsErrorRecordException',
      isParseError: true,
      invocation: at(text, 7, 8),
    });
    expect(errorLines(r, 120)).toEqual([
      'At line:1 char:8',
      '+ if (36 < 42) { "true" } else { "false" }',
      '+        ~',
      "The '<' operator is reserved for future use.",
      '    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException',
      '    + FullyQualifiedErrorId : RedirectionNotSupported',
    ]);
  });

  it('runtime error without a command: no prefix', () => {
    const text = "$null -eq $a['abc']";
    const r = new ErrorRecord({
      message: 'Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."',
      errorId: 'InvalidCastFromStringToInteger',
      category: 'InvalidArgument',
      invocation: at(text, 0, text.length),
    });
    expect(errorLines(r, 120)[0]).toBe(r.message);
    expect(errorLines(r, 120)[4]).toBe('    + CategoryInfo          : InvalidArgument: (:) [], RuntimeException');
  });

  it('a zero-length extent still gets one ~; script files name their path; line numbers count', () => {
    expect(positionLines({ text: '1+', file: undefined }, { start: 2, end: 2 })).toEqual(['At line:1 char:3', '+ 1+', '+   ~']);
    expect(positionLines({ text: 'a\n  b c', file: 'C:\\s.ps1' }, { start: 6, end: 7 })).toEqual(['At C:\\s.ps1:2 char:5', '+   b c', '+     ~']);
  });

  it('tabs count as 4 spaces', () => {
    expect(positionLines({ text: '\tfoo' }, { start: 1, end: 4 })).toEqual(['At line:1 char:2', '+     foo', '+     ~~~']);
  });

  it('long lines are cut around the extent with ... ', () => {
    const text = 'Write-Output ' + 'a'.repeat(80) + ' -Bad x';
    const start = text.indexOf('-Bad');
    const lines = positionLines({ text }, { start, end: start + 4 });
    expect(lines[1]).toBe('+ ... ' + 'a'.repeat(62) + ' -Bad x');
    expect(lines[2]).toBe('+ ' + ' '.repeat(4 + 63) + '~~~~');
    const early = positionLines({ text }, { start: 0, end: 12 });
    expect(early[1]).toBe('+ ' + text.slice(0, 69) + ' ...');
  });

  it('category parts longer than 40 characters are shortened', () => {
    const r = new ErrorRecord({
      message: 'm',
      errorId: 'X',
      category: 'ObjectNotFound',
      targetObject: 'A'.repeat(20) + 'B'.repeat(30),
    });
    expect(errorLines(r)[1]).toBe(`    + CategoryInfo          : ObjectNotFound: (${'A'.repeat(19)}...${'B'.repeat(19)}:String) [], RuntimeException`);
  });

  it('several parse errors are joined by blank lines', () => {
    const text = '1+\n$a=';
    expect(parseErrorsText([{ message: 'M1', span: { start: 2, end: 2 } }, { message: 'M2', span: { start: 6, end: 6 } }], { text })).toBe(
      'At line:1 char:3\n+ 1+\n+   ~\nM1\n\nAt line:2 char:4\n+ $a=\n+    ~\nM2',
    );
  });
});
