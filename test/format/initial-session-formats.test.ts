// A runspace made from an InitialSessionState whose Formats were cleared starts without the
// built-in views (Get-FormatData finds only what it loads); $runspace.CreatePipeline(script)
// runs a script there.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let c: Captured;
beforeEach(async () => {
  c = await capturedSession();
});
afterEach(async () => {
  await c.close();
});

const XML =
  '<Configuration><ViewDefinitions><View><Name>IsView</Name><ViewSelectedBy><TypeName>Iss.Thing</TypeName></ViewSelectedBy>' +
  '<TableControl><TableHeaders /><TableRowEntries><TableRowEntry><TableColumnItems><TableColumnItem><PropertyName>Guid</PropertyName></TableColumnItem></TableColumnItems></TableRowEntry></TableRowEntries></TableControl></View></ViewDefinitions></Configuration>';

describe('InitialSessionState formats', () => {
  it('Formats.Clear(): the runspace has no built-in views, only the files it loads; the caller keeps its own', async () => {
    const { out } = await c.run(
      [
        `Set-Content C:\\iss.format.ps1xml '${XML}'`,
        '$iss = [initialsessionstate]::CreateDefault(); $iss.Formats.Clear(); $iss.Types.Clear()',
        '$rs = [runspacefactory]::CreateRunspace($iss); $rs.Open()',
        '@($rs.CreatePipeline("Get-FormatData").Invoke()).Count',
        '$null = $rs.CreatePipeline("Update-FormatData -AppendPath C:\\iss.format.ps1xml").Invoke()',
        '$rs.CreatePipeline("Get-FormatData").Invoke() | ForEach-Object TypeName',
        '(Get-FormatData System.Collections.DictionaryEntry).TypeName',
        '$null -eq (Get-FormatData Iss.Thing)',
        '$rs.Close()',
      ].join('; '),
    );
    expect(out).toBe('0\nIss.Thing\nSystem.Collections.DictionaryEntry\nTrue\n');
  });

  it('a default InitialSessionState keeps the built-in views; CreatePipeline reports errors and rethrows a terminating one', async () => {
    const { out } = await c.run(
      [
        '$rs = [runspacefactory]::CreateRunspace([initialsessionstate]::CreateDefault2()); $rs.Open()',
        '(@($rs.CreatePipeline("Get-FormatData System.Collections.DictionaryEntry").Invoke())).Count',
        '$p = $rs.CreatePipeline("Write-Error nope; 5"); $p.Invoke(); $p.HadErrors; $p.Error[0].ToString()',
        'try { $rs.CreatePipeline("throw \'boom\'").Invoke() } catch { $_.Exception.Message }',
        '$rs.Close()',
      ].join('; '),
    );
    expect(out).toBe('1\n5\nTrue\nnope\nException calling "Invoke" with "0" argument(s): "boom"\n');
  });
});
