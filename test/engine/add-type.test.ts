// Add-Type: C# source compiled by the shell's C# 5 subset (src/engine/csharp/) into types that
// work like .NET types; the cmdlet's parameter sets and 5.1's error records.
import { describe, expect, it } from 'vitest';
import { everydaySession } from '../cmdlets/everyday-session.js';

const CALC = `namespace Lab.Tools
{
    public class Calc
    {
        public const int Answer = 42;
        public static readonly string Name = "calc";
        public static int Add(int a, int b) { return a + b; }
        public static int Half(int a) { return a / 2; }
        public static double HalfD(double a) { return a / 2; }
        public static int Trunc(double a) { return (int)a; }
    }
}`;

describe('Add-Type -TypeDefinition', () => {
  it('defines a class in a namespace: static methods, constants, C# integer division and casts', async () => {
    const { run } = everydaySession();
    expect(await run(`$t = Add-Type -TypeDefinition '${CALC}' -PassThru; $t.FullName; [Lab.Tools.Calc]::Add(2, 3); [Lab.Tools.Calc]::Half(7); [Lab.Tools.Calc]::HalfD(7); [Lab.Tools.Calc]::Trunc(2.9); [Lab.Tools.Calc]::Answer`)).toBe(
      'Lab.Tools.Calc\n5\n3\n3.5\n2\n42\n',
    );
    expect(await run(`$t = [Lab.Tools.Calc]; $t::Add(1, 1); ([type]'Lab.Tools.Calc')::Name; [Lab.Tools.Calc].Assembly.FullName -like '*Version=0.0.0.0, Culture=neutral, PublicKeyToken=null'`)).toBe('2\ncalc\nTrue\n');
    expect(await run("try { [Lab.Tools.Calc]::Answer = 1 } catch { $_.FullyQualifiedErrorId }; try { [Lab.Tools.Calc]::Name = 'x' } catch { $_.FullyQualifiedErrorId }")).toBe(
      'PropertyAssignmentException\nPropertyAssignmentException\n',
    );
  });

  it('properties with get/set bodies over private fields (names differing only in case), read-only properties, Get-Member', async () => {
    const { run } = everydaySession();
    await run(`Add-Type -TypeDefinition @'
public class Server
{
    private string name = "default";
    private int port = 80;
    public string Name { get { return name; } set { name = value; } }
    public int Port { get { return port; } set { port = value; } }
    public string Url { get { return "http://" + name + ":" + port; } }
}
'@`);
    expect(await run('$s = New-Object Server -Property @{ Name = "ex01" }; $s.Url; $s.Port = "8080"; $s.Url')).toBe('http://ex01:80\nhttp://ex01:8080\n');
    expect(await run('[Server]::new() | Get-Member -MemberType Property | ForEach-Object Definition')).toBe('string Name {get;set;}\nint Port {get;set;}\nstring Url {get;}\n');
    expect(await run('try { [Server]@{ Url = "x" } } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }')).toBe(
      'ObjectCreationError\nCannot create object of type "Server". The Url property was not found for the Server object. The available property is: [Name <System.String>] , [Port <System.Int32>]\n',
    );
  });

  it('constructors (overloads, : base(...)), inheritance, instance methods, as / is, loops, switch, try/catch and throw', async () => {
    const { run } = everydaySession();
    await run(`Add-Type -TypeDefinition @'
using System;
using System.Collections.Generic;
public class Person
{
    public Person() {}
    public Person(string first, int years) { First = first; Years = years; }
    public string First;
    public int Years;
    public virtual string Describe() { return First + " (" + Years + ")"; }
}
public class Admin : Person, IComparable
{
    public Admin(string first, int years) : base(first, years) {}
    public int CompareTo(object obj)
    {
        Admin other = obj as Admin;
        if (null == other) return -1;
        return string.Compare(First, other.First);
    }
    public static int Sum(int n)
    {
        int total = 0;
        for (int i = 1; i <= n; i++) { total += i; }
        var k = 0;
        while (k < 3) k++;
        foreach (int x in new int[] { 10, 20 }) total = total + x;
        return total + k;
    }
    public static string Kind(int n)
    {
        switch (n)
        {
            case 0: return "zero";
            case 1:
            case 2: return "small";
            default: return "big";
        }
    }
    public static string Check(int n)
    {
        try
        {
            if (n < 0) throw new ArgumentException("negative: " + n);
            return "ok";
        }
        catch (ArgumentException e)
        {
            return "caught " + e.Message;
        }
    }
    public static void Fail() { throw new InvalidOperationException("no way"); }
}
'@`);
    expect(await run("$a = [Admin]::new('Ann', 3); $a.Describe(); $a -is [Person]; $a.CompareTo([Admin]::new('Bob', 1)); $a.CompareTo('x')")).toBe('Ann (3)\nTrue\n-1\n-1\n');
    expect(await run('[Admin]::Sum(4); [Admin]::Kind(0); [Admin]::Kind(2); [Admin]::Kind(9); [Admin]::Check(1); [Admin]::Check(-2)')).toBe('43\nzero\nsmall\nbig\nok\ncaught negative: -2\n');
    expect(await run('try { [Admin]::Fail() } catch { $_.Exception.GetType().FullName; $_.Exception.Message }')).toContain('no way');
    expect(await run("(New-Object Person -ArgumentList 'Cy', 5).Describe(); try { New-Object Person -ArgumentList 1 -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }")).toBe(
      'Cy (5)\nConstructorInvokedThrowException,Microsoft.PowerShell.Commands.NewObjectCommand\n',
    );
  });

  it('interfaces: a class is its interfaces (compiled ones and the framework\'s), which have no instances', async () => {
    const { run } = everydaySession();
    await run("Add-Type -TypeDefinition 'public interface IArea { int Area(); } public class Tile : IArea, System.IComparable { public int Area() { return 4; } public int CompareTo(object o) { return 0; } } public class BigTile : Tile {}'");
    expect(await run('$t = [BigTile]::new(); $t -is [IArea]; $t -is [System.IComparable]; $t.Area(); "x" -is [IArea]; try { [IArea]::new() } catch { $_.FullyQualifiedErrorId }')).toBe(
      'True\nTrue\n4\nFalse\nConstructorInvokedThrowException\n',
    );
  });

  it('static fields changed by instances, static properties with get/set bodies, generic collections, extern methods', async () => {
    const { run } = everydaySession();
    await run(`Add-Type -TypeDefinition @'
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
public class Counter
{
    private static int count = 0;
    private List<string> names = new List<string>();
    public int Id { get; set; }
    public Counter() { count++; Id = count; }
    public static int Count { get { return count; } set { count = value; } }
    public void Add(string n) { names.Add(n.ToUpper()); }
    public string All() { return String.Join(",", names.ToArray()); }
    public override string ToString() { return "Counter#" + Id; }
    [DllImport("kernel32.dll")] public static extern uint GetTickCount();
}
'@`);
    expect(await run('$a = [Counter]::new(); $b = New-Object Counter; $b.Id; [Counter]::Count; [Counter]::Count = 10; [Counter]::new().Id; $a.Add("x"); $a.Add("y"); $a.All(); "$b"')).toBe('2\n2\n11\nX,Y\nCounter#2\n');
    // P/Invoke has no native code behind it here: calling it throws.
    expect(await run('try { [Counter]::GetTickCount() } catch { $_.Exception.GetType().FullName }')).toBe('System.NotImplementedException\n');
  });

  it('nested types are Outer+Inner, found by their simple name inside the type', async () => {
    const { run } = everydaySession();
    await run(`Add-Type -TypeDefinition @'
namespace Lab {
  public class Win32 {
    [System.Flags] public enum Access { Read = 1, Write = 2 }
    public struct Rect { public int Left; public int Right; public int Width() { return Right - Left; } }
    public static Rect Make(int l, int r) { Rect x = new Rect(); x.Left = l; x.Right = r; return x; }
    public static Access Both() { return Access.Read | Access.Write; }
  }
}
'@`);
    expect(await run('[Lab.Win32]::Make(2, 9).Width(); [Lab.Win32]::Both(); [Lab.Win32+Access]::Write; [Lab.Win32+Rect]::new().GetType().FullName')).toBe('7\nRead, Write\nWrite\nLab.Win32+Rect\n');
  });

  it('enums: explicit values, [Flags], an underlying type; [E]::new() and New-Object give 0', async () => {
    const { run } = everydaySession();
    await run("Add-Type -TypeDefinition '[System.Flags] public enum Roles : uint { None = 0, Mailbox = 1, Hub = 2, Both = Mailbox | Hub } public enum Day { Sun, Mon, Tue = 5, Wed }'");
    expect(await run('[Roles]3; [int][Roles]::Hub; [Day]::Wed.value__; [int][Day]::Wed; [Day]::new(); New-Object Day')).toBe('Both\n2\n6\n6\nSun\nSun\n');
  });

  it('abstract classes and structs: no instance of the one, System.ValueType for the other', async () => {
    const { run } = everydaySession();
    await run("Add-Type -TypeDefinition 'public abstract class Shape { public string Name; } public sealed class Square : Shape { public int Side; } public struct Point { public int X; public int Y; }'");
    expect(await run('try { New-Object Shape -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }; $q = [Square]::new(); $q.Name = "q"; $q -is [Shape]; [Point]::new().psobject.TypeNames -join ","')).toBe(
      'ConstructorInvokedThrowException,Microsoft.PowerShell.Commands.NewObjectCommand\nTrue\nPoint,System.ValueType,System.Object\n',
    );
    // Reflection lists a type's own members first, then its base's.
    expect(await run('([Square]::new() | Get-Member -MemberType Property).Name -join ","; [Square]::new().psobject.Properties.Name -join ","')).toBe('Name,Side\nSide,Name\n');
  });

  it('a deserialized instance casts back by its properties; a parameter typed with the class converts or fails with ParameterArgumentTransformationError', async () => {
    const { run } = everydaySession();
    await run("Add-Type -TypeDefinition 'public class Rec { private string id = \"r\"; public string Name; public string Id { get { return id; } } } public class Open { public string Name; public int Port; }'");
    expect(await run('$d = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize([Open]@{ Name = "a"; Port = 1 })); ([Open]$d).Port; function f { param([Open]$o) $o.GetType().FullName }; f $d; f @{ Name = "b" }')).toBe(
      '1\nOpen\nOpen\n',
    );
    expect(await run('$d = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize([Rec]::new())); try { [Rec]$d } catch { $_.FullyQualifiedErrorId }; function g { param([Rec]$r) }; try { g $d } catch { $_.FullyQualifiedErrorId }')).toBe(
      'InvalidCastConstructorException\nParameterArgumentTransformationError,g\n',
    );
  });
});

