// Get-Culture and Get-UICulture: the culture of the lab machine (en-US), a CultureInfo object.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { currentCulture } from '../../protocol/culture.js';

const culture = (name: string, what: string) =>
  defineCmdlet({
    name,
    module: 'Microsoft.PowerShell.Utility',
    synopsis: `Gets the current ${what} set in the operating system.`,
    description:
      `The ${name} cmdlet gets the ${what} of the machine the shell runs on: a ` +
      'System.Globalization.CultureInfo object with its name, display name and formats.',
    parameters: {},
    outputType: ['System.Globalization.CultureInfo'],
    examples: [
      { code: name, remarks: `Shows the ${what}.`, shows: 'LCID             Name             DisplayName\n----             ----             -----------\n1033             en-US            English (United States)' },
      { code: `(${name}).DateTimeFormat.ShortDatePattern`, remarks: 'Reads one of its date formats.', shows: 'M/d/yyyy' },
    ],
    related: ['Get-Date'],
    end(_params, ctx) {
      ctx.write(currentCulture(ctx.services));
    },
  });

export const GetCulture = culture('Get-Culture', 'culture');
export const GetUICulture = culture('Get-UICulture', 'user interface culture');
