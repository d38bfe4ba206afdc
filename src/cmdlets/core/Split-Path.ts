// Split-Path: the parent (default), leaf, qualifier or the rest of a path, or whether it is
// absolute. Works on the text; with -Resolve the path is resolved on the lab drive first.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { attempt, expandPath, pathNotFound } from './file-common.js';
import { isAbsolutePath, leafName, parentPath, qualifierOf, withoutQualifier } from './path-text.js';

export default defineCmdlet({
  name: 'Split-Path',
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Returns the specified part of a path.',
  description:
    'The Split-Path cmdlet returns part of a path: the parent container (the default, -Parent), the last ' +
    'element (-Leaf), the drive (-Qualifier) or the path without it (-NoQualifier); -IsAbsolute tells whether ' +
    'the path is absolute. -Resolve resolves the path on the lab drive first (wildcards are expanded).',
  defaultParameterSet: 'ParentSet',
  parameters: {
    Path: {
      type: 'String[]',
      sets: {
        ParentSet: { position: 0, mandatory: true, fromPipeline: true, fromPipelineByPropertyName: true },
        LeafSet: { position: 0, mandatory: true, fromPipeline: true, fromPipelineByPropertyName: true },
        QualifierSet: { position: 0, mandatory: true, fromPipeline: true, fromPipelineByPropertyName: true },
        NoQualifierSet: { position: 0, mandatory: true, fromPipeline: true, fromPipelineByPropertyName: true },
        IsAbsoluteSet: { position: 0, mandatory: true, fromPipeline: true, fromPipelineByPropertyName: true },
      },
      help: 'Specifies the paths to split.',
    },
    LiteralPath: {
      type: 'String[]',
      aliases: ['PSPath'],
      sets: {
        LiteralPathSet: { mandatory: true, fromPipelineByPropertyName: true },
      },
      help: 'Specifies the paths to split, used exactly as typed.',
    },
    Parent: { type: 'Switch', sets: { ParentSet: {} }, help: 'Returns the parent container (the default).' },
    Leaf: { type: 'Switch', sets: { LeafSet: { mandatory: true } }, help: 'Returns the last element of the path.' },
    Qualifier: { type: 'Switch', sets: { QualifierSet: { mandatory: true } }, help: 'Returns the drive of the path (C:).' },
    NoQualifier: { type: 'Switch', sets: { NoQualifierSet: { mandatory: true } }, help: 'Returns the path without its drive.' },
    IsAbsolute: { type: 'Switch', sets: { IsAbsoluteSet: { mandatory: true } }, help: 'Returns True when the path is absolute.' },
    Resolve: { type: 'Switch', help: 'Resolves the paths on the lab drive first.' },
    Credential: { type: 'PSCredential', help: 'Not used by the FileSystem provider.' },
  },
  outputType: ['System.String', 'System.Boolean'],
  examples: [
    { code: "Split-Path 'C:\\certs\\export.pfx'", remarks: 'The parent folder.', shows: 'C:\\certs' },
    { code: "Split-Path 'C:\\certs\\export.pfx' -Leaf", remarks: 'The file name.', shows: 'export.pfx' },
    { code: "Split-Path 'C:\\certs\\export.pfx' -Qualifier; Split-Path 'C:\\certs\\export.pfx' -NoQualifier", remarks: 'The drive, then the rest.', shows: 'C:\n\\certs\\export.pfx' },
    { code: "Split-Path '.\\export.pfx' -IsAbsolute", remarks: 'A relative path is not absolute.', shows: 'False' },
  ],
  related: ['Join-Path', 'Resolve-Path', 'Test-Path'],
  process(params, ctx) {
    const literal = params.LiteralPath !== undefined && params.LiteralPath !== null;
    let paths = ((literal ? params.LiteralPath : params.Path) as (string | null)[]).map((p) => p ?? '');
    if (params.Resolve) {
      const resolved: string[] = [];
      for (const p of paths) {
        const found = attempt(ctx, () => (literal ? [ctx.fs.resolve(p, ctx.session.getLocation())] : expandPath(ctx.fs, p, ctx.session.getLocation())).filter((r) => ctx.fs.exists(r)));
        if (found === undefined) continue;
        if (found.length === 0) ctx.writeError(pathNotFound(ctx, p));
        resolved.push(...found.map((r) => r.display));
      }
      paths = resolved;
    }
    for (const p of paths) {
      if (params.IsAbsolute) ctx.write(isAbsolutePath(p));
      else if (params.Leaf) ctx.write(leafName(p));
      else if (params.NoQualifier) ctx.write(withoutQualifier(p));
      else if (params.Qualifier) {
        const q = qualifierOf(p);
        if (q !== undefined) ctx.write(q);
        else {
          ctx.writeError(
            ctx.error({
              message: `Cannot parse path because path '${p}' does not have a qualifier specified.`,
              errorId: 'ParsePathFormatError',
              category: 'InvalidArgument',
              exceptionType: 'FormatException',
              targetObject: p,
            }),
          );
        }
      } else ctx.write(parentPath(p));
    }
  },
});
