// The type-data cmdlets as 5.1 takes their arguments: -TypeName through the type shortcuts (int
// is System.Int32), Remove-TypeData -Path naming no file (TypePathException), and the
// PSStandardMembers notes converted to their types (SerializationMethod reads back as String);
// each runspace with its own type table; Remove-TypeData -Path taking away only its file's members.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let c: Captured;
beforeEach(async () => {
  c = await capturedSession();
});
afterEach(async () => {
  await c.close();
});

describe('type data arguments', () => {
  it('-TypeName int is System.Int32 for Update-, Get- and Remove-TypeData (a piped name too)', async () => {
    const { out } = await c.run(
      [
        'Update-TypeData -MemberType NoteProperty -MemberName TdNote -Value here -TypeName int',
        '(Get-TypeData System.Int32).TypeName',
        '(Get-TypeData int).TypeName',
        '(5).TdNote',
        "'int' | Remove-TypeData",
        '$null -eq (5).TdNote',
      ].join('; '),
    );
    expect(out).toBe('System.Int32\nSystem.Int32\nhere\nTrue\n');
  });

  it('Remove-TypeData -Path of a file that does not exist is TypePathException', async () => {
    const { out } = await c.run(
      "Remove-TypeData -Path C:\\nofile.ps1xml -ErrorAction SilentlyContinue -ErrorVariable e; $e[0].FullyQualifiedErrorId; $e[0].CategoryInfo.Category; $e[0].Exception.Message",
    );
    expect(out).toBe("TypePathException,Microsoft.PowerShell.Commands.RemoveTypeDataCommand\nInvalidOperation\nCannot find path 'C:\\nofile.ps1xml' because it does not exist.\n");
  });

  it('SerializationMethod given in any case reads back as the SerializationMethod value', async () => {
    const { out } = await c.run(
      "Update-TypeData -SerializationMethod string -StringSerializationSource Length -TypeName Td.Serialized -Force; $o = [pscustomobject]@{Length=3}; $o.PSObject.TypeNames.Insert(0, 'Td.Serialized'); $o.PSStandardMembers.SerializationMethod; $o.PSStandardMembers.SerializationMethod.GetType().FullName",
    );
    expect(out).toBe('String\nSystem.Management.Automation.SerializationMethod\n');
  });

  it('each runspace has its own type table: what one adds, another and the caller do not see', async () => {
    const { out } = await c.run(
      [
        "$ps = [powershell]::Create(); $null = $ps.AddScript(\"Update-TypeData -TypeName System.String -MemberType NoteProperty -MemberName RsNote -Value one; 'x'.RsNote\")",
        '$ps.Invoke()',
        "$ps.Commands.Clear(); $ps.AddScript(\"'y'.RsNote\").Invoke()",
        "$ps2 = [powershell]::Create(); $null = $ps2.AddScript(\"Update-TypeData -TypeName System.String -MemberType NoteProperty -MemberName RsNote -Value two; 'x'.RsNote\")",
        '$ps2.Invoke(); $ps2.HadErrors',
        "$null -eq 'z'.RsNote",
      ].join('; '),
    );
    expect(out).toBe('one\none\ntwo\nFalse\nTrue\n');
  });

  it('Remove-TypeData -Path takes away only what that file added: another file\'s members of the same type stay', async () => {
    const file = (member: string) =>
      `<Types><Type><Name>System.Array</Name><Members><AliasProperty><Name>${member}</Name><ReferencedMemberName>Length</ReferencedMemberName></AliasProperty></Members></Type></Types>`;
    const { out } = await c.run(
      [
        `Set-Content C:\\td1.ps1xml '${file('TdYada')}'; Set-Content C:\\td2.ps1xml '${file('TdYoda')}'`,
        'Update-TypeData -AppendPath C:\\td1.ps1xml; Update-TypeData -AppendPath C:\\td2.ps1xml',
        '$a = 1..3; "$($a.TdYada) $($a.TdYoda)"',
        'Remove-TypeData -Path C:\\td1.ps1xml',
        '"[$($a.TdYada)] $($a.TdYoda)"',
      ].join('; '),
    );
    expect(out).toBe('3 3\n[] 3\n');
  });
});
