// The conformance harness's own Pester (test/conformance/pester.ps1), checked on a small inline
// test file so that CI covers the harness without PowerShell's test files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { conformanceSession, failureCause, runTestFile, stageTestFile, type CaseLine, type ConformanceSession } from './harness.js';
import { tempDir } from '../helpers/temp.js';

const FILE = String.raw`
Describe 'outer' -Tags 'CI' {
    BeforeAll {
        $shared = 'from BeforeAll'
        function Get-Twice($x) { 2 * $x }
    }
    BeforeEach { $perTest = 'each' }

    It 'passes' { 1 + 1 | Should -Be 2 }
    It 'fails' { 1 + 1 | Should -Be 3 }
    It 'sees BeforeAll and BeforeEach' {
        $shared | Should -BeExactly 'from BeforeAll'
        $perTest | Should -Be 'each'
        Get-Twice 4 | Should -Be 8
    }
    It 'is skipped' -Skip { throw 'never' }
    It 'is pending' -Pending { throw 'never' }
    It 'doubles <In> to <Out>' -TestCases @(
        @{ In = 1; Out = 2 }
        @{ In = 2; Out = 5 }
    ) {
        param($In, $Out)
        Get-Twice $In | Should -Be $Out
    }
    It 'catches a throw' { { throw 'boom' } | Should -Throw -ExpectedMessage 'boom' }
    It 'checks an error id' { { Get-Item -LiteralPath 'C:\nothing\here' -ErrorAction Stop } | Should -Throw -ErrorId 'PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand' }
    It 'fails when nothing throws' { { 1 } | Should -Throw }
    It 'runs a Should -Throw block with the test scope as its parent' {
        $inTest = 'here'
        { Get-Variable inTest -Scope 1 -ErrorAction Stop } | Should -Not -Throw
    }
    It 'compares expected -eq actual, as Pester 4' {
        'yellow' | Should -Be $true
        [pscustomobject]@{ X = 1 } | Should -Be '@{X=1}'
        'abc' | Should -Not -Be $false
    }
    It 'takes the legacy forms' {
        1 | Should Be 1
        2 | Should Not Be 1
        $null | Should BeNullOrEmpty
        { throw 'x' } | Should Throw
    }
    It 'tests each piped object against -BeIn, as Pester 4' { @(1, 3) | Should -BeIn 1, 2 }
    Context 'inner' {
        It 'sees the outer BeforeAll' { $shared | Should -Not -BeNullOrEmpty }
        It 'collections' {
            @(1, 2, 3) | Should -HaveCount 3
            @(1, 2, 3) | Should -Contain 2
            'abc' | Should -Match '^a'
            'abc' | Should -BeLike 'a*'
            5 | Should -BeGreaterThan 4
            3 | Should -BeIn @(1, 2, 3)
            @(1, 2, 1) | Should -BeIn 1, 2
            @(4, 5) | Should -Not -BeIn 1, 2
            'x' | Should -BeOfType [string]
            $true | Should -BeTrue
        }
    }
    Context 'skipped by default' {
        BeforeAll {
            $saved = $PSDefaultParameterValues.Clone()
            $PSDefaultParameterValues['it:skip'] = $true
        }
        AfterAll { $global:PSDefaultParameterValues = $saved }
        It 'takes -Skip from $PSDefaultParameterValues' { throw 'never' }
        It 'still runs with -Skip:$false' -Skip:$false { 1 | Should -Be 1 }
    }
}
`;

