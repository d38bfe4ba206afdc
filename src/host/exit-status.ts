// The process exit status for a PowerShell exit code.
//
// On Windows a process exit code is 32 bits: `powershell.exe -Command 'exit 256'` ends with 256,
// and `exit -1` with -1 (0xFFFFFFFF). A POSIX parent sees only the low 8 bits of the status, so
// 256 would arrive as 0 — success — and a script that signals failure would pass unnoticed.
// emsh keeps the low 8 bits, as POSIX shells do (`exit -1` → 255, `exit 257` → 1), except that a
// nonzero code never becomes 0: `exit 256`, `exit 512` or `exit -256` end with 255.

export function exitStatus(code: number): number {
  if (!Number.isInteger(code)) return 1;
  const low = code & 0xff;
  return low === 0 && code !== 0 ? 255 : low;
}
