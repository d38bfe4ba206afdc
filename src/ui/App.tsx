// The interactive shell: finished output in <Static>, and a live area with the prompt (or the
// running command's spinner, or the question the host is asking), plus a status line.
// All keys arrive through one router (handleKeys) that dispatches by mode.

import React, { useCallback, useEffect, useReducer, useRef, useState, useSyncExternalStore } from 'react';
import { Box, Static, Text, useStdin } from 'ink';
import { parseScript } from '../../grammar/index.js';
import { editorReducer, emptyEditor, type EditorAction, type EditorState } from './editor-state.js';
import type { History } from './history.js';
import { complete, type Completion, type CompletionSource } from './completion.js';
import { decodeInput, type KeyEvent } from './keys.js';
import { colorize } from './syntax.js';
import type { ScrollLine, UiStore } from './ui-store.js';
import type { LineKind } from '../protocol/host.js';

/** What the App needs from the session. */
export interface ShellSession {
  execute(text: string, opts?: { history?: boolean }): Promise<{ ok: boolean; exitCode?: number }>;
  stop(): void;
  promptText(): string;
  readonly services: { readonly machine: string };
}

export interface AppProps {
  store: UiStore;
  session: ShellSession;
  history: History;
  completion: CompletionSource;
  onExit: (code: number) => void;
  /** The machine the shell is on (shown in the status line). */
  machine?: () => string;
  /** Clears the real terminal (Ctrl+L, cls). */
  clearScreen: () => void;
  color: boolean;
}

const KIND_COLOR: Partial<Record<LineKind, string>> = { error: 'red', warning: 'yellow', verbose: 'cyan', debug: 'yellow' };
const HOST_COLOR: Record<string, string> = {
  Black: 'black', DarkBlue: 'blue', DarkGreen: 'green', DarkCyan: 'cyan', DarkRed: 'red', DarkMagenta: 'magenta',
  DarkYellow: 'yellow', Gray: 'white', DarkGray: 'gray', Blue: 'blueBright', Green: 'greenBright', Cyan: 'cyanBright',
  Red: 'redBright', Magenta: 'magentaBright', Yellow: 'yellowBright', White: 'whiteBright',
};
const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

function Line({ line, color }: { line: ScrollLine; color: boolean }) {
  if (!color) return <Text>{line.segments.map((s) => s.text).join('')}</Text>;
  return (
    <Text>
      {line.segments.map((s, i) => (
        <Text
          key={i}
          color={s.style?.foreground ? HOST_COLOR[s.style.foreground] : KIND_COLOR[s.kind]}
          backgroundColor={s.style?.background ? HOST_COLOR[s.style.background] : undefined}
        >
          {s.text}
        </Text>
      ))}
    </Text>
  );
}

type Mode =
  | { kind: 'edit' }
  | { kind: 'search'; query: string; index: number; failed: boolean }
  | { kind: 'menu'; completion: Completion; index: number };

interface CycleState {
  completion: Completion;
  index: number;
  /** Text and cursor before the first Tab, to compute each replacement from. */
  base: EditorState;
}

/** True when Enter should continue the input on a new line (`>> `). */
function isIncomplete(text: string): boolean {
  const { errors } = parseScript(text);
  return errors.length > 0 && errors[0]!.incomplete;
}

