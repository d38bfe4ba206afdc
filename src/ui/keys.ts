// One keypress decoder for the whole UI: raw terminal input → chords (spelled as PSReadLine's
// Get-PSReadLineKeyHandler shows them: `Ctrl+LeftArrow`, `Shift+F8`, `Alt+.`) and text runs.
// Ink's useInput reduces function keys to an empty string, so the UI reads the raw stream and
// decodes it here. A chunk may hold several keys (fast typing, tmux send-keys) or a paste.
// Every escape sequence becomes a chord or nothing: a key nobody binds never types its bytes.

export type KeyEvent = { kind: 'key'; chord: string } | { kind: 'text'; text: string };

const CSI_LETTER: Record<string, string> = { A: 'UpArrow', B: 'DownArrow', C: 'RightArrow', D: 'LeftArrow', H: 'Home', F: 'End', P: 'F1', Q: 'F2', R: 'F3', S: 'F4', Z: 'Tab' };
const CSI_TILDE: Record<number, string> = {
  1: 'Home', 2: 'Insert', 3: 'Delete', 4: 'End', 5: 'PageUp', 6: 'PageDown', 7: 'Home', 8: 'End',
  11: 'F1', 12: 'F2', 13: 'F3', 14: 'F4', 15: 'F5', 17: 'F6', 18: 'F7', 19: 'F8', 20: 'F9', 21: 'F10', 23: 'F11', 24: 'F12',
};
/** rxvt: lower-case final letters are Shift+arrow after CSI, Ctrl+arrow after SS3. */
const RXVT_ARROW: Record<string, string> = { a: 'UpArrow', b: 'DownArrow', c: 'RightArrow', d: 'LeftArrow' };
/** Keys of the kitty / CSI-u protocol, by code point. */
const CSI_U: Record<number, string> = { 9: 'Tab', 13: 'Enter', 27: 'Escape', 127: 'Backspace', 32: 'Spacebar' };

const CONTROL: Record<string, string> = {
  '\x00': 'Ctrl+Spacebar', '\t': 'Tab', '\r': 'Enter', '\n': 'Enter', '\x08': 'Ctrl+Backspace', '\x7f': 'Backspace',
  '\x1c': 'Ctrl+\\', '\x1d': 'Ctrl+]', '\x1e': 'Ctrl+^', '\x1f': 'Ctrl+_',
};

/** `Ctrl+`, `Alt+`, `Shift+` from an xterm modifier parameter (1 + bit mask). */
function modifiers(param: number | undefined): { ctrl: boolean; alt: boolean; shift: boolean } {
  const m = param && param > 1 ? param - 1 : 0;
  return { shift: (m & 1) !== 0, alt: (m & 2) !== 0, ctrl: (m & 4) !== 0 };
}

function chord(key: string, mods: { ctrl?: boolean; alt?: boolean; shift?: boolean }): string {
  let k = key;
  let shift = mods.shift ?? false;
  if (k.length === 1 && /[a-z]/.test(k) && shift) {
    k = k.toUpperCase();
    shift = false;
  }
  return `${mods.ctrl ? 'Ctrl+' : ''}${mods.alt ? 'Alt+' : ''}${shift ? 'Shift+' : ''}${k}`;
}

/** The chord of a control character or printable character pressed with Alt (`ESC x`). */
function controlChord(ch: string, alt: boolean): string | undefined {
  const named = CONTROL[ch];
  if (named) {
    if (!alt) return named;
    if (ch === '\x7f' || ch === '\x08') return 'Alt+Backspace';
    if (ch === '\r') return 'Shift+Enter'; // ESC CR: what terminals send for Shift/Alt+Enter when asked to
    return named.startsWith('Ctrl+') ? 'Ctrl+Alt+' + named.slice(5) : 'Alt+' + named;
  }
  const code = ch.charCodeAt(0);
  if (code >= 1 && code <= 26) return chord(String.fromCharCode(code + 96), { ctrl: true, alt });
  if (alt && ch >= ' ') return 'Alt+' + (ch === ' ' ? 'Spacebar' : ch);
  return undefined;
}

