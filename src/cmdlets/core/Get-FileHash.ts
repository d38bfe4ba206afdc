// Get-FileHash: the hash of each file's bytes, as Windows PowerShell 5.1's function of the same
// name writes it: a PSCustomObject named Microsoft.Powershell.Utility.FileHash with Algorithm,
// Hash (upper-case hex) and Path. Folders are skipped silently, as 5.1 does.

import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { defineCmdlet } from '../../protocol/cmdlet.js';
import { PSObject } from '../../protocol/values.js';
import { attempt, existingItems, pathParameters } from './file-common.js';

const ALGORITHMS = ['SHA1', 'SHA256', 'SHA384', 'SHA512', 'MACTripleDES', 'MD5', 'RIPEMD160'] as const;
const FILEHASH_TYPES = ['Microsoft.Powershell.Utility.FileHash', 'System.Management.Automation.PSCustomObject', 'System.Object'];

/** .NET's MACTripleDES() as 5.1 creates it: a fresh random key, CBC-MAC over zero-padded blocks. */
function macTripleDes(bytes: Uint8Array): Buffer {
  const cipher = createCipheriv('des-ede3-cbc', randomBytes(24), Buffer.alloc(8));
  cipher.setAutoPadding(false);
  const padded = Buffer.alloc(Math.max(8, Math.ceil(bytes.length / 8) * 8));
  padded.set(bytes);
  const out = Buffer.concat([cipher.update(padded), cipher.final()]);
  return out.subarray(out.length - 8);
}

function fileHash(bytes: Uint8Array, algorithm: (typeof ALGORITHMS)[number]): string {
  const digest = algorithm === 'MACTripleDES' ? macTripleDes(bytes) : createHash(algorithm.toLowerCase()).update(bytes).digest();
  return digest.toString('hex').toUpperCase();
}

export default defineCmdlet({
  name: 'Get-FileHash',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Computes the hash value for a file by using a specified hash algorithm.',
  description:
    'The Get-FileHash cmdlet computes the hash of each file on the lab drive with the chosen ' +
    'algorithm (SHA256 by default) and writes an object with the Algorithm, the Hash in upper-case ' +
    'hexadecimal and the Path. Folders are skipped. MACTripleDES uses a new random key each time, ' +
    'so its result differs from run to run, as in Windows PowerShell.',
  defaultParameterSet: 'Path',
  parameters: {
    ...pathParameters({ mandatory: true, fromPipeline: true, pathHelp: 'Specifies the path to one or more files.' }),
    Algorithm: {
      type: 'String',
      validateSet: ALGORITHMS,
      help: 'Specifies the hash algorithm: SHA1, SHA256 (the default), SHA384, SHA512, MACTripleDES, MD5 or RIPEMD160.',
      default: 'SHA256',
    },
  },
  outputType: ['Microsoft.Powershell.Utility.FileHash'],
  examples: [
    {
      setup: "Set-Content C:\\demo.txt 'hello' -NoNewline -Encoding Ascii",
      code: '(Get-FileHash C:\\demo.txt).Hash',
      remarks: 'The SHA256 hash of a file.',
      shows: '2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824',
    },
    {
      setup: "Set-Content C:\\demo.txt 'hello' -NoNewline -Encoding Ascii",
      code: 'Get-FileHash C:\\demo.txt -Algorithm MD5 | Format-List',
      remarks: 'The MD5 hash, with the algorithm and the path.',
      shows: 'Algorithm : MD5\nHash      : 5D41402ABC4B2A76B9719D911017C592\nPath      : C:\\demo.txt',
    },
  ],
  related: ['Get-Content', 'Get-ChildItem'],
  process(params, ctx) {
    const algorithm = ALGORITHMS.find((a) => a.toLowerCase() === (params.Algorithm ?? 'SHA256').toLowerCase()) ?? 'SHA256';
    for (const entry of existingItems(ctx, params)) {
      if (entry.isDirectory) continue;
      const bytes = attempt(ctx, () => ctx.fs.readBytes(entry.path));
      if (!bytes) continue;
      const o = new PSObject(FILEHASH_TYPES);
      o.addNote('Algorithm', algorithm);
      o.addNote('Hash', fileHash(bytes, algorithm));
      o.addNote('Path', entry.path.display);
      ctx.write(o);
    }
  },
});
