# 1. The request: every name clients use, the public one first.
New-ExchangeCertificate -GenerateRequest -Path C:\san.req -SubjectName 'c=US, o=ProExchange, cn=mail.proexchange.global' -DomainName mail.proexchange.global, autodiscover.proexchange.global, Ex2007EE, Ex2007EE.proexchange.local

# 2. The enterprise CA issues it; importing completes the pending request.
Submit-LabCertificateRequest -Path C:\san.req -OutFile C:\san.cer | Format-List Status, Subject
$san = Import-ExchangeCertificate -Path C:\san.cer

# 3. IIS only: the default SMTP certificate stays the self-signed one.
$san | Enable-ExchangeCertificate -Services IIS -DoNotRequireSSL
Get-ExchangeCertificate | Format-Table Subject, Services, RootCAType
Test-LabClient PC01 OWA, Autodiscover | Format-Table Client, Service, Result
