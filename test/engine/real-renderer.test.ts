// The engine with src/format's renderer: the exact 5.1 text of common failures.
import { describe, expect, it } from 'vitest';
import { renderer } from '../../src/format/index.js';
import { testShell } from './helpers.js';

describe('engine + 5.1 renderer', () => {
  it('command not found', async () => {
    const sh = testShell({ renderer });
    expect(await sh.run('nonsenseString')).toBe(
      [
        "nonsenseString : The term 'nonsenseString' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.",
        'At line:1 char:1',
        '+ nonsenseString',
        '+ ~~~~~~~~~~~~~~',
        '    + CategoryInfo          : ObjectNotFound: (nonsenseString:String) [], CommandNotFoundException',
        '    + FullyQualifiedErrorId : CommandNotFoundException',
        '',
      ].join('\n'),
    );
  });

  it('a parse error: position first, nothing runs', async () => {
    const sh = testShell({ renderer });
    expect(await sh.run("'ran'; 1 +")).toBe(
      [
        'At line:1 char:11',
        "+ 'ran'; 1 +",
        '+           ~',
        "You must provide a value expression following the '+' operator.",
        '    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException',
        '    + FullyQualifiedErrorId : ExpectedValueExpression',
        '',
      ].join('\n'),
    );
  });

  it('a cmdlet error in a -File script points into the script', async () => {
    const sh = testShell({ renderer });
    const out = await sh.run("'start'\nFail-Item x\n'end'", { file: 'C:\\scripts\\t.ps1' });
    expect(out).toBe(
      [
        'start',
        "Fail-Item : Cannot find path 'x' because it does not exist.",
        'At C:\\scripts\\t.ps1:2 char:1',
        '+ Fail-Item x',
        '+ ~~~~~~~~~~~',
        '    + CategoryInfo          : ObjectNotFound: (x:String) [Fail-Item], ItemNotFoundException',
        '    + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.FailItemCommand',
        '',
        'after x',
        'end',
      ].join('\n'),
    );
  });

  it('throw', async () => {
    const sh = testShell({ renderer });
    expect(await sh.run("throw 'boom'")).toBe(
      [
        'boom',
        'At line:1 char:1',
        "+ throw 'boom'",
        '+ ~~~~~~~~~~~~',
        '    + CategoryInfo          : OperationStopped: (boom:String) [], RuntimeException',
        '    + FullyQualifiedErrorId : boom',
        '',
      ].join('\n'),
    );
  });
});
