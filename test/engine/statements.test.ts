import { describe, expect, it } from 'vitest';
import { testShell } from './helpers.js';

async function out(text: string): Promise<unknown[]> {
  const r = await testShell().eval(text);
  if (r.errors.length) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.output;
}

describe('statements', () => {
  it('if / elseif / else', async () => {
    expect(await out("$x = 5; if ($x -gt 10) { 'big' } elseif ($x -gt 3) { 'mid' } else { 'small' }")).toEqual(['mid']);
    expect(await out("if (@()) { 'yes' } else { 'no' }")).toEqual(['no']);
  });

  it('foreach over arrays, scalars and $null', async () => {
    expect(await out('foreach ($i in 1..3) { $i * 2 }')).toEqual([2, 4, 6]);
    expect(await out('foreach ($i in 7) { $i }')).toEqual([7]);
    expect(await out("foreach ($i in $null) { 'never' }")).toEqual([]);
  });

  it('for, while, do/while, do/until', async () => {
    expect(await out('for ($i = 0; $i -lt 3; $i++) { $i }')).toEqual([0, 1, 2]);
    expect(await out('$i = 0; while ($i -lt 3) { $i; $i++ }')).toEqual([0, 1, 2]);
    expect(await out('$i = 0; do { $i; $i++ } while ($i -lt 2)')).toEqual([0, 1]);
    expect(await out('$i = 0; do { $i; $i++ } until ($i -ge 2)')).toEqual([0, 1]);
  });

  it('break and continue, with labels', async () => {
    expect(await out('foreach ($i in 1..5) { if ($i -eq 2) { continue }; if ($i -eq 4) { break }; $i }')).toEqual([1, 3]);
    expect(await out(':outer foreach ($i in 1..3) { foreach ($j in 1..3) { if ($j -eq 2) { continue outer }; "$i$j" } }')).toEqual(['11', '21', '31']);
    expect(await out(':outer foreach ($i in 1..3) { foreach ($j in 1..3) { if ($i -eq 2) { break outer }; "$i$j" } }')).toEqual(['11', '12', '13']);
  });

  it('switch: exact, wildcard, regex, arrays, default, break, $_', async () => {
    expect(await out("switch ('b') { 'a' { 1 } 'B' { 2 } default { 3 } }")).toEqual([2]);
    expect(await out("switch ('zz') { 'a' { 1 } default { 'none' } }")).toEqual(['none']);
    expect(await out("switch -Wildcard ('cert.pfx') { '*.cer' { 'cer' } '*.pfx' { 'pfx' } }")).toEqual(['pfx']);
    expect(await out("switch -Regex ('abc123') { '^\\d' { 'digit' } '(\\d+)$' { $Matches[1] } }")).toEqual(['123']);
    expect(await out('switch (1, 2, 3) { 2 { "two" } default { $_ } }')).toEqual([1, 'two', 3]);
    expect(await out('switch (1, 2, 3) { 2 { break } default { $_ } }')).toEqual([1]);
    expect(await out("switch -CaseSensitive ('A') { 'a' { 'lower' } 'A' { 'upper' } }")).toEqual(['upper']);
    expect(await out('switch (5) { { $_ -gt 3 } { "big" } }')).toEqual(['big']);
  });

  it('functions with param(), defaults, switches, positional and named', async () => {
    const text = `
      function Get-Greeting {
        param([string]$Name = 'World', [int]$Times = 1, [switch]$Loud)
        for ($i = 0; $i -lt $Times; $i++) { if ($Loud) { "HELLO $Name" } else { "Hello $Name" } }
      }
      Get-Greeting
      Get-Greeting Admin 2
      Get-Greeting -Loud -Name x
    `;
    expect(await out(text)).toEqual(['Hello World', 'Hello Admin', 'Hello Admin', 'HELLO x']);
  });

  it('function f($a, $b) form and $args for simple functions', async () => {
    expect(await out('function add($a, $b) { $a + $b }; add 2 3')).toEqual([5]);
    expect(await out('function show { $args.Count; $args[1] }; show a b c')).toEqual([3, 'b']);
  });

  it('return ends the function, its value is output', async () => {
    expect(await out("function f { 'one'; return 'two'; 'three' }; f")).toEqual(['one', 'two']);
  });

  it('dynamic scoping: children read the caller, assignments stay local', async () => {
    expect(await out('$x = 1; function f { $x; $x = 2; $x }; f; $x')).toEqual([1, 2, 1]);
    expect(await out('function f { $global:g = 5 }; f; $g')).toEqual([5]);
    expect(await out('$x = 1; function f { $script:x = 3 }; f; $x')).toEqual([3]);
    expect(await out('function outer { $v = "o"; inner }; function inner { $v }; outer')).toEqual(['o']);
  });

  it('$env: is the session environment', async () => {
    expect(await out('$env:COMPUTERNAME')).toEqual(['EX01']);
    expect(await out('$env:USERDOMAIN')).toEqual(['PROEXCHANGE']);
    expect(await out('$env:windir')).toEqual(['C:\\Windows']);
    expect(await out("$env:FOO = 'bar'; $env:foo")).toEqual(['bar']);
  });

  it('automatic and preference variables', async () => {
    expect(await out('$ErrorActionPreference')).toEqual(['Continue']);
    expect(await out('$ConfirmPreference')).toEqual(['High']);
    expect(await out('$WhatIfPreference')).toEqual([false]);
    expect(await out('$PSVersionTable.PSVersion.Major')).toEqual([5]);
    expect(await out('"$PWD"')).toEqual(['C:\\Windows\\system32']);
    expect(await out('$HOME')).toEqual(['C:\\Users\\Administrator']);
  });

  it('filters and begin/process/end functions stream', async () => {
    expect(await out('filter double { $_ * 2 }; 1..3 | double')).toEqual([2, 4, 6]);
    const f = 'function tally { begin { $n = 0 } process { $n += $_ } end { "total $n" } }; 1..4 | tally';
    expect(await out(f)).toEqual(['total 10']);
    expect(await out('function all { $input.Count }; 1..5 | all')).toEqual([5]);
  });

  it('pipeline-bound function parameters', async () => {
    const f = `function Show-It { param([Parameter(ValueFromPipeline=$true)]$Item) process { "<$Item>" } }; 'a', 'b' | Show-It`;
    expect(await out(f)).toEqual(['<a>', '<b>']);
  });

  it('& and . invocation of script blocks and names', async () => {
    expect(await out('$sb = { param($a) $a * 3 }; & $sb 4')).toEqual([12]);
    expect(await out('$x = 1; & { $x = 2 }; $x')).toEqual([1]);
    expect(await out('$x = 1; . { $x = 2 }; $x')).toEqual([2]);
    expect(await out("function hi { 'hi' }; & 'hi'")).toEqual(['hi']);
  });

  it('splatting hashtables (named) and arrays (positional)', async () => {
    const f = 'function f { param($A, $B) "$A-$B" }; $h = @{ B = 2; A = 1 }; f @h; $arr = 3, 4; f @arr';
    expect(await out(f)).toEqual(['1-2', '3-4']);
  });

  it('.ps1 files run by path, with param() and $PSScriptRoot', async () => {
    const sh = testShell();
    sh.fs.writeText('C:\\scripts\\greet.ps1', 'param($Name = "you")\n"hi $Name from $PSScriptRoot"\n');
    const r = await sh.eval('C:\\scripts\\greet.ps1 -Name Bob');
    expect(r.errors).toEqual([]);
    expect(r.output).toEqual(['hi Bob from C:\\scripts']);
    sh.session.services.setLocation('C:\\scripts');
    expect((await sh.eval('.\\greet.ps1')).output).toEqual(['hi you from C:\\scripts']);
    expect(sh.session.promptText()).toBe('PS C:\\scripts>');
  });
});

describe('function scopes', () => {
  it('functions defined in a function are local to it; global: makes them global', async () => {
    const r = await testShell().eval(
      "function outer { function inner { 'i' }; function global:gf { 'g' }; inner }; outer; gf; try { inner } catch { 'no inner' }",
    );
    expect(r.output).toEqual(['i', 'g', 'no inner']);
  });

  it('dot-sourcing a script brings its functions and variables into the caller', async () => {
    const sh = testShell();
    sh.fs.writeText('C:\\scripts\\lib.ps1', "$libVar = 'v'\nfunction Get-Lib { 'lib' }\n");
    const r = await sh.eval('. C:\\scripts\\lib.ps1; Get-Lib; $libVar');
    expect(r.output).toEqual(['lib', 'v']);
    const r2 = await sh.eval('& C:\\scripts\\lib.ps1; $null -eq $libVar2');
    expect(r2.errors).toEqual([]);
  });
});

describe('simple functions with param()', () => {
  it('extra arguments land in $args', async () => {
    expect(await out('function f { param($a) "$a|$args" }; f 1 2 3')).toEqual(['1|2 3']);
  });
});
