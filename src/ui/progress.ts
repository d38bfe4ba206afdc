// Write-Progress in the interactive shell, as Windows PowerShell 5.1's console host shows it:
// the pending activities form a tree (ParentId), and the progress pane at the top of the live
// region draws it: a blank border row, per activity ` Activity `, the status indented by three,
// the `[ooo   ]` thermometer sized to the width, `hh:mm:ss remaining.`, the current operation,
// children two columns further in, and a closing border row.

import type { ProgressRecord } from '../protocol/host.js';
import { displayWidth, truncateToWidth } from '../protocol/text-width.js';

export interface ProgressNode {
  sourceId: number;
  record: ProgressRecord;
  children: ProgressNode[];
}

function find(nodes: ProgressNode[], sourceId: number, id: number): { list: ProgressNode[]; index: number } | undefined {
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (n.sourceId === sourceId && n.record.activityId === id) return { list: nodes, index: i };
    const inner = find(n.children, sourceId, id);
    if (inner) return inner;
  }
  return undefined;
}

/** Removes a node; its children take its place (PendingProgress.RemoveNodeAndPromoteChildren). */
function removeAt(list: ProgressNode[], index: number): void {
  list.splice(index, 1, ...list[index]!.children);
}

/**
 * The console host's PendingProgress.Update: a record updates its activity, re-parents it, adds
 * it (under its parent when that is pending, else at the top), or, when completed, removes it.
 * Changes `nodes` in place.
 */
export function updateProgress(nodes: ProgressNode[], sourceId: number, record: ProgressRecord): void {
  if (record.parentActivityId === record.activityId) return;
  const found = find(nodes, sourceId, record.activityId);
  if (found) {
    const node = found.list[found.index]!;
    if (record.completed) return removeAt(found.list, found.index);
    if (record.parentActivityId === node.record.parentActivityId) {
      node.record = { ...record, percentComplete: Math.min(record.percentComplete, 100) };
      return;
    }
    removeAt(found.list, found.index);
  }
  if (record.completed) return;
  const node: ProgressNode = { sourceId, record: { ...record, percentComplete: Math.min(record.percentComplete, 100) }, children: [] };
  if (record.parentActivityId >= 0) {
    const parent = find(nodes, sourceId, record.parentActivityId);
    if (parent) {
      parent.list[parent.index]!.children.push(node);
      return;
    }
    node.record.parentActivityId = -1;
  }
  nodes.push(node);
}

/** `hh:mm:ss` (TimeSpan's default text; days as `d.hh:mm:ss`). */
function timeSpanText(seconds: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${d ? `${d}.` : ''}${two(h)}:${two(m)}:${two(seconds % 60)}`;
}

/** A description over as many rows as it needs (the FullPlus style new activities get). */
function description(text: string, indent: string, width: number, out: string[]): void {
  let rest = ` ${indent}${text} `;
  for (;;) {
    const row = truncateToWidth(rest, width);
    out.push(row);
    if (row.length >= rest.length) return;
    rest = ` ${indent}${rest.slice(row.length)}`;
  }
}

function renderNode(n: ProgressNode, indentation: number, width: number, out: string[]): void {
  const r = n.record;
  out.push(truncateToWidth(` ${' '.repeat(indentation)}${r.activity} `, width));
  const inner = indentation + 3;
  const indent = ' '.repeat(inner);
  description(r.statusDescription, indent, width, out);
  if (r.percentComplete >= 0) {
    const thermo = Math.max(3, width - inner - 2 - 2 - 5);
    let mercury = Math.floor((r.percentComplete * thermo) / 100);
    // Not full before the end: a bar never looks complete below 100 %.
    if (r.percentComplete < 100 && mercury === thermo) mercury--;
    out.push(truncateToWidth(` ${indent}[${'o'.repeat(mercury)}${' '.repeat(thermo - mercury)}] `, width));
  }
  if (r.secondsRemaining >= 0) out.push(truncateToWidth(` ${indent}${timeSpanText(r.secondsRemaining)} remaining.  `, width));
  if (r.currentOperation) {
    out.push(' ');
    description(r.currentOperation, indent, width, out);
  }
  for (const c of n.children) renderNode(c, indentation + 2, width, out);
}

/** The progress pane's rows, each padded to the width (the pane is one coloured block). */
export function progressPaneLines(nodes: readonly ProgressNode[], width: number): string[] {
  if (!nodes.length) return [];
  const rows: string[] = [''];
  for (const n of nodes) renderNode(n, 0, width, rows);
  rows.push('');
  return rows.map((s) => s + ' '.repeat(Math.max(0, width - displayWidth(s))));
}
