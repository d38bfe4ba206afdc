import { describe, expect, it } from 'vitest';
import { internalError, withoutHostPaths } from '../../src/protocol/errors.js';

describe('internal errors never show host paths (issue 10)', () => {
  it('a file on a lab drive becomes its lab path', () => {
    expect(withoutHostPaths("ENOSPC: no space left on device, write '/home/ann/.emsh/labs/default/machines/EX2007EE/C/certs/a.pfx'")).toBe(
      "ENOSPC: no space left on device, write '\\\\EX2007EE\\c$\\certs\\a.pfx'",
    );
    expect(withoutHostPaths('open /tmp/emsh-x/labs/l1/machines/EDGE01/C')).toBe('open \\\\EDGE01\\c$');
  });

  it('other host paths and file: URLs are left out', () => {
    expect(withoutHostPaths("EACCES: permission denied, open '/home/ann/.emsh/labs/default/lab.json'")).toBe("EACCES: permission denied, open '<path>'");
    expect(withoutHostPaths('at file:///work/emsh/dist/emsh-cli.js:12:3')).toBe('at <path>');
  });

  it('leaves text that is not a path alone', () => {
    for (const t of ['Cannot divide 1/2', 'C:\\certs\\a.pfx', 'a/b', 'https://example.com/x', 'Invalid count value: Infinity']) expect(withoutHostPaths(t)).toBe(t);
  });

  it('internalError uses it', () => {
    const r = internalError(new Error("ENOENT: no such file or directory, open '/srv/emsh/labs/x/lab.json.tmp'"));
    expect(r.message).toBe("An internal error occurred in emsh: ENOENT: no such file or directory, open '<path>'");
  });
});
