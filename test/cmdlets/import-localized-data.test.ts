// Import-LocalizedData: the culture walk (en-US → en → base folder), the default file and folder
// of the calling script, the restricted language of the .psd1, the binding variable's scope, and
// 5.1's errors (issue 11, I18n).
import { describe, expect, it } from 'vitest';
import { everydaySession } from './everyday-session.js';

const data = (text: string) => `"ConvertFrom-StringData 'msg = ${text}'"`;

async function layout(run: (s: string) => Promise<string>): Promise<void> {
  await run('New-Item C:\\L\\en-US, C:\\L\\en, C:\\L\\fr-FR -ItemType Directory -Force | Out-Null');
  await run(`Set-Content C:\\L\\en-US\\app.psd1 ${data('en-US')}; Set-Content C:\\L\\en\\app.psd1 ${data('en')}`);
  await run(`Set-Content C:\\L\\fr-FR\\app.psd1 ${data('fr-FR')}; Set-Content C:\\L\\app.psd1 ${data('base')}`);
}

describe('Import-LocalizedData', () => {
  it('walks up the culture of -UICulture, then the base directory', async () => {
    const { run } = everydaySession();
    await layout(run);
    const get = (c: string) => `(Import-LocalizedData -BaseDirectory C:\\L -FileName app -UICulture ${c}).msg`;
    expect(await run([get('en-US'), get('en-GB'), get('fr-FR'), get('de-DE')].join('; '))).toBe('en-US\nen\nfr-FR\nbase\n');
  });

  it('without -UICulture uses the current UI culture, falling back on en-US', async () => {
    const { run } = everydaySession();
    await layout(run);
    await run('Remove-Item C:\\L\\app.psd1');
    expect(await run("[cultureinfo]::CurrentUICulture = 'fr-FR'; $PSUICulture; (Import-LocalizedData -BaseDirectory C:\\L -FileName app).msg")).toBe('fr-FR\nfr-FR\n');
    expect(await run("[cultureinfo]::CurrentUICulture = 'no-NL'; (Import-LocalizedData -BaseDirectory C:\\L -FileName app).msg")).toBe('en-US\n');
  });

  it("defaults to the calling script's folder and base name, and binds in the caller's scope", async () => {
    const { run } = everydaySession();
    await layout(run);
    await run("Set-Content C:\\L\\app.ps1 'Import-LocalizedData t; $t.msg; & { Import-LocalizedData -BindingVariable script:s }; $s.msg'");
    expect(await run('& C:\\L\\app.ps1; $t -eq $null')).toBe('en-US\nen-US\nTrue\n');
  });

  it('runs the file in the restricted language unless -SupportedCommand allows the command', async () => {
    const { run } = everydaySession();
    await run("New-Item C:\\R -ItemType Directory -Force | Out-Null; Set-Content C:\\R\\cmd.psd1 'Get-Command Import-LocalizedData'");
    expect(await run('try { Import-LocalizedData -BaseDirectory C:\\R -FileName cmd } catch { $_.FullyQualifiedErrorId; $_.Exception.GetType().FullName }'))
      .toBe('InvalidOperation,Microsoft.PowerShell.Commands.ImportLocalizedData\nSystem.Management.Automation.PSInvalidOperationException\n');
    expect(await run('(Import-LocalizedData -BaseDirectory C:\\R -FileName cmd -SupportedCommand Get-Command).Name')).toBe('Import-LocalizedData\n');
  });

  it("reports 5.1's errors: a missing file, a bad culture, a path in -FileName, no script and no -FileName", async () => {
    const { run } = everydaySession();
    expect(await run("Import-LocalizedData -BaseDirectory C:\\Nope -FileName x -UICulture en-US 2>&1 | % { $_.FullyQualifiedErrorId; $_.Exception.Message }"))
      .toBe("ImportLocalizedData,Microsoft.PowerShell.Commands.ImportLocalizedData\nCannot find the PowerShell data file 'x.psd1' in directory 'C:\\Nope\\en-US', or in any parent culture directories.\n");
    expect(await run('try { Import-LocalizedData -FileName x -UICulture none-none } catch { $_.Exception.GetType().Name }')).toBe('PSArgumentException\n');
    expect(await run('try { Import-LocalizedData -FileName C:\\x } catch { $_.Exception.Message }')).toBe('The argument for the FileName parameter should not contain a path.\n');
    expect(await run('try { Import-LocalizedData } catch { $_.Exception.Message }')).toMatch(/^The FileName parameter was not specified/);
  });

  it('knows cultures beyond en-US by their well-formed names, with their parents', async () => {
    const { run } = everydaySession();
    expect(await run("$c = New-Object cultureinfo 'en-GB'; $c.Name; $c.Parent.Name; $c.Parent.IsNeutralCulture; $c.Parent.Parent.Name -eq ''; (New-Object cultureinfo 'fr-fr').DisplayName"))
      .toBe('en-GB\nen\nTrue\nTrue\nFrench (France)\n');
    expect(await run("([cultureinfo]'de-DE').Parent.Name; ('fr-FR' -as [cultureinfo]).Name; try { [cultureinfo]'none-none' } catch { $_.FullyQualifiedErrorId }")).toBe('de\nfr-FR\nInvalidCastConstructorException\n');
    expect(await run("try { New-Object cultureinfo 'none-none' } catch { $_.FullyQualifiedErrorId }")).toBe('ConstructorInvokedThrowException,Microsoft.PowerShell.Commands.NewObjectCommand\n');
  });
});

describe('the session culture', () => {
  it('belongs to its session: a culture one session sets is not another session\'s', async () => {
    const a = everydaySession();
    const b = everydaySession();
    await a.run("[cultureinfo]::CurrentCulture = 'fr-FR'; (Get-Culture).TextInfo.ListSeparator = ';'");
    expect(await a.run('(Get-Culture).Name; (Get-Culture).TextInfo.ListSeparator')).toBe('fr-FR\n;\n');
    expect(await b.run('(Get-Culture).Name; (Get-Culture).TextInfo.ListSeparator; $PSCulture')).toBe('en-US\n,\nen-US\n');
  });
});
