// Issue 9 figures for `npm run bench`: every check of an exercise in a warm shell (≤ 50 ms, the
// slowest exercise, in its starting and its solved state), Start-LabExercise with real key
// generation (≤ 1.5 s), and `emsh -Grade` over a class folder of 30 lab homes (≤ 5 s).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { composeSession, openLab, realKeys, sessionLab } from '../../src/compose.js';
import { PlainHost } from '../../src/host/plain-host.js';
import { exerciseFolders } from '../../src/labs/exercise.js';
import { TrainingKey } from '../../src/cmdlets/lab/training-service.js';
import { keySource } from './exchange-bench.js';
import { repoRoot } from '../helpers/repo.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function quietHost(): PlainHost {
  return new PlainHost({ out: new Writable({ write: (_c, _e, cb) => cb() }), interactive: false, color: false, width: 120 });
}

export interface TrainingFigure {
  name: string;
  value: number;
  unit: string;
  max?: number;
}

/** Median time of every check of one exercise, on the lab as it is, after a warm-up run. */
async function checkTime(session: ReturnType<typeof composeSession>): Promise<number> {
  const training = sessionLab(session).services.get(TrainingKey);
  await training.status();
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    await training.status();
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

export async function benchTraining(): Promise<TrainingFigure[]> {
  const root = repoRoot();
  const labs = join(root, 'labs');
  const out: TrainingFigure[] = [];

  // 1. All checks of each exercise, starting and solved; the slowest is the figure.
  let slowest = { id: '', ms: 0 };
  const home = mkdtempSync(join(tmpdir(), 'emsh-bench-training-'));
  const lab = await openLab({ home, lab: 'default', keys: keySource(root) });
  const session = composeSession({ host: quietHost(), lab, exercisePath: labs });
  try {
    for (const dir of exerciseFolders(labs)) {
      const id = dir.split(/[\\/]/).pop()!;
      const r = await session.execute(`Start-LabExercise ${id} | Out-Null`);
      if (!r.ok) throw new Error(`Start-LabExercise ${id} failed`);
      const start = await checkTime(session);
      await session.execute(readFileSync(join(dir, 'solution.ps1'), 'utf8'), { file: join(dir, 'solution.ps1') });
      const solved = await checkTime(session);
      const ms = Math.max(start, solved);
      if (ms > slowest.ms) slowest = { id, ms };
    }
  } finally {
    await sessionLab(session).close();
  }
  out.push({ name: `all checks of an exercise, warm shell (slowest: ${slowest.id}) (budget ≤ 50 ms)`, value: slowest.ms, unit: 'ms', max: 50 });

  // 2. Start-LabExercise with real keys: a new lab home each time (the exercise's lab is new).
  const starts: number[] = [];
  for (let i = 0; i < 5; i++) {
    // The shell's own lab is made with fixture keys, then opened the way emsh opens it: the
    // exercise's new lab then generates real keys, as it does for a trainee.
    const h = mkdtempSync(join(tmpdir(), 'emsh-bench-start-'));
    await (await openLab({ home: h, lab: 'default', keys: keySource(root) })).close();
    const base = await openLab({ home: h, lab: 'default', keys: realKeys });
    const s = composeSession({ host: quietHost(), lab: base, exercisePath: labs });
    try {
      const t0 = performance.now();
      const r = await s.execute('Start-LabExercise renew-self-signed | Out-Null');
      starts.push(performance.now() - t0);
      if (!r.ok) throw new Error('Start-LabExercise failed');
    } finally {
      await sessionLab(s).close();
    }
  }
  out.push({ name: 'Start-LabExercise renew-self-signed, real keys (budget ≤ 1.5 s)', value: median(starts) / 1000, unit: 's', max: 1.5 });

  // 3. emsh -Grade over 30 copies of a trainee's solved lab home.
  const trainee = mkdtempSync(join(tmpdir(), 'emsh-bench-trainee-'));
  {
    const base = await openLab({ home: trainee, lab: 'default', keys: keySource(root) });
    const s = composeSession({ host: quietHost(), lab: base, exercisePath: labs });
    await s.execute('Start-LabExercise home-outlook-anywhere | Out-Null; Get-LabHint | Out-Null');
    const dir = join(labs, 'home-outlook-anywhere');
    await s.execute(readFileSync(join(dir, 'solution.ps1'), 'utf8'), { file: join(dir, 'solution.ps1') });
    await s.execute('Test-LabTask | Out-Null');
    await sessionLab(s).close();
  }
  const klass = mkdtempSync(join(tmpdir(), 'emsh-bench-class-'));
  for (let i = 1; i <= 30; i++) {
    const target = join(klass, `trainee${String(i).padStart(2, '0')}`);
    mkdirSync(target);
    cpSync(join(trainee, 'labs'), join(target, 'labs'), { recursive: true });
  }
  const grades: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(root, 'dist', 'emsh.js'), '-Grade', klass, '-ExercisePath', labs], { encoding: 'utf8' });
    grades.push(performance.now() - t0);
    if (r.status !== 0 || (r.stdout.match(/all done/g) ?? []).length !== 30) throw new Error(`emsh -Grade failed:\n${r.stdout}${r.stderr}`);
  }
  out.push({ name: 'emsh -Grade over 30 lab homes (budget ≤ 5 s)', value: median(grades) / 1000, unit: 's', max: 5 });
  return out;
}