describe('Add-Type -MemberDefinition, -Path and the records of 5.1', () => {
  it('members of a class in a namespace, the default namespace, -UsingNamespace; a missing using is SOURCE_CODE_ERROR then COMPILER_ERRORS', async () => {
    const { run } = everydaySession();
    const member = "'public static string Enc() { return Encoding.UTF8.WebName; }'";
    expect(await run(`Add-Type -Name Util -Namespace Lab -MemberDefinition ${member} -UsingNamespace System.Text; [Lab.Util]::Enc()`)).toBe('utf-8\n');
    expect(await run(`(Add-Type -Name Util2 -MemberDefinition ${member} -UsingNamespace System.Text -PassThru).FullName`)).toBe(
      'Microsoft.PowerShell.Commands.AddType.AutoGeneratedTypes.Util2\n',
    );
    const out = await run(`try { Add-Type -Name Util3 -Namespace Lab -MemberDefinition ${member} -ErrorVariable ev -ErrorAction SilentlyContinue } catch { $_.FullyQualifiedErrorId; $ev[0].FullyQualifiedErrorId; $ev[0].Exception.Message }`);
    expect(out).toMatch(/^COMPILER_ERRORS,Microsoft.PowerShell.Commands.AddTypeCommand\nSOURCE_CODE_ERROR,Microsoft.PowerShell.Commands.AddTypeCommand\n/);
    expect(out).toMatch(/\.0\.cs\(7\) : The name 'Encoding' does not exist in the current context\n.*\.0\.cs\(6\) : {5}\{\n.*\.0\.cs\(7\) : >>> {9}public static string Enc\(\)/);
  });

  it('the same source again is fine; other source for a type name that exists is TYPE_ALREADY_EXISTS', async () => {
    const { run } = everydaySession();
    expect(await run("Add-Type -TypeDefinition 'public class Foo {}'; Add-Type -TypeDefinition 'public class Foo {}'; 'ok'")).toBe('ok\n');
    expect(await run("try { Add-Type -TypeDefinition 'public class Foo { public int Bar; }' -ErrorAction SilentlyContinue } catch { $_.FullyQualifiedErrorId; $error[1].FullyQualifiedErrorId }")).toBe(
      'COMPILER_ERRORS,Microsoft.PowerShell.Commands.AddTypeCommand\nTYPE_ALREADY_EXISTS,Microsoft.PowerShell.Commands.AddTypeCommand\n',
    );
  });

  it('#warning fails the compilation unless -IgnoreWarnings, which writes it as a warning', async () => {
    const { run } = everydaySession();
    const code = "@'\npublic class Warned {}\n#warning check this\n'@";
    expect(await run(`try { Add-Type -TypeDefinition ${code} -ErrorAction SilentlyContinue } catch { $_.FullyQualifiedErrorId }`)).toBe('COMPILER_ERRORS,Microsoft.PowerShell.Commands.AddTypeCommand\n');
    expect(await run(`Add-Type -TypeDefinition ${code} -IgnoreWarnings -WarningVariable w -WarningAction SilentlyContinue; $w.Count; "$($w[0])" -match "#warning: 'check this'"; [Warned].Name`)).toBe('1\nTrue\nWarned\n');
  });

  it('C# after C# 5 is a compile error, as with 5.1\'s compiler', async () => {
    const { run } = everydaySession();
    for (const code of ['public class A { public int X => 1; }', 'public class B { public int Y { get; } }', 'public class C { public string S() { return $"x"; } }']) {
      expect(await run(`try { Add-Type -TypeDefinition '${code}' -ErrorVariable ev -ErrorAction SilentlyContinue } catch { $ev[0].Exception.Message }`)).toContain('is not available in C# 5');
    }
  });

  it('compile errors name what C# names: a missing return, an unknown type, a syntax error, a local used as a type member', async () => {
    const { run } = everydaySession();
    const message = (code: string) => run(`try { Add-Type -TypeDefinition '${code}' -ErrorVariable ev -ErrorAction SilentlyContinue } catch { $ev[0].Exception.Message }`);
    expect(await message('namespace N { public class R { public int F(int a) { if (a > 1) return 1; } } }')).toContain(": 'N.R.F(int)': not all code paths return a value");
    expect(await message('public class U { public Missing M; }')).toContain(": The type or namespace name 'Missing' could not be found (are you missing a using directive or an assembly reference?)");
    expect(await message('public class S { public int X = 1 }')).toContain(': ; expected');
    expect(await message('public class V { public static int G() { return this.G(); } }')).toContain("Keyword 'this' is not valid in a static property, static method, or static field initializer");
  });

  it('-Path and -LiteralPath compile .cs files on the lab drive; other extensions and missing parameters fail as 5.1 does', async () => {
    const { run } = everydaySession();
    await run("Set-Content C:\\one.cs 'public class FromFile1 { public static int One() { return 1; } }'; Set-Content C:\\two.cs 'public class FromFile2 { public static int Two() { return 2; } }'; Set-Content C:\\x.vb ''");
    expect(await run('(Add-Type -Path C:\\one.cs, C:\\two.cs -PassThru).Name -join ","; [FromFile1]::One() + [FromFile2]::Two(); (Add-Type -LiteralPath C:\\one.cs, C:\\two.cs -PassThru).Count')).toBe('FromFile1,FromFile2\n3\n2\n');
    expect(await run('try { Add-Type -Path C:\\x.vb } catch { $_.FullyQualifiedErrorId }')).toBe('EXTENSION_NOT_SUPPORTED,Microsoft.PowerShell.Commands.AddTypeCommand\n');
    expect(await run("try { Add-Type -TypeDefinition 'x' -OutputType Library } catch { $_.FullyQualifiedErrorId }")).toBe('OUTPUTTYPE_REQUIRES_ASSEMBLY,Microsoft.PowerShell.Commands.AddTypeCommand\n');
    expect(await run("try { Add-Type -TypeDefinition 'x' -Language VisualBasic } catch { $_.FullyQualifiedErrorId }")).toBe('LANGUAGE_NOT_SUPPORTED,Microsoft.PowerShell.Commands.AddTypeCommand\n');
  });

  it('-AssemblyName: framework assemblies are there already; others are ASSEMBLY_NOT_FOUND, a missing file FileNotFoundException', async () => {
    const { run } = everydaySession();
    expect(await run("Add-Type -AssemblyName System.Web, System.Windows.Forms; Add-Type -AssemblyName \"$PSHOME\\Microsoft.PowerShell.Commands.Utility.dll\"; 'ok'")).toBe('ok\n');
    expect(await run('try { Add-Type -AssemblyName NoSuchThing } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }')).toBe(
      "ASSEMBLY_NOT_FOUND,Microsoft.PowerShell.Commands.AddTypeCommand\nCannot add type. The assembly 'NoSuchThing' could not be found.\n",
    );
    expect(await run('try { Add-Type -AssemblyName C:\\nothere.dll } catch { $_.FullyQualifiedErrorId }')).toBe('System.IO.FileNotFoundException,Microsoft.PowerShell.Commands.AddTypeCommand\n');
    expect(await run("Set-Content C:\\lib.dll 'MZ'; try { Add-Type -Path C:\\lib.dll } catch { $_.FullyQualifiedErrorId }")).toBe('ASSEMBLY_LOAD_NOT_SUPPORTED,Microsoft.PowerShell.Commands.AddTypeCommand\n');
  });

  it('[PSTypeName] names a type whether or not it exists', async () => {
    const { run } = everydaySession();
    expect(await run("$n = [System.Management.Automation.PSTypeName]'Later'; $null -eq $n.Type; $n.Name; Add-Type -TypeDefinition 'public class Later {}'; ([System.Management.Automation.PSTypeName]'Later').Type.FullName")).toBe('True\nLater\nLater\n');
  });
});


describe('Add-Type across sessions', () => {
  it('a compiled type is the process\'s, as .NET types are the AppDomain\'s: another session (or runspace) sees and uses it', async () => {
    const first = everydaySession();
    await first.run("Add-Type -TypeDefinition 'public class Shared { public static int Twice(int n) { return n * 2; } public string Tag = \"t\"; public static string Kind = \"shared\"; }'");
    const second = everydaySession();
    expect(await second.run("$null -ne ([System.Management.Automation.PSTypeName]'Shared').Type; [Shared]::Twice(4); [Shared]::new().Tag; (New-Object Shared).Tag; [Shared]::Kind")).toBe('True\n8\nt\nt\nshared\n');
    // The same source again is the same assembly; other source for the name is refused in any session.
    expect(await second.run("Add-Type -TypeDefinition 'public class Shared { public static int Twice(int n) { return n * 2; } public string Tag = \"t\"; public static string Kind = \"shared\"; }'; 'same'")).toBe('same\n');
    expect(await second.run("try { Add-Type -TypeDefinition 'public class Shared {}' -ErrorAction SilentlyContinue } catch { $_.FullyQualifiedErrorId }")).toBe('COMPILER_ERRORS,Microsoft.PowerShell.Commands.AddTypeCommand\n');
  });
});
