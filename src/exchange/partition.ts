// How the lab document splits for the store's journal: certificate and request records are items
// (one journal entry each, ~4 KB with their PEM), everything else is the root (settings, logs, the
// CA: tens of KB). A record is found by its server's name and its thumbprint.
//
// The functions have the shape of the store's StatePartition; compose.ts hands them to it (the
// store knows nothing of servers, and this floor does not import the store).

import type { OrgState, ServerState } from './model.js';

export type ItemCollection = 'certificates' | 'requests';

/** The part of the lab document this floor knows: the organization. */
interface LabDocument {
  organization: unknown;
  [key: string]: unknown;
}

function orgOf(doc: LabDocument): OrgState {
  return doc.organization as OrgState;
}

function serverOf(doc: LabDocument, name: string): ServerState | undefined {
  const lower = name.toLowerCase();
  return orgOf(doc).servers.find((s) => s.name.toLowerCase() === lower);
}

function collectionOf(server: ServerState, collection: string): { thumbprint: string }[] {
  if (collection !== 'certificates' && collection !== 'requests') throw new Error(`Unknown item collection '${collection}'.`);
  return server[collection];
}

/** The document without certificate and request records (shares the other objects). */
export function rootOf(doc: LabDocument): LabDocument {
  const org = orgOf(doc);
  const servers = org.servers.map((s) => {
    const { certificates: _c, requests: _r, ...rest } = s;
    return rest;
  });
  return { ...doc, organization: { ...org, servers } };
}

/** A document with this root, each server keeping the records it had in `previous`. */
export function withRoot<T extends LabDocument>(root: unknown, previous: T): T {
  const next = root as T;
  const before = new Map(orgOf(previous).servers.map((s) => [s.name.toLowerCase(), s]));
  for (const s of orgOf(next).servers) {
    const old = before.get(s.name.toLowerCase());
    s.certificates = old?.certificates ?? [];
    s.requests = old?.requests ?? [];
  }
  return next;
}

export function getItem(doc: LabDocument, [collection, owner, key]: readonly [string, string, string]): unknown {
  const server = serverOf(doc, owner);
  return server ? collectionOf(server, collection).find((r) => r.thumbprint === key) : undefined;
}

export function putItem(doc: LabDocument, [collection, owner, key]: readonly [string, string, string], value: unknown): void {
  const server = serverOf(doc, owner);
  if (!server) throw new Error(`The journal names a record of server '${owner}', which the lab does not have.`);
  const list = collectionOf(server, collection);
  const i = list.findIndex((r) => r.thumbprint === key);
  if (i >= 0) list[i] = value as { thumbprint: string };
  else list.push(value as { thumbprint: string });
}

export function deleteItem(doc: LabDocument, [collection, owner, key]: readonly [string, string, string]): void {
  const server = serverOf(doc, owner);
  if (!server) return;
  const list = collectionOf(server, collection);
  const i = list.findIndex((r) => r.thumbprint === key);
  if (i >= 0) list.splice(i, 1);
}
