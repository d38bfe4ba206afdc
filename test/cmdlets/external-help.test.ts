// `.EXTERNALHELP file.xml`: a script function's help from a MAML file beside the script, the UI
// culture's folder first; a relative folder in the name is kept.
import { describe, expect, it } from 'vitest';
import { everydaySession } from './everyday-session.js';

const maml = (name: string, synopsis: string) =>
  `<helpItems schema="maml"><command:command xmlns:maml="http://schemas.microsoft.com/maml/2004/10" xmlns:command="http://schemas.microsoft.com/maml/dev/command/2004/10"><command:details><command:name> ${name} </command:name><maml:description><maml:para>${synopsis}</maml:para></maml:description></command:details></command:command></helpItems>`;

describe('.EXTERNALHELP', () => {
  it('reads the synopsis from the MAML file beside the script, en-US folder first', async () => {
    const { run } = everydaySession();
    const setup = [
      `New-Item C:\\h\\en-US, C:\\h\\sub\\en-US -ItemType Directory -Force | Out-Null`,
      `Set-Content C:\\h\\plain.xml '${maml('f1', 'From the folder.')}'`,
      `Set-Content C:\\h\\en-US\\loc.xml '${maml('f2', 'From en-US.')}'`,
      `Set-Content C:\\h\\loc.xml '${maml('f2', 'Not this one.')}'`,
      `Set-Content C:\\h\\sub\\en-US\\loc.xml '${maml('f3', 'From sub.')}'`,
      `Set-Content C:\\h\\s.ps1 "function f1 {\`n# .EXTERNALHELP plain.xml\`n}\`nfunction f2 {\`n# .EXTERNALHELP loc.xml\`n}\`nfunction f3 {\`n# .EXTERNALHELP sub/loc.xml\`n}\`n(Get-Help f1).Synopsis; (Get-Help f2).Synopsis; (Get-Help f3).Synopsis"`,
    ].join('; ');
    expect(await run(`${setup}; & C:\\h\\s.ps1`)).toBe('From the folder.\nFrom en-US.\nFrom sub.\n');
  });
});
