// Command history for the prompt, PSReadLine-style: recall without duplicates, prefix search
// (F8), reverse incremental search (Ctrl+R), inline suggestions, and a per-lab file that
// never receives lines that carry a secret. Which lines those are the session judges on the
// parsed command (src/engine/secrets.ts); a line stays recallable in memory either way.

import { appendFileSync, mkdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * PSReadLine's default AddToHistoryHandler pattern: the judge of a History made without the
 * session's (tests, tools).
 */
export const SECRET_PATTERN = /password|asplaintext|token|apikey|secret/i;

const MAX_ENTRIES = 4096;

/** Multi-line entries are stored one per line with a backtick continuation, as PSReadLine does. */
function encode(entry: string): string {
  return entry.split('\n').join('`\n');
}

function decodeFile(text: string): string[] {
  const out: string[] = [];
  let cur: string | undefined;
  for (const line of text.split('\n')) {
    if (cur !== undefined) cur += '\n' + line.replace(/`$/, '');
    else cur = line.replace(/`$/, '');
    if (!line.endsWith('`')) {
      if (cur !== '') out.push(cur);
      cur = undefined;
    }
  }
  return out;
}

export class History {
  private entries: string[] = [];

  constructor(
    private readonly file?: string,
    /** Whether a line carries a secret (it is then never written to the file). */
    private readonly hasSecret: (line: string) => boolean = (line) => SECRET_PATTERN.test(line),
  ) {
    if (file && existsSync(file)) {
      try {
        this.entries = decodeFile(readFileSync(file, 'utf8')).slice(-MAX_ENTRIES);
      } catch {
        this.entries = [];
      }
    }
  }

  private judgedSecret(entry: string): boolean {
    try {
      return this.hasSecret(entry);
    } catch {
      return true; // when in doubt, keep it out of the file
    }
  }

  /** All entries, oldest first (duplicates kept, as stored). */
  all(): readonly string[] {
    return this.entries;
  }

  add(line: string): void {
    const entry = line.replace(/\s+$/, '');
    if (entry.trim() === '') return;
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
    if (this.file && !this.judgedSecret(entry)) {
      try {
        mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
        appendFileSync(this.file, encode(entry) + '\n', { mode: 0o600 });
      } catch {
        // History is a convenience: a read-only home must not break the shell.
      }
    }
  }

  /** Entries for Up/Down recall: newest first, each distinct line once. */
  recallList(): string[] {
    const seen = new Set<string>();
    const out: string[] = [];
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!;
      if (seen.has(e)) continue;
      seen.add(e);
      out.push(e);
    }
    return out;
  }

  /** F8: the next older entry (below index `from` in recallList order) that starts with prefix. */
  prefixSearch(prefix: string, from: number): { index: number; text: string } | undefined {
    const list = this.recallList();
    const p = prefix.toLowerCase();
    for (let i = from + 1; i < list.length; i++) {
      if (list[i]!.toLowerCase().startsWith(p)) return { index: i, text: list[i]! };
    }
    return undefined;
  }

  /** Shift+F8: the next newer entry (above index `from` in recallList order) that starts with prefix. */
  prefixSearchForward(prefix: string, from: number): { index: number; text: string } | undefined {
    const list = this.recallList();
    const p = prefix.toLowerCase();
    for (let i = Math.min(from, list.length) - 1; i >= 0; i--) {
      if (list[i]!.toLowerCase().startsWith(p)) return { index: i, text: list[i]! };
    }
    return undefined;
  }

  /** Ctrl+R: the next older entry (after `from` in recallList order) containing `query`. */
  search(query: string, from: number): { index: number; text: string } | undefined {
    if (query === '') return undefined;
    const list = this.recallList();
    const q = query.toLowerCase();
    for (let i = from + 1; i < list.length; i++) {
      if (list[i]!.toLowerCase().includes(q)) return { index: i, text: list[i]! };
    }
    return undefined;
  }

  /** The grey inline suggestion: the newest entry that extends what is typed. */
  suggest(typed: string): string | undefined {
    if (typed.trim() === '') return undefined;
    const t = typed.toLowerCase();
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!;
      if (e.length > typed.length && e.toLowerCase().startsWith(t)) return e.slice(typed.length);
    }
    return undefined;
  }
}
