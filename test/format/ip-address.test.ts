// System.Net.IPAddress: [ipaddress]'text', Parse / TryParse, .NET Framework's text for IPv6, and
// how formatting shows one (a getter that throws shows as empty).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let c: Captured;
beforeEach(async () => {
  c = await capturedSession();
});
afterEach(async () => {
  await c.close();
});

describe('System.Net.IPAddress', () => {
  it('parses IPv4 and IPv6 and prints IPv6 with the longest zero run as ::, a trailing quad as hex unless mapped', async () => {
    const { out } = await c.run(
      [
        "[System.Net.IPAddress]::Parse('4fde:0000:0000:0002:0022:f376:255.59.171.63').ToString()",
        "([ipaddress]'1.1.1.1').Address",
        "([ipaddress]'1.1.1.1').AddressFamily",
        "[string][ipaddress]'::ffff:10.1.2.3'",
        "[string][ipaddress]'2001:0db8:0:0:1:0:0:1'",
        "[string][ipaddress]'fe80::1%12'",
        '[ipaddress]::Loopback.IPAddressToString',
        "$r = $null; [ipaddress]::TryParse('1.2.3', [ref]$r); $null -eq $r; [ipaddress]::TryParse('::1', [ref]$r); \"$r\"",
      ].join('; '),
    );
    expect(out).toBe('4fde::2:22:f376:ff3b:ab3f\n16843009\nInterNetwork\n::ffff:10.1.2.3\n2001:db8::1:0:0:1\nfe80::1%12\n127.0.0.1\nFalse\nTrue\nTrue\n::1\n');
  });

  it('text that is no address: Parse throws a FormatException, a cast InvalidCastParseTargetInvocation', async () => {
    const { out } = await c.run(
      [
        "try { [ipaddress]::Parse('zz') } catch { $_.Exception.Message; $_.Exception.InnerException.GetType().FullName }",
        "try { [ipaddress]'1.2.3.x' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }",
      ].join('; '),
    );
    expect(out).toBe(
      'Exception calling "Parse" with "1" argument(s): "An invalid IP address was specified."\nSystem.FormatException\n' +
        'InvalidCastParseTargetInvocation\nCannot convert value "1.2.3.x" to type "System.Net.IPAddress". Error: "An invalid IP address was specified."\n',
    );
  });

  it('a collection of addresses in a table cell; an IPv6 address as a list shows Address (which throws) empty', async () => {
    const { out } = await c.run(
      [
        "$IPs = New-Object System.Collections.ArrayList; $null = $IPs.Add([ipaddress]'1.1.1.1'); $null = $IPs.Add([ipaddress]'4fde::2:22:f376:ff3b:ab3f')",
        "(@{test = $IPs} | Format-Table | Out-String) -match 'test\\s+\\{1\\.1\\.1\\.1, 4fde::2:22:f376:ff3b:ab3f\\}'",
        "([ipaddress]'::1' | Format-List Address, AddressFamily | Out-String).Trim()",
        "try { ([ipaddress]'::1').Address } catch { $_.FullyQualifiedErrorId }",
      ].join('; '),
    );
    expect(out).toBe('True\nAddress       :\nAddressFamily : InterNetworkV6\nGetValueInvocationException\n');
  });
});
