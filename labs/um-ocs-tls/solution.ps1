# 1. SIP over TLS.
Set-UMDialPlan 'ProExchange DP' -VoIPSecurity SIPSecured -WarningAction SilentlyContinue

# 2. A certificate from the enterprise CA for the name OCS connects to, enabled for UM.
New-ExchangeCertificate -GenerateRequest -Path C:\um.req -SubjectName 'c=US, o=ProExchange, cn=Ex2007EE.proexchange.local' -DomainName Ex2007EE.proexchange.local, Ex2007EE
Submit-LabCertificateRequest -Path C:\um.req -OutFile C:\um.cer | Out-Null
Import-ExchangeCertificate -Path C:\um.cer | Enable-ExchangeCertificate -Services UM -WarningAction SilentlyContinue

# 3. OCS01 trusts the enterprise CA already.
Test-LabUMConnectivity | Format-Table Peer, Mode, Result

# 4. The IP gateway needs the CA's root certificate: take it from a domain member.
Enter-LabServer PC01
Get-ChildItem Cert:\LocalMachine\Root | Where-Object { $_.Subject -like 'CN=ProExchange Root CA*' } | Export-Certificate -FilePath C:\ca.cer | Out-Null
Enter-LabServer GW01
Import-Certificate -FilePath \\PC01\c$\ca.cer -CertStoreLocation Cert:\LocalMachine\Root | Out-Null
Enter-LabServer Ex2007EE
'OCS01', 'GW01' | ForEach-Object { Test-LabClient $_ UM } | Format-Table Client, Service, Result
