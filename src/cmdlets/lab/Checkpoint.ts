// Checkpoint-Lab, Restore-Lab and Get-LabCheckpoint: save any lab as it is now (its state and its
// machines' drives) under a name, and go back to it later — before a risky step, or to try another
// way through an exercise. The trainee's record (exercise progress, hints used) is not rolled back.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { compileWildcard } from '../../protocol/wildcard.js';
import { registerView } from '../../format/views.js';
import { labObject, trainingFailure } from './Exercise.js';
import { training, type CheckpointInfo } from './training-service.js';

export const CHECKPOINT_TYPE = 'Emsh.Lab.Checkpoint';
const LAB_MODULE = 'emsh.Lab';
const LAB_NAMESPACE = 'Emsh.Lab.Commands';

registerView({
  typeName: CHECKPOINT_TYPE,
  shape: 'table',
  table: {
    columns: [
      { label: 'Name', property: 'Name' },
      { label: 'Lab', property: 'Lab' },
      { label: 'Created', property: 'Created' },
      { label: 'LabDate', property: 'LabDate' },
    ],
  },
});

function checkpointObject(c: CheckpointInfo) {
  return labObject(CHECKPOINT_TYPE, [
    ['Name', 'System.String', c.name],
    ['Lab', 'System.String', c.lab],
    ['Created', 'System.DateTime', c.created],
    ['LabDate', 'System.DateTime', c.labDate],
  ]);
}

const NAME = { type: 'String' as const, complete: 'checkpoint' as const, help: "The checkpoint's name: letters, digits, '-', '_' and '.'.", sets: { __AllParameterSets: { position: 0, mandatory: true } } };

export const checkpointLab = defineCmdlet({
  name: 'Checkpoint-Lab',
  module: LAB_MODULE,
  typeNamespace: LAB_NAMESPACE,
  synopsis: 'Saves the lab as it is now under a name, to go back to later with Restore-Lab.',
  description:
    "Checkpoint-Lab keeps a copy of the lab the shell is on: its whole state (organization, certificates and keys, settings, logs, the lab clock) and every machine's drive, in the lab's folder (checkpoints\\<name>). Restore-Lab <name> puts the lab back to it. -Force replaces a checkpoint of the same name.",
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  parameters: {
    Name: NAME,
    Force: { type: 'Switch', help: 'Replaces an existing checkpoint of that name.' },
  },
  outputType: [CHECKPOINT_TYPE],
  examples: [
    { code: 'Checkpoint-Lab before-renewal', remarks: 'Saves the lab before a risky step.', shows: 'before-renewal' },
    { code: 'Checkpoint-Lab a; Checkpoint-Lab a -Force | Format-List Name, LabDate', remarks: 'Replaces a checkpoint.', shows: 'LabDate' },
  ],
  related: ['Restore-Lab', 'Get-LabCheckpoint'],
  async process(p, ctx) {
    if (!(await ctx.shouldProcess(`Checkpoint ${p.Name}`, 'Checkpoint-Lab'))) return;
    try {
      ctx.write(checkpointObject(training(ctx).checkpoint(String(p.Name), Boolean(p.Force))));
    } catch (e) {
      trainingFailure(ctx, e);
    }
  },
});

export const restoreLab = defineCmdlet({
  name: 'Restore-Lab',
  module: LAB_MODULE,
  typeNamespace: LAB_NAMESPACE,
  synopsis: 'Puts the lab back to a checkpoint made with Checkpoint-Lab.',
  description:
    "Restore-Lab replaces the lab the shell is on with a checkpoint of it: the organization, certificates, settings, logs, the lab clock and every machine's drive become what they were. What was done since is lost. The exercise progress (tasks passed, hints used) stays as it is.",
  supportsShouldProcess: true,
  confirmImpact: 'High',
  parameters: { Name: NAME },
  outputType: [CHECKPOINT_TYPE],
  examples: [
    {
      setup: 'Checkpoint-Lab clean | Out-Null; New-ExchangeCertificate -SubjectName cn=test.proexchange.global -Services None | Out-Null',
      code: 'Restore-Lab clean -Confirm:$false | Out-Null; @(Get-ExchangeCertificate -DomainName test.proexchange.global).Count',
      remarks: 'The certificate made after the checkpoint is gone again.',
      shows: '0',
    },
  ],
  related: ['Checkpoint-Lab', 'Get-LabCheckpoint'],
  async process(p, ctx) {
    if (!(await ctx.shouldProcess(`Lab, back to checkpoint ${p.Name}: what was done since is lost`, 'Restore-Lab'))) return;
    try {
      ctx.write(checkpointObject(training(ctx).restore(String(p.Name))));
    } catch (e) {
      trainingFailure(ctx, e);
    }
  },
});

export const getLabCheckpoint = defineCmdlet({
  name: 'Get-LabCheckpoint',
  module: LAB_MODULE,
  typeNamespace: LAB_NAMESPACE,
  synopsis: "Lists the lab's checkpoints.",
  description: 'Get-LabCheckpoint lists the checkpoints of the lab the shell is on (Checkpoint-Lab makes them), oldest first, with when each was taken and the lab date then.',
  parameters: { Name: { type: 'String', complete: 'checkpoint', help: 'Checkpoint names to list; wildcards are permitted.', sets: { __AllParameterSets: { position: 0 } } } },
  outputType: [CHECKPOINT_TYPE],
  examples: [{ setup: 'Checkpoint-Lab first | Out-Null', code: 'Get-LabCheckpoint', remarks: "The lab's checkpoints.", shows: 'first' }],
  related: ['Checkpoint-Lab', 'Restore-Lab'],
  process(p, ctx) {
    const filter = p.Name === undefined ? undefined : compileWildcard(String(p.Name));
    for (const c of training(ctx).checkpoints()) if (!filter || filter.test(c.name)) ctx.write(checkpointObject(c));
  },
});

export const checkpointCmdlets = [checkpointLab, restoreLab, getLabCheckpoint];
