// Aliases are declared once, on their cmdlet (`aliases: [...]`): the session's alias table,
// Get-Alias, command resolution and Get-Command all come from those declarations.
import { describe, expect, it } from 'vitest';
import { allCmdlets } from '../../src/cmdlets/index.js';
import { testShell } from './helpers.js';

const declared = allCmdlets.flatMap((d) => (d.aliases ?? []).map((a) => `${a.toLowerCase()}=${d.name}`)).sort();

describe('aliases', () => {
  it('no two cmdlets declare the same alias', () => {
    expect(new Set(declared.map((x) => x.split('=')[0])).size).toBe(declared.length);
  });

  it('the session has exactly the declared aliases (Get-Alias, Get-Command, resolution)', async () => {
    const sh = testShell({ cmdlets: allCmdlets });
    const listed = (await sh.eval('Get-Alias | ForEach-Object { "$($_.Name)=$($_.Definition)" }')).output as string[];
    expect(listed.map((x) => x.toLowerCase()).sort()).toEqual(declared.map((x) => x.toLowerCase()));
    const viaCommand = (await sh.eval('Get-Command -CommandType Alias | ForEach-Object Name')).output as string[];
    expect(viaCommand.map((x) => x.toLowerCase()).sort()).toEqual(declared.map((x) => x.split('=')[0]).sort());
    for (const d of allCmdlets) {
      for (const a of d.aliases ?? []) expect(sh.session.commandNames()).toContain(a);
    }
  });

  it('an alias runs its cmdlet; mkdir and md make a folder, as the 5.1 mkdir function does', async () => {
    const sh = testShell({ cmdlets: allCmdlets });
    const r = await sh.eval('mkdir C:\\made | Out-Null; md C:\\made2 | Out-Null; ni C:\\file.txt | Out-Null; (gi C:\\made).PSIsContainer; (gi C:\\made2).PSIsContainer; (gi C:\\file.txt).PSIsContainer');
    expect(r.errors).toEqual([]);
    expect(r.output).toEqual([true, true, false]);
  });
});
