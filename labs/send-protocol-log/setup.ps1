# Ex2007SE gets a second certificate for its names, enabled for SMTP: two certificates could now be
# the one it presents to the other site. Only the protocol log tells which.
Enter-LabServer Ex2007SE
$null = New-ExchangeCertificate -SubjectName 'cn=Ex2007SE' -DomainName Ex2007SE, Ex2007SE.proexchange.local -Services SMTP -Force
Enter-LabServer Ex2007EE
