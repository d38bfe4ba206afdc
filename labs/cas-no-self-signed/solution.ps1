# Setup without the self-signed certificate (setup.com /mode:install /roles:ClientAccess /NoSelfSignedCertificates).
Install-LabServer -Name CAS02 -Roles ClientAccess -Site Site-B -NoSelfSignedCertificates -WarningAction SilentlyContinue | Out-Null

# The request is made on CAS02, where the key stays.
Enter-LabServer CAS02
New-ExchangeCertificate -GenerateRequest -Path C:\cas02.req -SubjectName 'c=US, o=ProExchange, cn=CAS02.proexchange.local' -DomainName CAS02.proexchange.local, CAS02
Submit-LabCertificateRequest -Path C:\cas02.req -OutFile C:\cas02.cer | Out-Null
Import-ExchangeCertificate -Path C:\cas02.cer | Enable-ExchangeCertificate -Services IIS, POP, IMAP -DoNotRequireSSL
Enter-LabServer Ex2007EE

Test-LabClient PC01 OWA -Url https://CAS02.proexchange.local/owa | Format-Table Client, Service, Result
Test-LabClient PC01 POP3 -Url CAS02.proexchange.local | Format-Table Client, Service, Result
