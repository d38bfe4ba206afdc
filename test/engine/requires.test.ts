// #requires: the forms the parser accepts and rejects (ParseException), and the requirements a
// script's run checks first (ScriptRequiresException with 5.1's ids).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScript } from '../../grammar/index.js';
import { capturedSession, type Captured } from '../helpers/run.js';

let sh: Captured;
beforeAll(async () => {
  sh = await capturedSession();
});
afterAll(async () => {
  await sh?.close();
});

describe('#requires parsing', () => {
  it('accepts the documented forms and reads what they require', () => {
    const r = parseScript('#Requires -Version 3\n#requires -Modules A, @{ModuleName="B";ModuleVersion="1.0"} -RunAsAdministrator\n#requires -PSEdition Desktop\n1');
    expect(r.errors).toEqual([]);
    expect(r.requirements).toEqual({ version: '3.0', modules: ['A', 'B'], editions: ['Desktop'], elevation: true });
    expect(parseScript('# requires nothing\n1').requirements).toBeUndefined();
  });

  it('rejects a malformed line or version', () => {
    for (const text of ['#requiresappID\n1', '#requires -version A', '#requires -version 2b', '#requires -version 1.', "#requires -version ''", '#requires -version 1.0.', '#requires -version 1.A', '#requires -Frobnicate 1']) {
      expect(parseScript(text).errors.length, text).toBe(1);
    }
    expect(parseScript('#requires -version A').errors[0]!.errorId).toBe('RequiresVersionInvalid');
    expect(parseScript('#requiresappID').errors[0]!.errorId).toBe('ScriptRequiresInvalidFormat');
  });
});

describe('#requires when a script runs', () => {
  it('a newer version, the Core edition or a missing module stops the script before it runs', async () => {
    await sh.run("Set-Content C:\\rq1.ps1 \"#requires -version 6.0`n'ran'\"; Set-Content C:\\rq2.ps1 \"#requires -version 5.1`n'ran'\"");
    await sh.run("Set-Content C:\\rq3.ps1 \"#requires -Modules Nope`n'ran'\"; Set-Content C:\\rq4.ps1 \"#requires -PSEdition Core`n'ran'\"");
    expect((await sh.run('C:\\rq2.ps1')).out).toBe('ran\n');
    const ids = await sh.run('foreach ($s in "C:\\rq1.ps1", "C:\\rq3.ps1", "C:\\rq4.ps1") { try { & $s } catch { $_.FullyQualifiedErrorId } }');
    expect(ids.out).toBe('ScriptRequiresUnmatchedPSVersion\nScriptRequiresMissingModules\nScriptRequiresUnmatchedPSEdition\n');
    const msg = await sh.run('try { C:\\rq1.ps1 } catch { $_.Exception.Message; $_.Exception -is [System.Management.Automation.ScriptRequiresException] }');
    expect(msg.out).toBe(
      'The script \'rq1.ps1\' cannot be run because it contained a "#requires" statement for Windows PowerShell 6.0. The version of Windows PowerShell that is required by the script does not match the currently running version of Windows PowerShell 5.1.14393.5582.\nTrue\n',
    );
  });
});
