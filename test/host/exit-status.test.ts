import { describe, expect, it } from 'vitest';
import { exitStatus } from '../../src/host/exit-status.js';

describe('exit status on POSIX (issue 10)', () => {
  it('keeps the low 8 bits, as POSIX shells do', () => {
    expect([0, 1, 7, 255, 257, 300, -1, -2].map(exitStatus)).toEqual([0, 1, 7, 255, 1, 44, 255, 254]);
  });
  it('never turns a nonzero code into success', () => {
    expect([256, 512, -256, 65536].map(exitStatus)).toEqual([255, 255, 255, 255]);
  });
});
