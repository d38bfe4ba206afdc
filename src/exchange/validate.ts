// Checks a loaded organization before the shell trusts it (the store checks only the envelope).

import { ORG_SCHEMA } from './model.js';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown) => typeof v === 'string' && v.length > 0;

/** Problems found, each naming where; empty when the organization is usable. */
export function validateOrganization(doc: unknown): string[] {
  if (!isObj(doc)) return ['organization must be an object'];
  const p: string[] = [];
  if (doc.schema !== ORG_SCHEMA) p.push(`organization.schema must be ${ORG_SCHEMA}`);
  if (!isObj(doc.ca) || !isStr(doc.ca.certPem) || !isStr(doc.ca.keyPem) || !isStr(doc.ca.subject)) p.push('organization.ca must hold the CA certificate, key and subject');
  if (!Array.isArray(doc.servers) || doc.servers.length === 0) return [...p, 'organization.servers must be a non-empty array'];
  doc.servers.forEach((s, i) => {
    const at = `organization.servers[${i}]`;
    if (!isObj(s)) return p.push(`${at} must be an object`);
    if (!isStr(s.name) || !isStr(s.fqdn)) p.push(`${at} needs a name and an fqdn`);
    if (!Array.isArray(s.roles)) p.push(`${at}.roles must be an array`);
    if (!Array.isArray(s.certificates)) p.push(`${at}.certificates must be an array`);
    else
      s.certificates.forEach((c, j) => {
        if (!isObj(c) || !isStr(c.thumbprint) || !isStr(c.certPem) || !isStr(c.notBefore) || !isStr(c.notAfter) || !Array.isArray(c.domains))
          p.push(`${at}.certificates[${j}] is incomplete`);
      });
    if (!Array.isArray(s.requests)) p.push(`${at}.requests must be an array`);
    return undefined;
  });
  if (!isStr(doc.currentMachine)) p.push('organization.currentMachine must name a server');
  return p;
}
