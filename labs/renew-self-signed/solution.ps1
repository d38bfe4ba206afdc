# What expired, and what waits.
Get-ExchangeCertificate | Format-Table Subject, Services, Status, NotAfter

# Renew by pipe: same names, new key, same services (-Force replaces the default SMTP certificate without asking).
Get-ExchangeCertificate -DomainName Ex2007EE.proexchange.local | New-ExchangeCertificate -Force | Format-List Thumbprint, Services, NotAfter

Enter-LabServer Ex2007SE
Get-ExchangeCertificate -DomainName Ex2007SE.proexchange.local | New-ExchangeCertificate -Force | Format-List Thumbprint, Services, NotAfter

# Both Hubs present valid certificates again: retry the queue for Site-A now.
Get-Queue -Server Ex2007SE | Where-Object { $_.MessageCount -gt 0 } | ForEach-Object { Retry-Queue $_.Identity }

Enter-LabServer EDGE01
Get-ExchangeCertificate -DomainName EDGE01.proexchange.global | New-ExchangeCertificate -Force | Format-List Thumbprint, Services, NotAfter
Enter-LabServer Ex2007EE
