// Start-Sleep (sleep): waits, in real time (Ctrl+C ends the wait).

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { PipelineStoppedError } from '../../protocol/errors.js';

export default defineCmdlet({
  name: 'Start-Sleep',
  aliases: ['sleep'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Suspends the activity in a script or session for the specified period of time.',
  description: 'The Start-Sleep cmdlet waits for the given number of seconds or milliseconds before the next command runs. Ctrl+C ends the wait.',
  defaultParameterSet: 'Seconds',
  parameters: {
    Seconds: {
      type: 'Int32',
      validateRange: [0, 2147483],
      sets: { Seconds: { position: 0, mandatory: true, fromPipeline: true, fromPipelineByPropertyName: true } },
      help: 'Specifies how many seconds to wait.',
    },
    Milliseconds: {
      type: 'Int32',
      validateRange: [0, 2147483647],
      sets: { Milliseconds: { mandatory: true, fromPipelineByPropertyName: true } },
      help: 'Specifies how many milliseconds to wait.',
    },
  },
  examples: [{ code: "Start-Sleep -Milliseconds 10; 'done'", remarks: 'Waits 10 ms, then writes done.', shows: 'done' }],
  related: ['Get-Date'],
  async process(params, ctx) {
    const ms = typeof params.Milliseconds === 'number' ? params.Milliseconds : (params.Seconds ?? 0) * 1000;
    await new Promise<void>((resolve, reject) => {
      if (ctx.signal.aborted) return reject(new PipelineStoppedError());
      const timer = setTimeout(() => {
        ctx.signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(new PipelineStoppedError());
      };
      ctx.signal.addEventListener('abort', onAbort, { once: true });
    });
  },
});
