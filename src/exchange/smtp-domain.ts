// Microsoft.Exchange.Data.SmtpDomainWithSubdomains: a domain that may take its subdomains with it
// (`*.contoso.com`), the type of a certificate's CertificateDomains and an accepted domain's
// DomainName. Address is the text as written (what ToString gives), Domain the domain without `*.`.

import { PSObject } from '../protocol/values.js';

export const SMTP_DOMAIN_WITH_SUBDOMAINS_TYPE = 'Microsoft.Exchange.Data.SmtpDomainWithSubdomains';
const SMTP_DOMAIN_TYPE = 'Microsoft.Exchange.Data.SmtpDomain';

/** Microsoft.Exchange.Data.SmtpDomain: the domain name; ToString is the name. */
function smtpDomainObject(domain: string): PSObject {
  const o = new PSObject([SMTP_DOMAIN_TYPE, 'System.Object']);
  o.addProperty({ name: 'Domain', memberType: 'Property', typeName: 'System.String', get: () => domain });
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => domain });
  return o;
}

/** `*.contoso.com` → Address `*.contoso.com`, Domain `contoso.com`, IncludeSubDomains True; `*` alone is IsStar. */
export function smtpDomainWithSubdomains(text: string): PSObject {
  const address = text.trim();
  const star = address === '*';
  const sub = star || address.startsWith('*.');
  const domain = star ? '' : sub ? address.slice(2) : address;
  const o = new PSObject([SMTP_DOMAIN_WITH_SUBDOMAINS_TYPE, 'System.Object']);
  const prop = (name: string, typeName: string, get: () => unknown) => o.addProperty({ name, memberType: 'Property', typeName, get });
  prop('Address', 'System.String', () => address);
  prop('Domain', 'System.String', () => (star ? null : domain));
  prop('IncludeSubDomains', 'System.Boolean', () => sub);
  prop('IsStar', 'System.Boolean', () => star);
  prop('SmtpDomain', SMTP_DOMAIN_TYPE, () => (star ? null : smtpDomainObject(domain)));
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => address });
  return o;
}
