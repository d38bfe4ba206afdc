// `#requires` comments: well-formed ones parse; malformed ones are the parse errors 5.1 reports.
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../grammar/index.js';

const errorIds = (text: string) => parseScript(text).errors.map((e) => e.errorId);

describe('#requires', () => {
  it('well-formed requirements parse', () => {
    for (const text of ['#requires -Version 3.0\n1', '#Requires -version 2\n1', '#requires -RunAsAdministrator\n1', "#requires -Modules 'A', 'B'\n1", '# requires nothing\n1']) {
      expect(errorIds(text), text).toEqual([]);
    }
  });

  it('a version that is not one is RequiresVersionInvalid', () => {
    for (const v of ['A', '2b', '1.', "''", '1.0.', '1.A']) expect(errorIds(`#requires -version ${v} \r\n$foo = 1`), v).toEqual(['RequiresVersionInvalid']);
  });

  it('anything but `requires -Parameter value` is ScriptRequiresInvalidFormat; a parameter without its value ParameterRequiresArgument', () => {
    expect(errorIds('#requiresappID\r\n$foo = 1')).toEqual(['ScriptRequiresInvalidFormat']);
    expect(errorIds('#requires -Bogus 1\n1')).toEqual(['ScriptRequiresInvalidFormat']);
    expect(errorIds('#requires -Version\n1')).toEqual(['ParameterRequiresArgument']);
  });
});
