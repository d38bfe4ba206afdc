// `npm run grammar:diagrams`: writes grammar/diagrams.html, railroad diagrams of the parser's
// rules (living documentation of the PowerShell subset emsh understands).
import { createSyntaxDiagramsCode } from 'chevrotain';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getParser } from './parser.js';

const html = createSyntaxDiagramsCode(getParser().getSerializedGastProductions());
const out = resolve(join(process.cwd(), 'grammar', 'diagrams.html'));
writeFileSync(out, html);
console.log(out);