describe('the conformance harness', () => {
  let cs: ConformanceSession;
  const lines: CaseLine[] = [];
  beforeAll(async () => {
    cs = await conformanceSession(tempDir(), (l) => lines.push(l));
    const run = await runTestFile(cs.session, FILE, 'inline.Tests.ps1');
    expect(run.parseError).toBeUndefined();
  }, 60_000);
  afterAll(() => cs.close());

  const outcome = (path: string) => lines.filter((l) => l.event !== 'start' && l.path === path).map((l) => l.event);

  it('reports passing, failing, skipped and pending cases', () => {
    expect(outcome('/outer/passes')).toEqual(['pass']);
    expect(outcome('/outer/fails')).toEqual(['fail']);
    expect(lines.find((l) => l.path === '/outer/fails' && l.event === 'fail')!.message).toBe('assert: Expected 3, but got 2.');
    expect(outcome('/outer/is skipped')).toEqual(['skip']);
    expect(outcome('/outer/is pending')).toEqual(['pending']);
  });

  it("takes It's -Skip from $PSDefaultParameterValues ('It:Skip'), as Pester's advanced function does", () => {
    expect(outcome('/outer/skipped by default/takes -Skip from $PSDefaultParameterValues')).toEqual(['skip']);
    expect(outcome('/outer/skipped by default/still runs with -Skip:$false')).toEqual(['pass']);
    expect(outcome('/outer/passes')).toEqual(['pass']);
  });

  it('runs BeforeAll and BeforeEach where the It blocks see them, nested blocks included', () => {
    expect(outcome('/outer/sees BeforeAll and BeforeEach')).toEqual(['pass']);
    expect(outcome('/outer/inner/sees the outer BeforeAll')).toEqual(['pass']);
    expect(outcome('/outer/inner/collections')).toEqual(['pass']);
  });

  it('expands -TestCases into one case each, named from the case', () => {
    expect(outcome('/outer/doubles 1 to 2#1')).toEqual(['pass']);
    expect(outcome('/outer/doubles 2 to 5#2')).toEqual(['fail']);
  });

  it('checks Should -Throw with its message and error id, and the legacy forms', () => {
    expect(outcome('/outer/catches a throw')).toEqual(['pass']);
    expect(outcome('/outer/checks an error id')).toEqual(['pass']);
    expect(outcome('/outer/fails when nothing throws')).toEqual(['fail']);
    expect(outcome('/outer/compares expected -eq actual, as Pester 4')).toEqual(['pass']);
    expect(outcome('/outer/runs a Should -Throw block with the test scope as its parent')).toEqual(['pass']);
    expect(outcome('/outer/takes the legacy forms')).toEqual(['pass']);
    expect(outcome('/outer/tests each piped object against -BeIn, as Pester 4')).toEqual(['fail']);
  });

  it('groups failures by cause', () => {
    expect(failureCause("error: [CommandNotFoundException] The term 'Get-Foo' is not recognized")).toBe('command not found: Get-Foo');
    expect(failureCause('BeforeAll: error: [TypeNotFound] Unable to find type [Foo.Bar].')).toBe('BeforeAll: type not found: Foo.Bar');
    expect(failureCause('assert: Expected 3, but got 2.')).toBe('assert: wrong value');
  });

  it('counts a file that does not parse as one whole failure', async () => {
    const other = await conformanceSession(tempDir(), () => undefined);
    try {
      const run = await runTestFile(other.session, "Describe 'x' { It 'y' { $a = ( } }", 'broken.Tests.ps1');
      expect(run.parseError).toMatch(/^\[\w+\] .* \(line 1\)$/);
    } finally {
      await other.close();
    }
  }, 60_000);

  it('runs a file from its folder on the lab drive: $PSScriptRoot, a helper beside it and TestDrive:', async () => {
    const lines: CaseLine[] = [];
    const other = await conformanceSession(tempDir(), (l) => lines.push(l));
    try {
      const dir = join(tempDir(), 'Area');
      mkdirSync(dir);
      writeFileSync(join(dir, 'Helper.ps1'), "function Get-Helper { 'helped' }");
      writeFileSync(join(dir, 'Other.Tests.ps1'), 'throw "not copied"');
      const text = String.raw`
Describe 'staged' {
    It 'knows where it is' { $PSScriptRoot | Should -BeExactly 'C:\PSTests\Area' }
    It 'loads what is beside it' { . "$PSScriptRoot\Helper.ps1"; Get-Helper | Should -Be 'helped' }
    It 'leaves the other test files' { Test-Path "$PSScriptRoot\Other.Tests.ps1" | Should -Be $false }
    It 'has TestDrive:' { 'x' | Set-Content TestDrive:\f.txt; Get-Content "$TestDrive\f.txt" | Should -Be 'x' }
}`;
      writeFileSync(join(dir, 'Staged.Tests.ps1'), text);
      const file = stageTestFile(other, join(dir, 'Staged.Tests.ps1'), 'Area/Staged.Tests.ps1');
      expect(file).toBe('C:\\PSTests\\Area\\Staged.Tests.ps1');
      await runTestFile(other.session, text, file);
      expect(lines.filter((l) => l.event === 'fail').map((l) => `${l.path}: ${l.message}`)).toEqual([]);
      expect(lines.filter((l) => l.event === 'pass')).toHaveLength(4);
    } finally {
      await other.close();
    }
  }, 60_000);
});
