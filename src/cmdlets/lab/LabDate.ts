// Get-LabDate / Set-LabDate: read and move the lab clock (issue 8). Moving it is how a lab shows
// what time does to certificates: a year after setup the self-signed certificates have expired
// (Status DateInvalid), mail between sites queues, EdgeSync and clients fail; renewal fixes it.

import { defineCmdlet, serviceKey, type CmdletContext } from '../../protocol/cmdlet.js';
import { PSObject, dateToString } from '../../protocol/values.js';
import { timeSpan } from '../../protocol/operators.js';
import { LabClockBeforeCreationError, type LabClock } from '../../exchange/lab-clock.js';
import { bindingError } from '../exchange/config-common.js';
import { isNumeric } from '../../protocol/numbers.js';

export const LabClockKey = serviceKey<LabClock>('labClock');

const LAB_MODULE = 'emsh.Lab';
const LAB_NAMESPACE = 'Emsh.Lab.Commands';

function clockOf(ctx: CmdletContext): LabClock {
  return ctx.services.get(LabClockKey);
}

/**
 * A TimeSpan as PowerShell converts one: a TimeSpan object, .NET TimeSpan.Parse text
 * (`[-][d.]hh:mm[:ss[.fffffff]]`, or `d` alone for days), or a number of ticks.
 * Undefined when the value is none of these.
 */
export function timeSpanMilliseconds(value: unknown): number | undefined {
  const v = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if (v instanceof PSObject && v.typeNames.includes('System.TimeSpan')) return Number(v.get('TotalMilliseconds'));
  if (isNumeric(v) && Number.isFinite(Number(v))) return Number(v) / 10_000;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(-)?(?:(\d+)|(?:(\d+)\.)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?)\s*$/.exec(v);
  if (!m) return undefined;
  const [, neg, daysOnly, d, h, mi, s, frac] = m;
  if (daysOnly !== undefined) return (neg ? -1 : 1) * Number(daysOnly) * 86_400_000;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return undefined;
  const ms = ((Number(d ?? 0) * 24 + Number(h)) * 60 + Number(mi)) * 60_000 + Number(s ?? 0) * 1000 + Number(`0.${frac ?? '0'}`) * 1000;
  return (neg ? -1 : 1) * ms;
}

export const getLabDate = defineCmdlet({
  name: 'Get-LabDate',
  module: LAB_MODULE,
  typeNamespace: LAB_NAMESPACE,
  synopsis: "Gets the lab clock's date and time.",
  description:
    'Get-LabDate returns the current date and time of the lab clock, the time every machine of the lab lives in (Get-Date returns the same). ' +
    'With -Detailed it also tells when the lab was created (the clock never goes back before that) and how far the clock is from real time. Move the clock with Set-LabDate.',
  parameters: {
    Detailed: { type: 'Switch', help: 'Returns an object with the lab time, the creation time of the lab and the offset from real time.' },
  },
  outputType: ['System.DateTime', 'Emsh.Lab.LabClock'],
  examples: [
    { code: 'Get-LabDate', remarks: 'The lab time.', shows: /\d{4}/ },
    { code: "Set-LabDate -Add '30.00:00:00' | Out-Null; (Get-LabDate -Detailed).Offset.Days", remarks: 'After moving the clock 30 days, the offset from real time is 30 days.', shows: '30' },
  ],
  related: ['Set-LabDate', 'Get-Date'],
  process(p, ctx) {
    const clock = clockOf(ctx);
    const now = clock.now();
    if (!p.Detailed) return ctx.write(now);
    const offset = Math.round((now.getTime() - clock.realNow().getTime()) / 1000) * 1000;
    ctx.write(
      PSObject.fromRecord(
        { LabDate: now, Created: new Date(clock.createdAt), Offset: timeSpan(offset), Frozen: clock.frozen },
        ['Emsh.Lab.LabClock', 'System.Object'],
      ),
    );
  },
});

export const setLabDate = defineCmdlet({
  name: 'Set-LabDate',
  module: LAB_MODULE,
  typeNamespace: LAB_NAMESPACE,
  synopsis: 'Moves the lab clock to a date, or by a time span.',
  description:
    'Set-LabDate changes the time of the whole lab, as if the calendar moved on: -Date sets it, -Add moves it by a TimeSpan (for example 400.00:00:00, four hundred days). ' +
    'The clock keeps running from there, and everything reads it: certificate Status (DateInvalid after NotAfter), the validity of new certificates, TLS verdicts between servers and from clients, protocol-log and message-tracking times, Get-Date and [datetime] conversions. ' +
    'A year after setup the self-signed certificates have expired: mail between sites queues (the Hub servers cannot achieve TLS), EdgeSync cannot authenticate the Edge, and clients refuse the servers; renewing the certificates (Get-ExchangeCertificate -DomainName <fqdn> | New-ExchangeCertificate) fixes it. ' +
    'The clock cannot go back before the lab was created. Set-LabDate writes the new lab date.',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  defaultParameterSet: 'Date',
  parameters: {
    Date: { type: 'DateTime', help: 'The date and time the lab clock shall read.', sets: { Date: { position: 0, mandatory: true, fromPipeline: true } } },
    Add: {
      type: 'Object',
      aliases: ['Adjust'],
      help: "The time span to move the clock by: a TimeSpan, or text as TimeSpan reads it ('365.00:00:00', '-1:00'). Negative spans move it back.",
      sets: { Add: { mandatory: true } },
    },
  },
  outputType: ['System.DateTime'],
  examples: [
    {
      code: 'Set-LabDate -Add 400.00:00:00; Get-ExchangeCertificate | Format-Table Thumbprint,Services,Status,NotAfter',
      remarks: 'Four hundred days later: the self-signed certificates setup made have expired (Status DateInvalid).',
      shows: 'DateInvalid',
    },
    {
      code: "Set-LabDate -Date ((Get-LabDate).AddDays(30)) | Out-Null; (Get-ExchangeCertificate -DomainName Ex2007EE.proexchange.local)[0].Status",
      remarks: 'A month later the setup certificate is still valid.',
      shows: 'Valid',
    },
  ],
  related: ['Get-LabDate', 'Get-Date', 'New-ExchangeCertificate'],
  async process(p, ctx) {
    const clock = clockOf(ctx);
    let target: Date;
    if (ctx.parameterSetName === 'Add') {
      const ms = timeSpanMilliseconds(p.Add);
      if (ms === undefined) return bindingError(ctx, 'Add', p.Add, 'System.TimeSpan', 'String was not recognized as a valid TimeSpan.');
      target = new Date(clock.now().getTime() + ms);
    } else {
      target = p.Date ?? clock.now();
    }
    if (target.getTime() < clock.createdAt.getTime()) {
      return ctx.fail(
        ctx.error({
          message: `The lab clock cannot be set to ${dateToString(target)}: the lab was created on ${dateToString(clock.createdAt)}, and its clock never goes back before that.`,
          errorId: 'LabDateBeforeCreation',
          category: 'InvalidArgument',
          exceptionType: 'ArgumentOutOfRangeException',
          targetObject: target,
        }),
      );
    }
    if (!(await ctx.shouldProcess(dateToString(target), 'Set-LabDate'))) return;
    try {
      ctx.write(clock.set(target));
    } catch (e) {
      if (!(e instanceof LabClockBeforeCreationError)) throw e;
      ctx.fail(ctx.error({ message: e.message, errorId: 'LabDateBeforeCreation', category: 'InvalidArgument', exceptionType: 'ArgumentOutOfRangeException', targetObject: target }));
    }
  },
});
