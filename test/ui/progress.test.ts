// Write-Progress as 5.1's console host shows it: the pending activities (ids, parents,
// -Completed) and the progress pane's rows.
import { describe, expect, it } from 'vitest';
import type { ProgressRecord } from '../../src/protocol/host.js';
import { progressPaneLines, updateProgress, type ProgressNode } from '../../src/ui/progress.js';

const rec = (over: Partial<ProgressRecord>): ProgressRecord => ({
  activityId: 0,
  parentActivityId: -1,
  activity: 'Activity',
  statusDescription: 'Processing',
  percentComplete: -1,
  secondsRemaining: -1,
  completed: false,
  ...over,
});

describe('the pending activities', () => {
  it('an update replaces its activity; a child goes under its parent; -Completed removes and promotes children', () => {
    const nodes: ProgressNode[] = [];
    updateProgress(nodes, 0, rec({ activityId: 1, activity: 'Outer' }));
    updateProgress(nodes, 0, rec({ activityId: 2, parentActivityId: 1, activity: 'Inner' }));
    updateProgress(nodes, 0, rec({ activityId: 1, activity: 'Outer', statusDescription: 'step 2', percentComplete: 250 }));
    expect(nodes).toHaveLength(1);
    expect(nodes[0]!.record.statusDescription).toBe('step 2');
    expect(nodes[0]!.record.percentComplete).toBe(100);
    expect(nodes[0]!.children.map((c) => c.record.activity)).toEqual(['Inner']);
    updateProgress(nodes, 0, rec({ activityId: 1, completed: true }));
    expect(nodes.map((n) => n.record.activity)).toEqual(['Inner']);
    // A parent that is not pending: the record goes to the top.
    updateProgress(nodes, 0, rec({ activityId: 5, parentActivityId: 9, activity: 'Orphan' }));
    expect(nodes.map((n) => [n.record.activity, n.record.parentActivityId])).toEqual([['Inner', 1], ['Orphan', -1]]);
    // A completion of an activity not pending, and a record that is its own parent, change nothing.
    updateProgress(nodes, 0, rec({ activityId: 7, completed: true }));
    updateProgress(nodes, 0, rec({ activityId: 3, parentActivityId: 3 }));
    expect(nodes).toHaveLength(2);
  });
});

describe('the progress pane', () => {
  it('border rows, the activity, the status indented, the bar sized to the width, time remaining, current operation, children indented', () => {
    const nodes: ProgressNode[] = [];
    updateProgress(nodes, 0, rec({ activityId: 1, activity: 'Renewing', statusDescription: 'EX01 of 3', percentComplete: 40, secondsRemaining: 65 }));
    updateProgress(nodes, 0, rec({ activityId: 2, parentActivityId: 1, activity: 'Importing', statusDescription: 'pfx', currentOperation: 'C:\\certs\\a.pfx' }));
    const rows = progressPaneLines(nodes, 40);
    for (const r of rows) expect(r).toHaveLength(40);
    // thermometer: 40 - 3 (indent) - 9 = 28 cells, 40 % of them filled (11).
    expect(rows.map((r) => r.trimEnd())).toEqual([
      '',
      ' Renewing',
      '    EX01 of 3',
      `    [${'o'.repeat(11)}${' '.repeat(17)}]`,
      '    00:01:05 remaining.',
      '   Importing',
      '      pfx',
      '',
      '      C:\\certs\\a.pfx',
      '',
    ]);
  });

  it('a bar is never full below 100 %; a long status continues on the next rows', () => {
    const almost = progressPaneLines([{ sourceId: 0, record: rec({ percentComplete: 99 }), children: [] }], 20);
    expect(almost[3]!.trimEnd()).toBe(`    [${'o'.repeat(7)} ]`);
    const full = progressPaneLines([{ sourceId: 0, record: rec({ percentComplete: 100 }), children: [] }], 20);
    expect(full[3]!.trimEnd()).toBe(`    [${'o'.repeat(8)}]`);
    const long = progressPaneLines([{ sourceId: 0, record: rec({ statusDescription: 'abcdefghijklmnopqrstuvwxyz' }), children: [] }], 20);
    expect(long.slice(2, 4).map((r) => r.trimEnd())).toEqual(['    abcdefghijklmnop', '    qrstuvwxyz']);
  });

  it('nothing pending: no pane', () => {
    expect(progressPaneLines([], 40)).toEqual([]);
  });
});

describe('in scripts', () => {
  it('Write-Progress shows nothing (-Command, -File, piped input run on the plain host), and still validates its arguments', async () => {
    const { capturedSession } = await import('../helpers/run.js');
    const sh = await capturedSession();
    try {
      expect((await sh.run("foreach ($i in 1..3) { Write-Progress -Activity 'Copy' -Status \"$i of 3\" -PercentComplete ($i * 33) -SecondsRemaining 5 }; Write-Progress -Activity 'Copy' -Completed; 'done'")).out).toBe('done\n');
      const bad = (await sh.run("Write-Progress -Activity 'Copy' -PercentComplete 101")).out;
      expect(bad).toContain("Cannot validate argument on parameter 'PercentComplete'. The 101 argument is greater than the maximum allowed range of 100.");
      expect(bad).toContain('ParameterArgumentValidationError,Microsoft.PowerShell.Commands.WriteProgressCommand');
    } finally {
      await sh.close();
    }
  });
});
