// Start-Transcript: from now on, everything the host prints is also appended to a file on the
// lab drive (the session does the copying).

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { formatDate } from '../../protocol/dotnet-format.js';

/** 8 random characters, as .NET's Path.GetRandomFileName gives them (lower case and digits). */
function randomPart(): string {
  const chars = 'abcdefghijklmnopqrstuvwxyz012345';
  let s = '';
  for (let i = 0; i < 8; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

export default defineCmdlet({
  name: 'Start-Transcript',
  module: 'Microsoft.PowerShell.Host',
  synopsis: 'Creates a record of all or part of a Windows PowerShell session to a text file.',
  description:
    'The Start-Transcript cmdlet records the session in a text file on the lab drive: ' +
    'everything typed and everything displayed, until Stop-Transcript. Without -Path the file ' +
    'is created in the Documents folder of the Administrator, named ' +
    'PowerShell_transcript.<computer>.<random>.<timestamp>.txt. -Append adds to an existing file.',
  supportsShouldProcess: true,
  parameters: {
    Path: {
      type: 'String',
      sets: { [ALL_SETS]: { position: 0 } },
      help: 'Specifies the transcript file.',
    },
    Append: { type: 'Switch', help: 'Adds to the end of an existing file instead of replacing it.' },
    Force: { type: 'Switch', help: 'Allows replacing a read-only file.' },
    NoClobber: { type: 'Switch', aliases: ['NoOverwrite'], help: 'Fails instead of replacing an existing file.' },
  },
  outputType: ['System.String'],
  examples: [
    {
      code: "Start-Transcript -Path C:\\transcript.txt; Stop-Transcript",
      remarks: 'Starts recording the session to C:\\transcript.txt, then stops.',
      shows: 'Transcript started, output file is C:\\transcript.txt',
    },
  ],
  related: ['Stop-Transcript'],
  async process(params, ctx) {
    const now = ctx.now();
    const path =
      params.Path ??
      `C:\\Users\\Administrator\\Documents\\PowerShell_transcript.${ctx.session.machine}.${randomPart()}.${formatDate(now, 'yyyyMMddHHmmss')}.txt`;
    const resolved = ctx.fs.resolve(path, ctx.session.getLocation());
    if (params.NoClobber && !params.Append && ctx.fs.exists(resolved)) {
      ctx.fail(
        ctx.error({
          message: `The file '${resolved.display}' already exists.`,
          errorId: 'NoClobber',
          category: 'ResourceExists',
          exceptionType: 'IOException',
          targetObject: resolved.display,
        }),
      );
    }
    if (!(await ctx.shouldProcess(resolved.display))) return;
    ctx.session.startTranscript(resolved, !!params.Append);
    ctx.write(`Transcript started, output file is ${resolved.display}`);
  },
});
