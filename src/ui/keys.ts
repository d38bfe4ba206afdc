// One keypress decoder for the whole UI: raw terminal input → named keys and text runs.
// Ink's useInput hides function keys (F8) and Ctrl+Space, so the prompt reads raw input and
// decodes it here; a chunk may hold several keys (fast typing, tmux send-keys) or a paste.

export type KeyName =
  | 'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'pageup' | 'pagedown'
  | 'ctrl-left' | 'ctrl-right' | 'delete' | 'ctrl-delete' | 'backspace' | 'ctrl-backspace'
  | 'tab' | 'shift-tab' | 'enter' | 'shift-enter' | 'escape'
  | 'ctrl-a' | 'ctrl-c' | 'ctrl-d' | 'ctrl-e' | 'ctrl-k' | 'ctrl-l' | 'ctrl-r' | 'ctrl-s' | 'ctrl-u' | 'ctrl-w'
  | 'ctrl-y' | 'ctrl-z' | 'ctrl-space' | 'f8' | 'shift-f8';

export type KeyEvent = { kind: 'key'; name: KeyName } | { kind: 'text'; text: string };

const SEQUENCES: [string, KeyName][] = [
  ['\x1b[1;5A', 'up'], ['\x1b[1;5B', 'down'],
  ['\x1b[1;5C', 'ctrl-right'], ['\x1b[1;5D', 'ctrl-left'], ['\x1b[5C', 'ctrl-right'], ['\x1b[5D', 'ctrl-left'],
  ['\x1bOc', 'ctrl-right'], ['\x1bOd', 'ctrl-left'], ['\x1bf', 'ctrl-right'], ['\x1bb', 'ctrl-left'],
  ['\x1b[19;2~', 'shift-f8'], ['\x1b[19~', 'f8'],
  ['\x1b[3;5~', 'ctrl-delete'], ['\x1b[3~', 'delete'],
  ['\x1b[5~', 'pageup'], ['\x1b[6~', 'pagedown'],
  ['\x1b[1~', 'home'], ['\x1b[4~', 'end'], ['\x1b[7~', 'home'], ['\x1b[8~', 'end'],
  ['\x1b[H', 'home'], ['\x1b[F', 'end'], ['\x1bOH', 'home'], ['\x1bOF', 'end'],
  ['\x1b[A', 'up'], ['\x1b[B', 'down'], ['\x1b[C', 'right'], ['\x1b[D', 'left'],
  ['\x1bOA', 'up'], ['\x1bOB', 'down'], ['\x1bOC', 'right'], ['\x1bOD', 'left'],
  ['\x1b[Z', 'shift-tab'],
  ['\x1b\r', 'shift-enter'], ['\x1b[13;2u', 'shift-enter'],
  ['\x1b\x7f', 'ctrl-backspace'],
];

const CONTROL: Record<string, KeyName> = {
  '\x00': 'ctrl-space',
  '\x01': 'ctrl-a',
  '\x03': 'ctrl-c',
  '\x04': 'ctrl-d',
  '\x05': 'ctrl-e',
  '\x08': 'ctrl-backspace',
  '\t': 'tab',
  '\x0b': 'ctrl-k',
  '\x0c': 'ctrl-l',
  '\r': 'enter',
  '\n': 'enter',
  '\x12': 'ctrl-r',
  '\x13': 'ctrl-s',
  '\x15': 'ctrl-u',
  '\x17': 'ctrl-w',
  '\x19': 'ctrl-y',
  '\x1a': 'ctrl-z',
  '\x7f': 'backspace',
};

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

export function decodeInput(data: string): KeyEvent[] {
  const out: KeyEvent[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  // A chunk of printable text with newlines and no escapes is a paste: keep it whole.
  if (data.length > 1 && /[\r\n]/.test(data) && !data.includes('\x1b') && /[^\r\n]/.test(data.replace(/[\r\n]+$/, ''))) {
    const trailingEnter = /[\r\n]$/.test(data) && !/[\r\n]/.test(data.replace(/[\r\n]+$/, ''));
    if (trailingEnter) {
      // `text⏎` typed by a program (tmux send-keys ... Enter): text then Enter.
      out.push({ kind: 'text', text: data.replace(/[\r\n]+$/, '') });
      out.push({ kind: 'key', name: 'enter' });
      return out;
    }
    return [{ kind: 'text', text: data.replace(/\r\n?/g, '\n') }];
  }
  let i = 0;
  while (i < data.length) {
    if (data.startsWith(PASTE_START, i)) {
      flush();
      const end = data.indexOf(PASTE_END, i + PASTE_START.length);
      const body = data.slice(i + PASTE_START.length, end < 0 ? data.length : end);
      out.push({ kind: 'text', text: body.replace(/\r\n?/g, '\n') });
      i = end < 0 ? data.length : end + PASTE_END.length;
      continue;
    }
    if (data[i] === '\x1b') {
      const seq = SEQUENCES.find(([s]) => data.startsWith(s, i));
      flush();
      if (seq) {
        out.push({ kind: 'key', name: seq[1] });
        i += seq[0].length;
        continue;
      }
      // Unknown CSI sequence: skip it whole rather than typing its bytes.
      const csi = /^\x1b\[[0-9;?]*[ -/]*[@-~]/.exec(data.slice(i));
      if (csi) {
        i += csi[0].length;
        continue;
      }
      out.push({ kind: 'key', name: 'escape' });
      i += 1;
      continue;
    }
    const ch = data[i]!;
    const ctl = CONTROL[ch];
    if (ctl) {
      flush();
      out.push({ kind: 'key', name: ctl });
      i += 1;
      continue;
    }
    if (ch < ' ') {
      i += 1; // other control characters are ignored
      continue;
    }
    text += ch;
    i += 1;
  }
  flush();
  return out;
}