export function App(props: AppProps) {
  const { store, session, history, onExit } = props;
  const ui = useSyncExternalStore(store.subscribe, store.getState);
  const [editor, dispatch] = useReducer(editorReducer, emptyEditor);
  const [mode, setMode] = useState<Mode>({ kind: 'edit' });
  const [fieldText, setFieldText] = useState('');
  const [tick, setTick] = useState(0);
  const { stdin, setRawMode, isRawModeSupported, internal_eventEmitter } = useStdin() as ReturnType<typeof useStdin> & {
    internal_eventEmitter?: NodeJS.EventEmitter;
  };

  // Mutable mirrors for the key router, which is registered once.
  const live = useRef({ editor, mode, fieldText, ui, historyIndex: -1, draft: '', cycle: undefined as CycleState | undefined });
  live.current.editor = editor;
  live.current.mode = mode;
  live.current.fieldText = fieldText;
  live.current.ui = ui;

  useEffect(() => {
    if (!ui.running) return;
    const t = setInterval(() => setTick((n) => n + 1), 100);
    return () => clearInterval(t);
  }, [ui.running]);

  const edit = useCallback((a: EditorAction) => {
    // Keep the live mirror current within one chunk of keys (several keys per data event).
    live.current.editor = editorReducer(live.current.editor, a);
    dispatch(a);
  }, []);

  const submit = useCallback(
    async (text: string) => {
      const l = live.current;
      l.historyIndex = -1;
      l.draft = '';
      l.cycle = undefined;
      edit({ type: 'set', text: '' });
      const promptLines = text.split('\n');
      store.write(
        promptLines.map((t, i) => (i === 0 ? `${session.promptText()} ${t}` : `>> ${t}`)).join('\n') + '\n',
        'output',
      );
      if (text.trim() === '') return;
      history.add(text);
      store.setRunning(true);
      try {
        const r = await session.execute(text, { history: true });
        store.setMachine(props.machine?.() ?? session.services.machine);
        if (r.exitCode !== undefined) {
          store.setRunning(false);
          onExit(r.exitCode);
          return;
        }
      } catch (e) {
        // The engine turns bugs into error records; this is the last net.
        store.write(`emsh: ${e instanceof Error ? e.message : String(e)}\n`, 'error');
      }
      store.setRunning(false);
    },
    [edit, history, onExit, props, session, store],
  );

  const recall = useCallback(
    (dir: 1 | -1) => {
      const l = live.current;
      const list = history.recallList();
      if (l.historyIndex === -1) l.draft = l.editor.text;
      const next = Math.max(-1, Math.min(list.length - 1, l.historyIndex + dir));
      l.historyIndex = next;
      edit({ type: 'set', text: next === -1 ? l.draft : list[next]! });
    },
    [edit, history],
  );

  const applyCandidate = useCallback(
    (c: Completion, index: number, base: EditorState) => {
      const cand = c.candidates[index]!;
      const text = base.text.slice(0, c.start) + cand.text + base.text.slice(c.end);
      edit({ type: 'set', text, cursor: c.start + cand.text.length });
    },
    [edit],
  );

  const handleEditKey = useCallback(
    (ev: KeyEvent) => {
      const l = live.current;
      const { text, cursor } = l.editor;
      if (ev.kind === 'key' && ev.name !== 'tab' && ev.name !== 'shift-tab') l.cycle = undefined;
      if (ev.kind === 'text') {
        edit({ type: 'insert', text: ev.text });
        return;
      }
      switch (ev.name) {
        case 'enter': {
          if (text.trim() !== '' && isIncomplete(text)) edit({ type: 'insert', text: '\n' });
          else void submit(text);
          return;
        }
        case 'shift-enter':
          edit({ type: 'insert', text: '\n' });
          return;
        case 'left': edit({ type: 'left' }); return;
        case 'right': {
          const suggestion = cursor === text.length ? history.suggest(text) : undefined;
          if (suggestion) edit({ type: 'set', text: text + suggestion });
          else edit({ type: 'right' });
          return;
        }
        case 'home': case 'ctrl-a': edit({ type: 'home' }); return;
        case 'end': case 'ctrl-e': edit({ type: 'end' }); return;
        case 'ctrl-left': edit({ type: 'wordLeft' }); return;
        case 'ctrl-right': edit({ type: 'wordRight' }); return;
        case 'backspace': edit({ type: 'backspace' }); return;
        case 'delete': edit({ type: 'delete' }); return;
        case 'ctrl-backspace': case 'ctrl-w': edit({ type: 'deleteWordBack' }); return;
        case 'ctrl-delete': edit({ type: 'deleteWordForward' }); return;
        case 'escape': edit({ type: 'revert' }); return;
        case 'ctrl-z': edit({ type: 'undo' }); return;
        case 'ctrl-y': edit({ type: 'redo' }); return;
        case 'up': recall(1); return;
        case 'down': recall(-1); return;
        case 'f8': case 'shift-f8': {
          const prefix = text.slice(0, cursor);
          const hit = history.prefixSearch(prefix, l.historyIndex);
          if (hit) {
            l.historyIndex = hit.index;
            edit({ type: 'set', text: hit.text, cursor: prefix.length });
          }
          return;
        }
        case 'ctrl-r':
          setMode({ kind: 'search', query: '', index: -1, failed: false });
          return;
        case 'ctrl-l':
          props.clearScreen();
          store.clear();
          return;
        case 'ctrl-c': {
          // PSReadLine's CopyOrCancelLine: the line is abandoned, shown with ^C.
          if (text !== '') {
            store.write(`${session.promptText()} ${text.split('\n').join('\n>> ')}^C\n`, 'output');
            edit({ type: 'set', text: '' });
          }
          l.historyIndex = -1;
          return;
        }
        case 'tab':
        case 'shift-tab': {
          const dir = ev.name === 'tab' ? 1 : -1;
          if (l.cycle) {
            const n = l.cycle.completion.candidates.length;
            l.cycle.index = (l.cycle.index + dir + n) % n;
            applyCandidate(l.cycle.completion, l.cycle.index, l.cycle.base);
            return;
          }
          const c = safeComplete(text, cursor, props.completion);
          if (!c.candidates.length) return;
          const base = l.editor;
          const index = dir === 1 ? 0 : c.candidates.length - 1;
          l.cycle = { completion: c, index, base };
          applyCandidate(c, index, base);
          return;
        }
        case 'ctrl-space': {
          const c = safeComplete(text, cursor, props.completion);
          if (c.candidates.length === 1) applyCandidate(c, 0, l.editor);
          else if (c.candidates.length > 1) setMode({ kind: 'menu', completion: c, index: 0 });
          return;
        }
        default:
          return;
      }
    },
    [applyCandidate, edit, history, props, recall, session, store, submit],
  );

  const handleKeys = useCallback(
    (data: string | Buffer) => {
      try {
        const events = decodeInput(typeof data === 'string' ? data : data.toString('utf8'));
        for (const ev of events) route(ev);
      } catch (e) {
        store.write(`emsh: ${e instanceof Error ? e.message : String(e)}\n`, 'error');
      }

      function route(ev: KeyEvent) {
        const l = live.current;
        const request = l.ui.request;
        if (request) {
          if (ev.kind === 'text') {
            l.fieldText += ev.text.replace(/\n/g, '');
            setFieldText(l.fieldText);
          } else if (ev.name === 'backspace') {
            l.fieldText = l.fieldText.slice(0, -1);
            setFieldText(l.fieldText);
          } else if (ev.name === 'enter') {
            const v = l.fieldText;
            l.fieldText = '';
            setFieldText('');
            if (request.kind === 'field') request.resolve(v);
          } else if (ev.name === 'ctrl-c') {
            l.fieldText = '';
            setFieldText('');
            if (request.kind === 'field') request.resolve(null);
            session.stop();
          }
          return;
        }
        if (l.ui.running) {
          if (ev.kind === 'key' && ev.name === 'ctrl-c') session.stop();
          return;
        }
        const m = l.mode;
        if (m.kind === 'search') {
          if (ev.kind === 'text') {
            const query = m.query + ev.text;
            const hit = history.search(query, -1);
            if (hit) edit({ type: 'set', text: hit.text });
            const next = { kind: 'search' as const, query, index: hit?.index ?? m.index, failed: !hit };
            l.mode = next;
            setMode(next);
            return;
          }
          if (ev.name === 'ctrl-r') {
            const hit = history.search(m.query, m.index);
            if (hit) edit({ type: 'set', text: hit.text });
            const next = { ...m, index: hit?.index ?? m.index, failed: !hit };
            l.mode = next;
            setMode(next);
            return;
          }
          if (ev.name === 'backspace') {
            const query = m.query.slice(0, -1);
            const hit = history.search(query, -1);
            const next = { kind: 'search' as const, query, index: hit?.index ?? -1, failed: query !== '' && !hit };
            l.mode = next;
            setMode(next);
            return;
          }
          l.mode = { kind: 'edit' };
          setMode({ kind: 'edit' });
          if (ev.name === 'escape' || ev.name === 'ctrl-c') return;
          handleEditKey(ev);
          return;
        }
        if (m.kind === 'menu') {
          const n = m.completion.candidates.length;
          if (ev.kind === 'key' && (ev.name === 'tab' || ev.name === 'down' || ev.name === 'right')) {
            const next = { ...m, index: (m.index + 1) % n };
            l.mode = next;
            setMode(next);
            return;
          }
          if (ev.kind === 'key' && (ev.name === 'shift-tab' || ev.name === 'up' || ev.name === 'left')) {
            const next = { ...m, index: (m.index - 1 + n) % n };
            l.mode = next;
            setMode(next);
            return;
          }
          l.mode = { kind: 'edit' };
          setMode({ kind: 'edit' });
          if (ev.kind === 'key' && ev.name === 'enter') {
            applyCandidate(m.completion, m.index, l.editor);
            return;
          }
          if (ev.kind === 'key' && (ev.name === 'escape' || ev.name === 'ctrl-c')) return;
          handleEditKey(ev);
          return;
        }
        handleEditKey(ev);
      }
    },
    [applyCandidate, edit, handleEditKey, history, session, store],
  );

  useEffect(() => {
    if (!internal_eventEmitter) return;
    if (isRawModeSupported) setRawMode(true);
    internal_eventEmitter.on('input', handleKeys);
    return () => {
      internal_eventEmitter.removeListener('input', handleKeys);
      if (isRawModeSupported) setRawMode(false);
    };
  }, [handleKeys, internal_eventEmitter, isRawModeSupported, setRawMode, stdin]);

  const hasError = editor.text.trim() !== '' && parseScript(editor.text).errors.length > 0;
  const suggestion = editor.cursor === editor.text.length && mode.kind === 'edit' ? history.suggest(editor.text) : undefined;

  return (
    <Box flexDirection="column">
      <Static key={ui.staticKey} items={ui.lines}>
        {(line) => <Line key={line.id} line={line} color={props.color} />}
      </Static>
      {ui.request ? (
        <Text>
          {ui.request.kind === 'field' ? ui.request.label : ''}
          {ui.request.kind === 'field' && ui.request.secure ? '*'.repeat(fieldText.length) : fieldText}
          <Text inverse> </Text>
        </Text>
      ) : ui.running ? (
        <Text color="cyan">
          {SPINNER[tick % SPINNER.length]} {ui.activity ?? 'Running…'} <Text dimColor>(Ctrl+C stops)</Text>
        </Text>
      ) : (
        <PromptView
          prompt={session.promptText()}
          editor={editor}
          hasError={hasError}
          suggestion={suggestion}
          mode={mode}
          color={props.color}
        />
      )}
      {mode.kind === 'menu' && !ui.running ? <Menu completion={mode.completion} index={mode.index} /> : null}
      <Text dimColor>
        {`Machine ${ui.machine} · lab ${ui.lab} · Tab completes · Ctrl+R searches history · exit leaves`}
      </Text>
    </Box>
  );
}

