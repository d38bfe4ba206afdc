# The certificate first: then the subscription publishes the new one, and nothing needs redoing.
Enter-LabServer EDGE01
Get-ExchangeCertificate -DomainName EDGE01.proexchange.global | New-ExchangeCertificate -Force | Format-List Thumbprint, Services, NotAfter
New-EdgeSubscription -FileName C:\edge.xml -Force | Out-Null

# The Hub half of the subscription, for Site-A, then synchronize.
Enter-LabServer Ex2007EE
New-EdgeSubscription -FileName \\EDGE01\c$\edge.xml -Site Site-A | Out-Null
Start-EdgeSynchronization | Out-Null
Test-EdgeSynchronization | Format-List SyncStatus, EdgeCertificateThumbprint, PublishedThumbprint
