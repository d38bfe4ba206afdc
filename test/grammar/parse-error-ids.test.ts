// Parse-error ids as PowerShell 5.1 reports them (the table is test/grammar/parse-error-table.ts).
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../grammar/index.js';
import { PARSE_ERROR_TABLE } from './parse-error-table.js';

describe('parse-error ids (PowerShell 5.1)', () => {
  for (const [script, id, gap] of PARSE_ERROR_TABLE) {
    const test = () => expect(parseScript(script).errors[0]?.errorId ?? '').toBe(id);
    // A known gap is expected to differ: when it is closed, this fails and the row loses its reason.
    if (gap) it.fails(`${JSON.stringify(script)} → ${id} (gap: ${gap})`, test);
    else it(`${JSON.stringify(script)} → ${id || 'no error'}`, test);
  }
});
