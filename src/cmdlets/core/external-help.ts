// `.EXTERNALHELP file.xml` in a function's or script's help comment: the help is the MAML file's
// command of that name. The file is found beside the script that defines the command (a relative
// folder in the name is kept), in the UI culture's folder first (localized-files.ts).
import type { CmdletContext } from '../../protocol/cmdlet.js';
import { currentCulture } from '../../protocol/culture.js';
import { parseXml, type XmlNode } from '../../protocol/xml-dom.js';
import { emptyCommentHelp, type CommentHelp } from './comment-help.js';
import { decodeText } from './file-common.js';
import { localizedCandidates } from './localized-files.js';

const children = (n: XmlNode, local: string): XmlNode[] => n.children.filter((c) => c.kind === 'Element' && c.localName.toLowerCase() === local);
const child = (n: XmlNode | undefined, local: string): XmlNode | undefined => (n ? children(n, local)[0] : undefined);

/** The text of a MAML text block: its maml:para paragraphs, one a line. */
function paragraphs(n: XmlNode | undefined): string | undefined {
  if (!n) return undefined;
  const paras = children(n, 'para').map((p) => p.innerText.trim());
  return paras.length ? paras.join('\n') : n.innerText.trim() || undefined;
}

/** A MAML command:command as the sections of comment help. */
function commandHelp(command: XmlNode): CommentHelp {
  const help = emptyCommentHelp();
  const details = child(command, 'details');
  const synopsis = paragraphs(child(details, 'description'));
  if (synopsis !== undefined) help.synopsis = synopsis;
  const description = paragraphs(child(command, 'description'));
  if (description !== undefined) help.description = description;
  for (const p of children(child(command, 'parameters') ?? command, 'parameter')) {
    const name = child(p, 'name')?.innerText.trim();
    const text = paragraphs(child(p, 'description'));
    if (name && text !== undefined) help.parameters.set(name.toUpperCase(), text);
  }
  for (const e of children(child(command, 'examples') ?? command, 'example')) {
    const code = child(e, 'code')?.innerText.trim() ?? '';
    const remarks = paragraphs(child(e, 'remarks'));
    help.examples.push(remarks ? `${code}\n\n${remarks}` : code);
  }
  const notes = child(child(command, 'alertset'), 'alert');
  const noteText = paragraphs(notes);
  if (noteText !== undefined) help.notes = noteText;
  return help;
}

/**
 * The help of `name` in the external help file a script's comment names, or undefined when the
 * file is not there, does not parse, or has no command of that name.
 */
export function externalHelp(ctx: CmdletContext, scriptFile: string | undefined, helpFile: string, name: string): CommentHelp | undefined {
  if (!scriptFile || !scriptFile.includes('\\')) return undefined;
  const relative = helpFile.replace(/\//g, '\\');
  const cut = relative.lastIndexOf('\\');
  const scriptDir = scriptFile.slice(0, scriptFile.lastIndexOf('\\'));
  const dir = cut < 0 ? scriptDir : `${scriptDir}\\${relative.slice(0, cut)}`;
  const location = ctx.session.getLocation();
  const candidates = localizedCandidates(dir, relative.slice(cut + 1), currentCulture(ctx.services, 'ui'), true);
  const path = candidates.map((c) => ctx.fs.resolve(c, location)).find((p) => ctx.fs.stat(p)?.isDirectory === false);
  if (!path) return undefined;
  let root: XmlNode | undefined;
  try {
    root = parseXml(decodeText(ctx.fs.readBytes(path))).children.find((c) => c.kind === 'Element');
  } catch {
    return undefined; // 5.1 ignores a help file it cannot read
  }
  const wanted = name.toLowerCase();
  const command = root && children(root, 'command').find((c) => child(child(c, 'details'), 'name')?.innerText.trim().toLowerCase() === wanted);
  return command && commandHelp(command);
}
