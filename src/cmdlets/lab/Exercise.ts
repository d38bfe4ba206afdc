// The training cmdlets (issue 9): Get-LabExercise (the catalogue), Start-LabExercise (a fresh lab
// named after the exercise, set up, the clock moved, the tasks shown), Get-LabTask (the tasks,
// checked now, ✓/✗), Test-LabTask (runs the checks, records them, says what is still missing
// without giving the answer), Get-LabHint (the next hint, counted) and Reset-LabExercise.

import { defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import { PSObject, dateToString } from '../../protocol/values.js';
import { compileWildcard } from '../../protocol/wildcard.js';
import { registerView } from '../../format/views.js';
import { TrainingError, training, type ExerciseStatus, type ExerciseSummary, type StartedExercise, type TaskStatus } from './training-service.js';

export const EXERCISE_TYPE = 'Emsh.Lab.Exercise';
export const TASK_TYPE = 'Emsh.Lab.ExerciseTask';
export const HINT_TYPE = 'Emsh.Lab.ExerciseHint';
const LAB_MODULE = 'emsh.Lab';
const LAB_NAMESPACE = 'Emsh.Lab.Commands';

/** An object with typed properties (their .NET types for Get-Member), in this order. */
export function labObject(typeName: string, props: [name: string, typeName: string, value: unknown][]): PSObject {
  const o = new PSObject([typeName, 'System.Object']);
  for (const [name, t, value] of props) o.addProperty({ name, memberType: 'Property', typeName: t, get: () => value });
  return o;
}

/** A TrainingError as this command's error record: written, or thrown when terminating. */
export function trainingFailure(ctx: CmdletContext, e: unknown, terminating = true): void {
  if (!(e instanceof TrainingError)) throw e;
  const record = ctx.error({
    message: e.message,
    errorId: e.errorId,
    category: e.category,
    exceptionType: e.category === 'ObjectNotFound' ? 'ItemNotFoundException' : e.category === 'InvalidArgument' ? 'ArgumentException' : 'InvalidOperationException',
    targetObject: e.target,
  });
  if (terminating) ctx.fail(record);
  ctx.writeError(record);
}

const mark = (passed: boolean | null | undefined) => (passed === undefined || passed === null ? '' : passed ? '✓' : '✗');

registerView({
  typeName: EXERCISE_TYPE,
  shape: 'table',
  table: {
    columns: [
      { label: 'Id', property: 'Id' },
      { label: 'Level', property: 'Level' },
      { label: 'Minutes', property: 'Minutes', alignment: 'Right' },
      { label: 'Tasks', property: 'Tasks', alignment: 'Right' },
      { label: 'State', property: 'State' },
      { label: 'Title', property: 'Title' },
    ],
  },
  list: {
    properties: ['Id', 'Title', 'Summary', 'Level', 'Minutes', 'Tasks', 'State', 'TasksDone', 'ExchangeVersion', 'Path'].map((p) => ({ label: p, property: p })),
  },
});

/**
 * A task as a checklist line (a custom view, so it shows as soon as it is checked and in order with
 * what the command says around it): ✓/✗, the number and title, the hints used, and under a task not
 * done what is still missing. Format-Table and Format-List show the properties.
 */
function taskLines(o: unknown): string[] {
  const t = o as PSObject;
  const done = t.get('Done') as boolean | null;
  const used = Number(t.get('HintsUsed'));
  const hints = used > 0 ? ` (hints ${used}/${t.get('HintsTotal')})` : '';
  const lines = [`${done === null ? '·' : mark(done)} ${t.get('Task')}. ${t.get('Title')}${hints}`];
  if (done === false) for (const m of t.get('Missing') as string[]) lines.push(`     still missing: ${m}`);
  return lines;
}

registerView({
  typeName: TASK_TYPE,
  shape: 'custom',
  custom: taskLines,
  table: {
    columns: [
      { label: 'Task', property: 'Task', alignment: 'Right' },
      { label: 'Done', value: (o) => mark((o as PSObject).get('Done') as boolean | undefined) },
      { label: 'Title', property: 'Title' },
      { label: 'Hints', value: (o) => `${(o as PSObject).get('HintsUsed')}/${(o as PSObject).get('HintsTotal')}` },
      { label: 'Still missing', value: (o) => ((o as PSObject).get('Missing') as string[]).join(' ') },
    ],
  },
  list: {
    properties: [
      { label: 'Task', property: 'Task' },
      { label: 'Done', value: (o) => mark((o as PSObject).get('Done') as boolean | undefined) },
      { label: 'Title', property: 'Title' },
      { label: 'Goal', property: 'Goal' },
      { label: 'Hints', value: (o) => `${(o as PSObject).get('HintsUsed')} of ${(o as PSObject).get('HintsTotal')} used` },
      { label: 'Missing', property: 'Missing' },
    ],
  },
});

registerView({
  typeName: HINT_TYPE,
  shape: 'list',
  list: {
    properties: [
      { label: 'Task', value: (o) => `${(o as PSObject).get('Task')}. ${(o as PSObject).get('TaskTitle')}` },
      { label: 'Hint', value: (o) => `${(o as PSObject).get('Number')} of ${(o as PSObject).get('Of')}` },
      { label: 'Text', property: 'Text' },
    ],
  },
});

function exerciseObject(e: ExerciseSummary): PSObject {
  return labObject(EXERCISE_TYPE, [
    ['Id', 'System.String', e.id],
    ['Title', 'System.String', e.title],
    ['Summary', 'System.String', e.summary],
    ['Level', 'System.String', e.level],
    ['Minutes', 'System.Int32', e.minutes],
    ['Tasks', 'System.Int32', e.taskCount],
    ['State', 'System.String', e.state],
    ['TasksDone', 'System.Int32', e.tasksDone ?? null],
    ['ExchangeVersion', 'System.String', e.exchangeVersion],
    ['Story', 'System.String', e.story],
    ['Path', 'System.String', e.path],
  ]);
}

function taskObject(s: ExerciseStatus, t: TaskStatus): PSObject {
  const failing = (t.checks ?? []).filter((c) => !c.passed);
  return labObject(TASK_TYPE, [
    ['Exercise', 'System.String', s.id],
    ['Task', 'System.Int32', t.number],
    ['Done', 'System.Boolean', t.passed ?? null],
    ['Title', 'System.String', t.title],
    ['Goal', 'System.String', t.goal],
    ['HintsUsed', 'System.Int32', t.hintsUsed],
    ['HintsTotal', 'System.Int32', t.hintsTotal],
    ['Missing', 'System.String[]', failing.map((c) => c.missing)],
    ['Errors', 'System.String[]', failing.filter((c) => c.error !== undefined).map((c) => c.error!)],
  ]);
}

/** Warnings for checks that could not run: the exercise's author (or the trainer) needs to know. */
function warnFailedChecks(ctx: CmdletContext, s: ExerciseStatus): void {
  for (const t of s.tasks) {
    (t.checks ?? []).forEach((c, i) => {
      if (c.error !== undefined) ctx.writeWarning(`Task ${t.number}, check ${i + 1} could not run (it counts as not passed): ${c.error}`);
    });
  }
}

function doneLine(s: ExerciseStatus): string {
  const done = s.tasks.filter((t) => t.passed).length;
  const hints = `${s.hintsUsed} hint${s.hintsUsed === 1 ? '' : 's'} used`;
  if (done === s.tasks.length) return `All ${s.tasks.length} tasks of '${s.id}' are done (${hints}). Well done!`;
  const next = s.tasks.find((t) => t.passed === false);
  return `${done} of ${s.tasks.length} tasks done, ${hints}.${next ? ` Get-LabHint ${next.number} gives a hint for task ${next.number}.` : ''}`;
}

const ID_PARAMETER = { type: 'String' as const, aliases: ['Name'], complete: 'exercise' as const, help: 'The id of an exercise (Get-LabExercise lists them).' };

export const getLabExercise = defineCmdlet({
  name: 'Get-LabExercise',
  module: LAB_MODULE,
  typeNamespace: LAB_NAMESPACE,
  synopsis: 'Lists the training exercises, and how far you are with each.',
  description:
    'Get-LabExercise lists the exercises of the training catalogue (the labs folder of emsh, or the folder given with emsh -ExercisePath): id, level, minutes, number of tasks, and its state in your lab home — NotStarted, InProgress or Completed (every task passed). ' +
    'Story has the exercise\'s README: the story and the tasks. Start one with Start-LabExercise <id>. An exercise whose files have problems is reported as an error naming the file, line and field, and left out.',
  parameters: {
    Id: { ...ID_PARAMETER, help: 'Exercise ids to list; wildcards are permitted.', sets: { __AllParameterSets: { position: 0 } } },
  },
  outputType: [EXERCISE_TYPE],
  examples: [
    { code: 'Get-LabExercise', remarks: 'The catalogue, with the state of each exercise.', shows: 'renew-self-signed' },
    { code: "Get-LabExercise renew* | Format-List Id, Title, Summary, Tasks", remarks: 'One exercise in detail.', shows: 'Summary' },
    { code: '(Get-LabExercise home-outlook-anywhere).Story', remarks: 'The story and the tasks of an exercise.', shows: 'HOME01' },
  ],
  related: ['Start-LabExercise', 'Get-LabTask'],
  process(p, ctx) {
    const { root, exercises, problems } = training(ctx).catalogue();
    if (exercises.length === 0 && problems.length === 0) ctx.writeWarning(`There are no exercises in ${root} (emsh -ExercisePath <folder> or EMSH_EXERCISE_PATH says where they are).`);
    const filter = p.Id === undefined ? undefined : compileWildcard(String(p.Id));
    for (const problem of problems) {
      if (filter && !filter.test(problem.exercise)) continue;
      ctx.writeError(ctx.error({ message: `The exercise '${problem.exercise}' has a problem: ${problem.text}`, errorId: 'ExerciseInvalid', category: 'InvalidData', exceptionType: 'InvalidDataException', targetObject: problem.exercise }));
    }
    const chosen = exercises.filter((e) => !filter || filter.test(e.id));
    if (filter && chosen.length === 0 && !/[*?[]/.test(String(p.Id)) && !problems.some((x) => filter.test(x.exercise))) {
      return trainingFailure(ctx, new TrainingError(`The exercise '${p.Id}' was not found. Exercises: ${exercises.map((e) => e.id).join(', ')}.`, 'ExerciseNotFound', 'ObjectNotFound', p.Id), false);
    }
    for (const e of chosen) ctx.write(exerciseObject(e));
  },
});

/** The story, then the tasks as objects (the table follows the story). */
function showStart(ctx: CmdletContext, r: StartedExercise, verb: string): void {
  const s = r.status;
  ctx.writeHost(`${verb} exercise '${s.id}' in the lab '${s.lab}'. Lab date: ${dateToString(r.labDate)}.`, { foreground: 'Green' });
  ctx.writeHost('');
  for (const line of r.story.replace(/\s+$/, '').split(/\r?\n/)) ctx.writeHost(line);
  ctx.writeHost('');
  ctx.writeHost('Your tasks (Test-LabTask checks your work, Get-LabHint gives a hint, F1 shows the tasks):');
  for (const t of s.tasks) ctx.write(taskObject(s, t));
}

export const startLabExercise = defineCmdlet({
  name: 'Start-LabExercise',
  module: LAB_MODULE,
  typeNamespace: LAB_NAMESPACE,
  synopsis: "Starts a training exercise in a fresh lab named after it, and moves the shell there.",
  description:
    'Start-LabExercise builds the exercise\'s lab: a fresh copy of the built-in ProExchange organization (new keys, a new CA) in the lab named after the exercise, with the lab clock moved as the exercise says (a year later, say) and its setup script run. ' +
    'The shell then works on that lab (on Ex2007EE, as EMS opens), and the story and the tasks are shown. ' +
    'If the exercise\'s lab exists already, the shell goes back to it and your work in it is kept; -Force starts it again from the beginning (hints used stay counted). ' +
    'Later, emsh -Lab <id> opens the exercise\'s lab directly. Test-LabTask checks your work, Get-LabHint gives hints, Reset-LabExercise starts over.',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    Id: { ...ID_PARAMETER, sets: { __AllParameterSets: { position: 0, mandatory: true, fromPipelineByPropertyName: true } } },
    Force: { type: 'Switch', help: "Starts from the beginning even if the exercise's lab exists (what was done in it is lost)." },
  },
  outputType: [TASK_TYPE],
  examples: [
    { code: 'Start-LabExercise renew-self-signed', remarks: 'Starts the exercise: a year after setup, the self-signed certificates have expired.', shows: 'Renew' },
    { code: 'Get-LabExercise pop-imap* | Start-LabExercise', remarks: 'Starts the exercise picked from the catalogue.', shows: 'POP3' },
  ],
  related: ['Get-LabExercise', 'Get-LabTask', 'Test-LabTask', 'Get-LabHint', 'Reset-LabExercise'],
  async process(p, ctx) {
    const id = String(p.Id);
    if (!(await ctx.shouldProcess(`Exercise ${id}`, 'Start-LabExercise'))) return;
    let r: StartedExercise;
    try {
      r = await training(ctx).start(id, { force: Boolean(p.Force), signal: ctx.signal });
    } catch (e) {
      return trainingFailure(ctx, e);
    }
    ctx.session.setLocation('C:\\Windows\\system32');
    showStart(ctx, r, r.resumed ? 'Back to' : 'Started');
  },
});

const TASK_PARAMETER = { type: 'Int32[]' as const, help: 'Task numbers (1, 2, ...); all tasks when omitted.', sets: { __AllParameterSets: { position: 0 } } };

export const getLabTask = defineCmdlet({
  name: 'Get-LabTask',
  module: LAB_MODULE,
  typeNamespace: LAB_NAMESPACE,
  synopsis: "Shows the tasks of the lab's exercise, each checked now (✓ done, ✗ not yet).",
  description:
    "Get-LabTask lists the tasks of the exercise this lab was started for, with Done (✓/✗) from its checks run now, the hints you have used, and what is still missing. It records nothing; Test-LabTask runs the same checks and records them. Format-List shows each task's goal.",
  parameters: { Task: TASK_PARAMETER },
  outputType: [TASK_TYPE],
  examples: [
    { setup: 'Start-LabExercise pop-imap-named-certificate | Out-Null', code: 'Get-LabTask', remarks: 'The tasks of the current exercise.', shows: '✗' },
    { setup: 'Start-LabExercise pop-imap-named-certificate | Out-Null', code: 'Get-LabTask 1 | Format-List', remarks: "The first task's goal.", shows: 'Goal' },
  ],
  related: ['Test-LabTask', 'Get-LabHint', 'Start-LabExercise'],
  async process(p, ctx) {
    let s: ExerciseStatus;
    try {
      s = await training(ctx).status(ctx.signal);
    } catch (e) {
      return trainingFailure(ctx, e);
    }
    const wanted = p.Task;
    for (const n of wanted ?? []) if (!s.tasks.some((t) => t.number === n)) return trainingFailure(ctx, new TrainingError(`The exercise '${s.id}' has tasks 1 to ${s.tasks.length}; there is no task ${n}.`, 'TaskNotFound', 'ObjectNotFound', n));
    warnFailedChecks(ctx, s);
    for (const t of s.tasks) if (!wanted || wanted.includes(t.number)) ctx.write(taskObject(s, t));
  },
});

export const testLabTask = defineCmdlet({
  name: 'Test-LabTask',
  module: LAB_MODULE,
  typeNamespace: LAB_NAMESPACE,
  synopsis: "Checks your work on the exercise's tasks and says what is still missing.",
  description:
    'Test-LabTask runs the checks of the exercise (of the tasks given, or all) against the lab as it is now, records the result in the lab (the trainer sees it), and shows each task with Done (✓/✗) and what is still missing — never how to do it (Get-LabHint helps with that). ' +
    'A check that cannot run counts as not passed and is reported as a warning. When every task is done, it says so.',
  changesLab: true,
  parameters: { Task: TASK_PARAMETER },
  outputType: [TASK_TYPE],
  examples: [
    { setup: 'Start-LabExercise pop-imap-named-certificate | Out-Null', code: 'Test-LabTask', remarks: 'Checks every task.', shows: 'tasks done' },
    { setup: 'Start-LabExercise pop-imap-named-certificate | Out-Null', code: '(Test-LabTask 1).Missing', remarks: 'What task 1 still needs.', shows: 'certificate' },
  ],
  related: ['Get-LabTask', 'Get-LabHint'],
  async process(p, ctx) {
    let s: ExerciseStatus;
    try {
      s = await training(ctx).test(p.Task, ctx.signal);
    } catch (e) {
      return trainingFailure(ctx, e);
    }
    warnFailedChecks(ctx, s);
    const checked = s.tasks.filter((t) => t.passed !== undefined);
    for (const t of checked) ctx.write(taskObject(s, t));
    for (const n of s.firstPassed ?? []) ctx.writeHost(`Task ${n} is done: ${s.tasks[n - 1]!.title}.`, { foreground: 'Green' });
    if (p.Task === undefined) ctx.writeHost(doneLine(s));
  },
});

export const getLabHint = defineCmdlet({
  name: 'Get-LabHint',
  module: LAB_MODULE,
  typeNamespace: LAB_NAMESPACE,
  synopsis: 'Gives the next hint for a task of the exercise (hints are counted).',
  description:
    'Get-LabHint shows the next hint for a task: the first task not yet done, or the task given. Hints are graded, from a nudge to nearly the answer; each one shown is counted in the lab (Get-LabTask shows the count, the trainer\'s report too). ' +
    'After the last hint of a task, asking again repeats it.',
  changesLab: true,
  parameters: { Task: { type: 'Int32', help: 'The task number; by default the first task not yet done.', sets: { __AllParameterSets: { position: 0 } } } },
  outputType: [HINT_TYPE],
  examples: [
    { setup: 'Start-LabExercise pop-imap-named-certificate | Out-Null', code: 'Get-LabHint', remarks: 'The first hint for the first task not done.', shows: '1 of' },
    { setup: 'Start-LabExercise pop-imap-named-certificate | Out-Null', code: 'Get-LabHint 2; Get-LabHint 2', remarks: 'Two hints for task 2.', shows: '2 of' },
  ],
  related: ['Get-LabTask', 'Test-LabTask'],
  process(p, ctx) {
    try {
      const h = training(ctx).hint(p.Task === undefined ? undefined : Number(p.Task));
      ctx.write(
        labObject(HINT_TYPE, [
          ['Task', 'System.Int32', h.task],
          ['TaskTitle', 'System.String', h.taskTitle],
          ['Number', 'System.Int32', h.number],
          ['Of', 'System.Int32', h.of],
          ['Text', 'System.String', h.text],
          ['Last', 'System.Boolean', h.last],
        ]),
      );
    } catch (e) {
      trainingFailure(ctx, e);
    }
  },
});

export const resetLabExercise = defineCmdlet({
  name: 'Reset-LabExercise',
  module: LAB_MODULE,
  typeNamespace: LAB_NAMESPACE,
  synopsis: "Puts the exercise's lab back to its starting state.",
  description:
    "Reset-LabExercise rebuilds the lab of the current exercise as Start-LabExercise made it: a fresh organization, the clock moved, the setup script run, the drives emptied. Everything done in the lab is lost (make a checkpoint first with Checkpoint-Lab to keep it); the hints you used stay counted.",
  supportsShouldProcess: true,
  confirmImpact: 'High',
  parameters: {},
  outputType: [TASK_TYPE],
  examples: [
    { setup: 'Start-LabExercise pop-imap-named-certificate | Out-Null', code: 'Reset-LabExercise -Confirm:$false', remarks: 'Starts the exercise over, without asking first.', shows: 'Reset' },
  ],
  related: ['Start-LabExercise', 'Checkpoint-Lab', 'Restore-Lab'],
  async process(_p, ctx) {
    const t = training(ctx);
    let id: string;
    try {
      id = (await t.status(ctx.signal)).id;
    } catch (e) {
      return trainingFailure(ctx, e);
    }
    if (!(await ctx.shouldProcess(`Lab of exercise ${id}: everything done in it is lost`, 'Reset-LabExercise'))) return;
    let r: StartedExercise;
    try {
      r = await t.reset(ctx.signal);
    } catch (e) {
      return trainingFailure(ctx, e);
    }
    ctx.session.setLocation('C:\\Windows\\system32');
    showStart(ctx, r, 'Reset');
  },
});

export const exerciseCmdlets = [getLabExercise, startLabExercise, getLabTask, testLabTask, getLabHint, resetLabExercise];
