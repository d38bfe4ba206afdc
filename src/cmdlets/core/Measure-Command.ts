// Measure-Command: runs a script block (once per piped object, with $_) and writes the time it
// took as a TimeSpan. The time is measured, not read from the lab clock.

import { stateKey, madeInBegin, ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { timeSpan } from '../../protocol/operators.js';

const ELAPSED = stateKey<{ ms: number }>('Measure-Command');

export default defineCmdlet({
  name: 'Measure-Command',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Measures the time it takes to run script blocks and cmdlets.',
  description:
    'The Measure-Command cmdlet runs a script block and writes the time it took as a TimeSpan; the ' +
    "block's own output is discarded. With piped input the block runs once per object, with $_ set to it.",
  parameters: {
    Expression: {
      type: 'ScriptBlock',
      sets: { [ALL_SETS]: { position: 0, mandatory: true } },
      help: 'Specifies the script block to time.',
    },
    InputObject: { type: 'PSObject', sets: { [ALL_SETS]: { fromPipeline: true } }, help: 'Objects the script block runs for ($_).' },
  },
  outputType: ['System.TimeSpan'],
  examples: [
    { code: "(Measure-Command { Get-Date }).GetType().FullName", remarks: 'The result is a TimeSpan.', shows: 'System.TimeSpan' },
    { code: "(Measure-Command { 1..10 | % { $_ } }).TotalSeconds -lt 60", remarks: 'Times a pipeline; its output is not shown.', shows: 'True' },
  ],
  related: ['Measure-Object', 'Get-Date'],
  begin(_params, ctx) {
    ctx.runState(ELAPSED, () => ({ ms: 0 }));
  },
  async process(params, ctx) {
    const st = ctx.runState(ELAPSED, madeInBegin);
    const start = process.hrtime.bigint();
    await ctx.invoke(params.Expression, ctx.expectingInput ? { dollarUnder: params.InputObject, input: [params.InputObject] } : {});
    st.ms += Number(process.hrtime.bigint() - start) / 1e6;
  },
  end(_params, ctx) {
    ctx.write(timeSpan(Math.round(ctx.runState(ELAPSED, madeInBegin).ms * 10000) / 10000));
  },
});
