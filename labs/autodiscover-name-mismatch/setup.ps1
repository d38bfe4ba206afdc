# Last month an admin replaced the web site's certificate with one from the enterprise CA, issued
# for the published names only.
New-ExchangeCertificate -GenerateRequest -Path C:\mail.req -SubjectName 'c=US, o=ProExchange, cn=mail.proexchange.global' -DomainName mail.proexchange.global, autodiscover.proexchange.global
$null = Submit-LabCertificateRequest -Path C:\mail.req -OutFile C:\mail.cer
Import-ExchangeCertificate -Path C:\mail.cer | Enable-ExchangeCertificate -Services IIS -DoNotRequireSSL
Remove-Item C:\mail.req, C:\mail.cer