function safeComplete(text: string, cursor: number, src: CompletionSource): Completion {
  try {
    return complete(text, cursor, src);
  } catch {
    return { start: cursor, end: cursor, candidates: [] };
  }
}

function PromptView(p: { prompt: string; editor: EditorState; hasError: boolean; suggestion?: string; mode: Mode; color: boolean }) {
  const { text, cursor } = p.editor;
  if (p.mode.kind === 'search') {
    return (
      <Text>
        {p.mode.failed ? 'failed-' : ''}bck-i-search: {p.mode.query}
        <Text inverse> </Text>
        {'  '}
        <Text dimColor>{text}</Text>
      </Text>
    );
  }
  const runs = p.color ? colorize(text) : [{ text, color: 'white' }];
  // Lay the runs out, splitting at the cursor and at newlines.
  const lines: React.ReactNode[][] = [[]];
  let pos = 0;
  let key = 0;
  const push = (node: React.ReactNode) => lines[lines.length - 1]!.push(node);
  const emit = (s: string, color: string, inverse = false) => {
    const parts = s.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) push(<Text key={key++} color={p.color ? color : undefined} inverse={inverse}>{part}</Text>);
    });
  };
  for (const r of runs) {
    const end = pos + r.text.length;
    if (cursor >= pos && cursor < end) {
      const at = cursor - pos;
      emit(r.text.slice(0, at), r.color);
      const ch = r.text[at]!;
      if (ch === '\n') {
        push(<Text key={key++} inverse> </Text>);
        lines.push([]);
      } else emit(ch, r.color, true);
      emit(r.text.slice(at + 1), r.color);
    } else emit(r.text, r.color);
    pos = end;
  }
  if (cursor >= text.length) {
    if (p.suggestion) {
      push(<Text key={key++} inverse>{p.suggestion[0]}</Text>);
      push(<Text key={key++} color="gray">{p.suggestion.slice(1)}</Text>);
    } else push(<Text key={key++} inverse> </Text>);
  }
  const promptColor = p.hasError && p.color ? 'red' : undefined;
  return (
    <Box flexDirection="column">
      {lines.map((nodes, i) => (
        <Text key={i}>
          {i === 0 ? <Text color={promptColor}>{p.prompt} </Text> : <Text>{'>> '}</Text>}
          {nodes}
        </Text>
      ))}
    </Box>
  );
}

function Menu({ completion, index }: { completion: Completion; index: number }) {
  const size = 10;
  const start = Math.max(0, Math.min(index - Math.floor(size / 2), completion.candidates.length - size));
  const shown = completion.candidates.slice(start, start + size);
  const tip = completion.candidates[index]?.tooltip;
  return (
    <Box flexDirection="column" borderStyle="single" paddingX={1}>
      {shown.map((c, i) => (
        <Text key={c.text + i} inverse={start + i === index}>
          {c.display}
        </Text>
      ))}
      {completion.candidates.length > size ? <Text dimColor>{`${index + 1} of ${completion.candidates.length}`}</Text> : null}
      {tip ? <Text dimColor>{tip}</Text> : null}
    </Box>
  );
}
