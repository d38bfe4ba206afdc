// The default-SMTP overwrite question, asked when a certificate is enabled for SMTP on a server
// that already has a different internal transport certificate. Yes makes the new one the
// internal transport certificate; No keeps the old one (the new one is still enabled for SMTP).

import type { CmdletContext } from '../../protocol/cmdlet.js';
import { dateToString } from '../../protocol/values.js';
import type { CertRecord } from '../../exchange/model.js';
import type { ExchangeServer } from '../../exchange/organization.js';
import { messages } from './common.js';

export async function confirmSmtpOverwrite(ctx: CmdletContext, server: ExchangeServer, next: CertRecord, force: boolean): Promise<boolean> {
  const current = server.internalTransport();
  if (!current || current.thumbprint === next.thumbprint) return true;
  if (force) return true;
  const text = messages.overwriteSmtp(
    current.thumbprint,
    dateToString(new Date(current.notAfter)),
    next.thumbprint,
    dateToString(new Date(next.notAfter)),
  );
  return ctx.shouldContinue(text, 'Confirm');
}
