// Throughput figures of the engine's parts, measured by `npm run bench` (they used to be timing
// assertions in the unit tests, which a shared machine makes flaky): binding pipeline objects,
// Measure-Object over many objects, rendering a large table, the slowest parse of random
// token soup (the parser must never take long on any input), and wildcard patterns that a
// backtracking matcher would never finish.
import fc from 'fast-check';
import { classifyTokens, parseScript } from '../../grammar/index.js';
import MeasureObject from '../../src/cmdlets/core/Measure-Object.js';
import { CommandBinder } from '../../src/engine/binder.js';
import { renderer } from '../../src/format/index.js';
import type { CmdletDeclaration } from '../../src/protocol/cmdlet.js';
import { matchesWildcard } from '../../src/protocol/wildcard.js';
import { PSObject, ScriptBlockValue } from '../../src/protocol/values.js';
import { runCmdlet } from '../cmdlets/fake-context.js';
import type { BenchResult } from './ui-bench.js';

function time(run: () => void): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

function bindPipeline(): number {
  const decl: CmdletDeclaration = {
    name: 'ForEach-Object',
    synopsis: '',
    description: '',
    examples: [],
    defaultParameterSet: 'ScriptBlockSet',
    parameters: {
      InputObject: { type: 'PSObject', sets: { __AllParameterSets: { fromPipeline: true } } },
      Process: { type: 'ScriptBlock[]', sets: { ScriptBlockSet: { position: 0, mandatory: true } } },
    },
  };
  const span = { start: 0, end: 0 };
  const b = new CommandBinder(decl, { invocationName: decl.name, source: { text: '' }, commandSpan: span, commandFullName: 'ForEach-Object' });
  b.bindArguments([{ kind: 'value', value: new ScriptBlockValue(null, '$_'), span }]);
  b.checkMandatory(true);
  return time(() => {
    for (let i = 0; i < 200_000; i++) b.bindPipelineObject(i);
  });
}

function renderTable(): number {
  const rows = Array.from({ length: 10_000 }, (_, i) => PSObject.fromRecord({ Id: i, Name: `name${i}`, Value: 'v'.repeat(i % 30) }));
  return time(() => {
    const s = renderer.outDefault(120, () => undefined);
    for (const r of rows) s.write(r);
    s.end();
  });
}

async function measureObjects(): Promise<number> {
  const input = Array.from({ length: 200_000 }, (_, i) => i);
  const t0 = performance.now();
  await runCmdlet(MeasureObject, { params: { Sum: true }, input });
  return performance.now() - t0;
}

function slowestRandomParse(): number {
  const alphabet = fc.constantFrom(...'$@(){}[]"\'`#<>|;,.:-+=!*/%&\n \tabcx01'.split(''), '-eq', '@{', '$(', '@(', '@"\n', "'@", '"@', 'if', 'foreach', 'in', '[int]', '::');
  let worst = 0;
  for (const text of fc.sample(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), { numRuns: 2000, seed: 42 })) {
    worst = Math.max(
      worst,
      time(() => {
        parseScript(text);
        classifyTokens(text);
      }),
    );
  }
  return worst;
}

/** Patterns a RegExp-based wildcard could not answer: 30 s of backtracking, or too large to compile. */
function hardWildcards(): number {
  return time(() => {
    matchesWildcard('a'.repeat(200), '*a*a*a*a*b');
    matchesWildcard('a'.repeat(5000), '*a*a*a*a*a*a*a*a*b');
    matchesWildcard('x'.repeat(100_000), 'x'.repeat(100_000));
  });
}

export async function benchCore(): Promise<BenchResult[]> {
  return [
    { name: 'bind 200,000 pipeline objects', value: bindPipeline(), unit: 'ms' },
    { name: 'Measure-Object -Sum over 200,000 objects', value: await measureObjects(), unit: 'ms' },
    { name: 'render a 10,000-row table', value: renderTable(), unit: 'ms' },
    { name: 'slowest parse of 2,000 random token soups', value: slowestRandomParse(), unit: 'ms' },
    { name: "wildcards: ('a'*200) -like '*a*a*a*a*b', 5,000 a's with 8 stars, a 100,000-character pattern", value: hardWildcards(), unit: 'ms' },
  ];
}
