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

/**
 * A decoder that keeps state between chunks: Ink's input parser hands a bracketed paste over
 * in pieces (`ESC[200~`, the body, `ESC[201~`), so the paste markers may arrive in different
 * chunks. Outside a bracketed paste, every CR/LF is an Enter key: typed-ahead lines run one by
 * one and a pasted script without brackets continues with `>> ` where a statement is open,
 * as in the Windows console.
 */
export function createKeyDecoder(): { push(data: string): KeyEvent[]; readonly inPaste: boolean } {
  let paste: string | undefined;
  return {
    get inPaste() {
      return paste !== undefined;
    },
    push(data: string): KeyEvent[] {
      const out: KeyEvent[] = [];
      let text = '';
      const flush = () => {
        if (text) out.push({ kind: 'text', text });
        text = '';
      };
      let i = 0;
      while (i < data.length) {
        if (paste !== undefined) {
          const end = data.indexOf(PASTE_END, i);
          paste += data.slice(i, end < 0 ? data.length : end);
          if (end < 0) break;
          // A copied block usually ends with a line break: keep it for the user's own Enter.
          const body = paste.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
          if (body) out.push({ kind: 'text', text: body });
          paste = undefined;
          i = end + PASTE_END.length;
          continue;
        }
        if (data.startsWith(PASTE_START, i)) {
          flush();
          paste = '';
          i += PASTE_START.length;
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
          // Alt+<key> we do not bind: drop the ESC, keep nothing of the pair.
          if (i + 1 < data.length && data[i + 1]! >= ' ' && data[i + 1] !== '\x7f') {
            i += 2;
            continue;
          }
          out.push({ kind: 'key', name: 'escape' });
          i += 1;
          continue;
        }
        const ch = data[i]!;
        // CR LF from one Enter (some terminals, cooked-mode typeahead) is one key.
        if (ch === '\r' && data[i + 1] === '\n') {
          flush();
          out.push({ kind: 'key', name: 'enter' });
          i += 2;
          continue;
        }
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
    },
  };
}

/** Decodes one self-contained chunk (a complete bracketed paste, keys, text). */
export function decodeInput(data: string): KeyEvent[] {
  return createKeyDecoder().push(data);
}
