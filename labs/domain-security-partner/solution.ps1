# 1. The organization's Domain Security lists.
Set-TransportConfig -TLSSendDomainSecureList fabrikam.lab -TLSReceiveDomainSecureList fabrikam.lab

# 2. The connectors on the Edge.
New-SendConnector -Name Fabrikam -AddressSpaces fabrikam.lab -SourceTransportServers EDGE01 -DomainSecureEnabled $true | Out-Null
Set-ReceiveConnector 'EDGE01\Default internal receive connector EDGE01' -DomainSecureEnabled $true

# 3. On EDGE01: trust the enterprise CA and Fabrikam's CA, and a certificate for proexchange.global.
Enter-LabServer EDGE01
Import-LabTrustedRoot -CertificateAuthority 'ProExchange Root CA' | Out-Null
Import-LabTrustedRoot -Partner fabrikam.lab | Out-Null
New-ExchangeCertificate -GenerateRequest -Path C:\edge.req -SubjectName 'c=US, o=ProExchange, cn=EDGE01.proexchange.global' -DomainName EDGE01.proexchange.global, proexchange.global
Submit-LabCertificateRequest -Path C:\edge.req -OutFile C:\edge.cer | Out-Null
Import-ExchangeCertificate -Path C:\edge.cer | Enable-ExchangeCertificate -Services SMTP -Force -WarningAction SilentlyContinue

# The Edge's default SMTP certificate changed: subscribe again, and synchronize.
New-EdgeSubscription -FileName C:\edge.xml -Force | Out-Null
Enter-LabServer Ex2007EE
New-EdgeSubscription -FileName \\EDGE01\c$\edge.xml -Site Site-A | Out-Null
Start-EdgeSynchronization | Out-Null

# 4. Both ways.
Send-LabMessage -From alice@proexchange.global -To bob@fabrikam.lab -Subject 'Order 4711' | Format-List Status, DomainSecure, Route
Send-LabMessage -From someone@fabrikam.lab -To alice@proexchange.global -Subject 'Re: Order 4711' | Format-List Status, DomainSecure, Route
