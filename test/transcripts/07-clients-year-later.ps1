# What clients see (issue 8), and the year-later story. Thumbprints are random: not shown.
Get-LabClient | Format-Table Name, Kind, Network, DomainJoined
Get-LabDate

# The setup certificates: a domain member's Outlook finds Autodiscover silently; from home, OWA
# and Outlook Anywhere meet a self-signed certificate for another name.
Enable-OutlookAnywhere -Server Ex2007EE -ExternalHostname mail.proexchange.global -ClientAuthenticationMethod Basic -SSLOffloading $false -WarningAction SilentlyContinue
Test-LabClient PC01 Autodiscover | Format-List Url, Trusted, NameMatch, TimeValid, Result
Test-LabClient HOME01 OWA, OutlookAnywhere | Format-Table Client, Service, Result, Trusted, NameMatch, TimeValid
(Test-LabClient HOME01 OutlookAnywhere).Message

# A year later: the setup certificates have expired.
Set-LabDate -Add 400.00:00:00
Get-ExchangeCertificate | Format-Table Subject, Services, Status, NotAfter -AutoSize
$m = Send-LabMessage -From carol@proexchange.global -To alice@proexchange.global -Subject 'A year on' -WarningAction SilentlyContinue
$m | Format-List Status, Queue, LastError
Test-LabClient PC01 Autodiscover, POP3 | Format-Table Client, Service, Result, TimeValid

# Renewal fixes it: renew on both Hubs, retry the queue.
$null = Get-ExchangeCertificate -DomainName Ex2007EE.proexchange.local | New-ExchangeCertificate -Force
Enter-LabServer Ex2007SE
$null = Get-ExchangeCertificate -DomainName Ex2007SE.proexchange.local | New-ExchangeCertificate -Force
Retry-Queue $m.Queue
Get-MessageTrackingLog -Server Ex2007SE -MessageSubject 'A year on' | Format-Table EventId, Source, ServerHostname
Enter-LabServer Ex2007EE
Test-LabClient PC01 Autodiscover, POP3 | Format-Table Client, Service, Result, TimeValid

# The remedy for a home computer: a certificate for the published name, trusted by importing it.
$mail = New-ExchangeCertificate -SubjectName 'cn=mail.proexchange.global' -DomainName mail.proexchange.global, autodiscover.proexchange.global -Services IIS -Force
$mail | Export-Certificate -FilePath C:\mail.cer | Out-Null
Enter-LabServer HOME01
Import-Certificate -FilePath \\Ex2007EE\c$\mail.cer -CertStoreLocation Cert:\LocalMachine\Root | Format-Table Subject
Test-LabClient HOME01 OWA, OutlookAnywhere, Autodiscover | Format-Table Client, Service, Result
Get-ExchangeCertificate
Set-LabDate -Date '2020-01-01'
