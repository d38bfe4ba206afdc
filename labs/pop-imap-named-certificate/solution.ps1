# A certificate for the name users connect to, from the enterprise CA.
New-ExchangeCertificate -GenerateRequest -Path C:\mail.req -SubjectName 'c=US, o=ProExchange, cn=mail.proexchange.global' -DomainName mail.proexchange.global
Submit-LabCertificateRequest -Path C:\mail.req -OutFile C:\mail.cer | Out-Null

# Completing the request imports the certificate; enable it for POP and IMAP.
Import-ExchangeCertificate -Path C:\mail.cer | Enable-ExchangeCertificate -Services POP, IMAP

# Both services present the certificate named in their settings.
Set-PopSettings -X509CertificateName mail.proexchange.global -WarningAction SilentlyContinue
Set-ImapSettings -X509CertificateName mail.proexchange.global -WarningAction SilentlyContinue
