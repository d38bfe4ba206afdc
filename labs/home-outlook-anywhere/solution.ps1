# A certificate from the enterprise CA for every name clients use, inside and outside.
New-ExchangeCertificate -GenerateRequest -Path C:\web.req -SubjectName 'c=US, o=ProExchange, cn=mail.proexchange.global' -DomainName mail.proexchange.global, autodiscover.proexchange.global, Ex2007EE, Ex2007EE.proexchange.local
Submit-LabCertificateRequest -Path C:\web.req -OutFile C:\web.cer | Out-Null
Import-ExchangeCertificate -Path C:\web.cer | Enable-ExchangeCertificate -Services IIS -DoNotRequireSSL

# HOME01 trusts what the enterprise CA issues once the CA's root certificate is in its store:
# take it from a domain member, where Group Policy put it.
Enter-LabServer PC01
Get-ChildItem Cert:\LocalMachine\Root | Where-Object { $_.Subject -like 'CN=ProExchange Root CA*' } | Export-Certificate -FilePath C:\ProExchangeRootCA.cer | Out-Null
Enter-LabServer HOME01
Import-Certificate -FilePath \\PC01\c$\ProExchangeRootCA.cer -CertStoreLocation Cert:\LocalMachine\Root | Out-Null
Enter-LabServer Ex2007EE

Test-LabClient HOME01 OutlookAnywhere, Autodiscover | Format-Table Client, Service, Result
Test-LabClient PC01 Autodiscover, OWA | Format-Table Client, Service, Result
