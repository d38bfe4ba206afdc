// The floors of docs/ARCHITECTURE.md are enforced by the linter (eslint.config.js): an import that
// climbs a floor, a cmdlet importing the engine, Ink outside the UI are lint errors; imports
// downwards are not. The grammar may not reach into Chevrotain's internals.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, spec: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import * as x from '${spec}';\nexport { x };\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('floors', () => {
  it.each([
    ['src/engine/evaluate.ts', '../format/index.js', 'src/engine may not import src/format'],
    ['src/engine/evaluate.ts', '../cmdlets/index.js', 'src/engine may not import src/cmdlets'],
    ['src/cmdlets/core/Where-Object.ts', '../../engine/session.js', 'src/cmdlets may not import src/engine'],
    ['src/cmdlets/exchange/mailflow/Queue.ts', '../../../store/lab-store.js', 'src/cmdlets may not import src/store'],
    ['src/protocol/values.ts', '../exchange/model.js', 'src/protocol may not import src/exchange'],
    ['grammar/parser.ts', '../src/protocol/values.js', 'grammar may not import src/protocol'],
    ['src/format/table.ts', '../engine/runtime.js', 'src/format may not import src/engine'],
    ['src/exchange/organization.ts', '../compose.js', 'Only the program'],
    ['src/engine/session.ts', 'ink', 'Only src/ui/ uses Ink'],
    ['src/host/plain-host.ts', 'react', 'Only src/ui/ uses Ink'],
    ['src/labs/checks.ts', '../ui/lab-watch.js', 'src/labs may not import src/ui'],
    ['src/cmdlets/lab/Exercise.ts', '../../labs/exercise.js', 'src/cmdlets may not import src/labs'],
    ['src/labs/exercise.ts', '../training.js', 'Only the program'],
  ])('%s may not import %s', async (file, spec, message) => {
    const errors = await importErrors(file, spec);
    expect(errors.join('\n')).toContain(message);
  });

  it.each([
    ['src/cmdlets/core/Where-Object.ts', '../../protocol/values.js'],
    ['src/cmdlets/core/Where-Object.ts', '../exchange/common.js'],
    ['src/cmdlets/exchange/Get-Mailbox.ts', '../../exchange/organization.js'],
    ['src/engine/evaluate.ts', '../../grammar/ast.js'],
    ['src/protocol/errors.ts', '../../grammar/ast.js'],
    ['src/host/line-runner.ts', '../engine/session.js'],
    ['src/ui/App.tsx', 'ink'],
    ['src/compose.ts', './cmdlets/index.js'],
    ['src/labs/checks.ts', '../../grammar/index.js'],
    ['src/training.ts', './labs/exercise.js'],
  ])('%s may import %s', async (file, spec) => {
    expect(await importErrors(file, spec)).toEqual([]);
  });
});

describe('Chevrotain through its public API', () => {
  it('an override or a call of an internal of performSelfAnalysis is a lint error', async () => {
    const code = `import { CstParser } from 'chevrotain';
export class P extends CstParser {
  enableRecording(): void {}
  f(): void { (this as unknown as { preComputeLookaheadFunctions(r: unknown[]): void }).preComputeLookaheadFunctions([]); }
}
`;
    const [result] = await eslint.lintText(code, { filePath: 'grammar/parser.ts' });
    expect(result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').length).toBe(2);
  });
});