/** Decodes the escape sequence at `i`: its chord (or '' for a sequence to drop) and length; undefined if incomplete. */
function escapeSequence(data: string, i: number): { chord: string; length: number } | undefined {
  const next = data[i + 1];
  if (next === undefined) return { chord: 'Escape', length: 1 };
  if (next === '[') {
    const m = /^\x1b\[([0-9;:?<>=]*)([ -/]*)([@-~])/.exec(data.slice(i, i + 32));
    if (!m) return data.length - i < 32 && !/[^\x1b[0-9;:?<>= -/]/.test(data.slice(i)) ? undefined : { chord: '', length: 2 };
    const [all, params, , final] = m as unknown as [string, string, string, string];
    const nums = params.split(';').map((p) => Number(p.split(':')[0]) || 0);
    if (final === '~') {
      const key = CSI_TILDE[nums[0]!];
      return { chord: key ? chord(key, modifiers(nums[1])) : '', length: all.length };
    }
    if (final === 'u') {
      const code = nums[0]!;
      const mods = modifiers(nums[1]);
      const key = CSI_U[code] ?? (code > 32 && code < 0x110000 ? String.fromCodePoint(code) : undefined);
      return { chord: key ? chord(key, mods) : '', length: all.length };
    }
    if (final === 'Z') return { chord: 'Shift+Tab', length: all.length };
    if (RXVT_ARROW[final] && params === '') return { chord: 'Shift+' + RXVT_ARROW[final], length: all.length };
    const key = CSI_LETTER[final];
    return { chord: key ? chord(key, modifiers(nums[1])) : '', length: all.length };
  }
  if (next === 'O') {
    const final = data[i + 2];
    if (final === undefined) return undefined;
    if (RXVT_ARROW[final]) return { chord: 'Ctrl+' + RXVT_ARROW[final], length: 3 };
    const key = CSI_LETTER[final];
    return { chord: key ?? '', length: 3 };
  }
  if (next === '\x1b') {
    // ESC ESC [ ...: Alt with a cursor key (some terminals); else an Escape then the rest.
    if (data[i + 2] === '[' || data[i + 2] === 'O') {
      const inner = escapeSequence(data, i + 1);
      if (inner === undefined) return undefined;
      return { chord: inner.chord && !inner.chord.includes('Alt+') ? inner.chord.replace(/^((?:Ctrl\+)?)/, '$1Alt+') : inner.chord, length: inner.length + 1 };
    }
    return { chord: 'Escape', length: 1 };
  }
  const c = controlChord(next, true);
  return { chord: c ?? '', length: 2 };
}

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

/**
 * A decoder that keeps state between chunks: a bracketed paste and an escape sequence may be
 * split over several reads. Outside a bracketed paste, every CR/LF is an Enter key: typed-ahead
 * lines run one by one, and a pasted script without brackets continues with `>> ` where a
 * statement is open, as in the Windows console.
 */
export function createKeyDecoder(): { push(data: string): KeyEvent[]; readonly inPaste: boolean } {
  let paste: string | undefined;
  let carry = '';
  return {
    get inPaste() {
      return paste !== undefined;
    },
    push(chunk: string): KeyEvent[] {
      const data = carry + chunk;
      carry = '';
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
          if (end < 0) {
            // Keep a possible start of the end marker for the next chunk.
            const tail = /\x1b(\[(2(0(1)?)?)?)?$/.exec(data.slice(i))?.[0] ?? '';
            paste += data.slice(i, data.length - tail.length);
            carry = tail;
            break;
          }
          paste += data.slice(i, end);
          // A copied block usually ends with a line break: keep it for the user's own Enter.
          const body = paste.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
          if (body) out.push({ kind: 'text', text: body });
          paste = undefined;
          i = end + PASTE_END.length;
          continue;
        }
        const ch = data[i]!;
        if (ch === '\x1b') {
          flush();
          if (data.startsWith(PASTE_START, i)) {
            paste = '';
            i += PASTE_START.length;
            continue;
          }
          const seq = escapeSequence(data, i);
          if (!seq) {
            carry = data.slice(i);
            break;
          }
          if (seq.chord) out.push({ kind: 'key', chord: seq.chord });
          i += seq.length;
          continue;
        }
        // CR LF from one Enter (some terminals, cooked-mode typeahead) is one key.
        if (ch === '\r' && data[i + 1] === '\n') {
          flush();
          out.push({ kind: 'key', chord: 'Enter' });
          i += 2;
          continue;
        }
        if (ch < ' ' || ch === '\x7f') {
          flush();
          const c = controlChord(ch, false);
          if (c) out.push({ kind: 'key', chord: c });
          i += 1;
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
