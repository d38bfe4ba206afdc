// Update-TypeData, Get-TypeData and Remove-TypeData: the type table as 5.1's extended type system
// has it. The table belongs to the process, so each test uses type names of its own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let c: Captured;
beforeEach(async () => {
  c = await capturedSession();
});
afterEach(async () => {
  await c.close();
});

describe('Update-TypeData', () => {
  it('adds NoteProperty, AliasProperty, ScriptProperty and ScriptMethod members to every object of a type', async () => {
    const { out } = await c.run(
      [
        "$o = [pscustomobject]@{Name='ex01'}; $o.pstypenames.Insert(0, 'T1.Server')",
        'Update-TypeData -TypeName T1.Server -MemberType NoteProperty -MemberName Site -Value Paris',
        'Update-TypeData -TypeName T1.Server -MemberType AliasProperty -MemberName Host -Value Name',
        'Update-TypeData -TypeName T1.Server -MemberType ScriptProperty -MemberName Upper -Value { $this.Name.ToUpper() }',
        "Update-TypeData -TypeName T1.Server -MemberType ScriptMethod -MemberName Greet -Value { 'hi ' + $this.Name }",
        '$o.Site; $o.Host; $o.Upper; $o.Greet()',
        '($o | Get-Member -MemberType AliasProperty, ScriptMethod).Name -join ","',
      ].join('; '),
    );
    expect(out).toBe('Paris\nex01\nEX01\nhi ex01\nHost,Greet\n');
  });

  it('refuses a member the type has unless -Force replaces it; -Value $null and missing parameters are 5.1 errors', async () => {
    const { out } = await c.run(
      [
        'Update-TypeData -TypeName T2.Thing -MemberType NoteProperty -MemberName N -Value 1',
        'Update-TypeData -TypeName T2.Thing -MemberType NoteProperty -MemberName N -Value 2 -ErrorVariable e -ErrorAction SilentlyContinue; $e[0].FullyQualifiedErrorId; $e[0].Exception.Message',
        'Update-TypeData -TypeName T2.Thing -MemberType NoteProperty -MemberName N -Value $null -Force; $x = [pscustomobject]@{}; $x.pstypenames.Insert(0, "T2.Thing"); $null -eq $x.N',
        'try { Update-TypeData -TypeName T2.Thing -MemberType NoteProperty -Value 1 } catch { $_.FullyQualifiedErrorId }',
        'try { Update-TypeData -TypeName T2.Thing -MemberType AliasProperty -MemberName A -Value $null } catch { $_.FullyQualifiedErrorId }',
        'Update-TypeData -TypeName T2.Thing -ErrorVariable e -ErrorAction SilentlyContinue; $e[0].FullyQualifiedErrorId',
      ].join('; '),
    );
    expect(out).toBe(
      'TypesDynamicUpdateException,Microsoft.PowerShell.Commands.UpdateTypeDataCommand\nError in TypeData "T2.Thing": The member N is already present.\nTrue\n' +
        'MemberNameShouldBeSpecified,Microsoft.PowerShell.Commands.UpdateTypeDataCommand\nValueShouldBeSpecified,Microsoft.PowerShell.Commands.UpdateTypeDataCommand\n' +
        'TypeDataEmpty,Microsoft.PowerShell.Commands.UpdateTypeDataCommand\n',
    );
  });

  it('PSStandardMembers: serialization settings and the DefaultDisplayPropertySet that formatting shows', async () => {
    const { out } = await c.run(
      [
        "$o = [pscustomobject]@{Name='ex01'; Build='8.3'; Site='Paris'}; $o.pstypenames.Insert(0, 'T3.Server')",
        'Update-TypeData -TypeName T3.Server -DefaultDisplayPropertySet Name, Site -SerializationMethod SpecificProperties -SerializationDepth 2 -StringSerializationSource Name',
        '$o.PSStandardMembers.SerializationMethod; $o.PSStandardMembers.SerializationDepth; $o.PSStandardMembers.StringSerializationSource',
        '$o.PSStandardMembers.DefaultDisplayPropertySet.ReferencedPropertyNames -join ","',
        '($o | Out-String).Trim()',
        '($o | Format-List | Out-String).Trim()',
      ].join('; '),
    );
    expect(out).toBe('SpecificProperties\n2\nex01\nName,Site\nName Site\n---- ----\nex01 Paris\nName : ex01\nSite : Paris\n');
  });

  it('loads types.ps1xml files (attributes on the root are ignored); bad nodes and extensions are errors; Remove-TypeData -Path undoes a file', async () => {
    const xml =
      '<Types xmlns:foo="bar"><Type><Name>T4.List</Name><Members><AliasProperty><Name>Yada</Name><ReferencedMemberName>Count</ReferencedMemberName></AliasProperty>' +
      '<ScriptMethod><Name>Twice</Name><Script>$this.Count * 2</Script></ScriptMethod></Members></Type></Types>';
    const { out } = await c.run(
      [
        `Set-Content C:\\t4.types.ps1xml '${xml}'`,
        'Update-TypeData -AppendPath C:\\t4.types.ps1xml',
        "$l = [pscustomobject]@{Count=3}; $l.pstypenames.Insert(0, 'T4.List'); $l.Yada; $l.Twice()",
        '(Get-TypeData T4.*).TypeName',
        'Remove-TypeData -Path C:\\t4.types.ps1xml; $null -eq $l.Yada',
        "Set-Content C:\\bad.ps1xml '<Types><Type><Name>T4.Bad</Name><MembersTypo/></Type></Types>'",
        'Update-TypeData -PrependPath C:\\bad.ps1xml -ErrorVariable e -ErrorAction SilentlyContinue; $e[0].FullyQualifiedErrorId',
        "Set-Content C:\\types.txt 'x'; Update-TypeData -PrependPath C:\\types.txt -ErrorVariable e -ErrorAction SilentlyContinue; $e[0].FullyQualifiedErrorId",
      ].join('; '),
    );
    expect(out).toBe(
      '3\n6\nT4.List\nTrue\nTypesXmlUpdateException,Microsoft.PowerShell.Commands.UpdateTypeDataCommand\nWrongExtension,Microsoft.PowerShell.Commands.UpdateTypeDataCommand\n',
    );
  });
});
