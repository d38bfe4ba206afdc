// Exchange's views: the ExchangeCertificate table (Thumbprint / Services / Subject, with the
// 2007 letter form IP.WS) and its default list.

import { registerView } from '../../format/views.js';
import { EXCHANGE_CERTIFICATE_TYPE } from '../../exchange/certificate.js';

export const CERTIFICATE_LIST_PROPERTIES = [
  'AccessRules', 'CertificateDomains', 'HasPrivateKey', 'IsSelfSigned', 'Issuer', 'NotAfter', 'NotBefore',
  'PublicKeySize', 'RootCAType', 'SerialNumber', 'Services', 'Status', 'Subject', 'Thumbprint',
];

registerView({
  typeName: EXCHANGE_CERTIFICATE_TYPE,
  shape: 'table',
  table: {
    columns: [
      { label: 'Thumbprint', property: 'Thumbprint', width: 41 },
      { label: 'Services', property: 'ServicesStringForm', width: 10 },
      { label: 'Subject', property: 'Subject' },
    ],
  },
  list: { properties: CERTIFICATE_LIST_PROPERTIES.map((p) => ({ label: p, property: p })) },
});
