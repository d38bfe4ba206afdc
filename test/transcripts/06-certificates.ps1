# The article's certificate workflow on the built-in lab (thumbprints and serial numbers are
# random, so this transcript shows the other properties).
Get-ExchangeCertificate | Format-List Subject, CertificateDomains, Services, Status, IsSelfSigned, RootCAType, NotBefore, NotAfter, PublicKeySize, HasPrivateKey

# Renew the self-signed certificate by piping it: same names, new key, same services.
$old = Get-ExchangeCertificate -DomainName Ex2007EE.proexchange.local
$new = $old | New-ExchangeCertificate -Force
$new.Subject
$new.CertificateDomains
$new.Thumbprint -ne $old.Thumbprint
Get-ExchangeCertificate | Format-Table Subject, Services, NotBefore -AutoSize

# A certificate for the external name, with the server's names and an exportable key.
$web = New-ExchangeCertificate -SubjectName 'cn=webmail.proexchange.global' -DomainName webmail.proexchange.global, Ex2007EE, Ex2007EE.proexchange.local -PrivateKeyExportable $true -Services None
$web | Format-List Subject, CertificateDomains, Services, Status

# Export it with its key, remove it, import it back, enable it for IIS.
$pw = ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force
Export-ExchangeCertificate -Thumbprint $web.Thumbprint -Path C:\webmail.pfx -BinaryEncoded:$true -Password $pw
Test-Path C:\webmail.pfx
Remove-ExchangeCertificate -Thumbprint $web.Thumbprint -Confirm:$false
Import-ExchangeCertificate -Path C:\webmail.pfx -Password $pw | Enable-ExchangeCertificate -Services IIS -DoNotRequireSSL
Get-ExchangeCertificate -DomainName webmail.proexchange.global | Format-List Subject, Services, HasPrivateKey

# Request -> lab CA -> import completes the request -> enable for IIS.
New-ExchangeCertificate -GenerateRequest -Path C:\mail.req -SubjectName 'c=US, o=ProExchange, cn=mail.proexchange.global' -DomainName mail.proexchange.global, autodiscover.proexchange.global -PrivateKeyExportable $true
Get-ExchangeCertificate | Where-Object { $_.Status -eq 'PendingRequest' } | Format-List Subject, CertificateDomains, Status, RootCAType
(Get-Content C:\mail.req)[0]
Submit-LabCertificateRequest -Path C:\mail.req -OutFile C:\mail.cer | Format-List Status, Subject, Path
Import-ExchangeCertificate -Path C:\mail.cer | Enable-ExchangeCertificate -Services IIS -DoNotRequireSSL
Get-ExchangeCertificate | Format-Table Subject, Services, Status, RootCAType, HasPrivateKey -AutoSize

# Mistakes an admin makes.
Enable-ExchangeCertificate -Thumbprint 0000000000000000000000000000000000000000 -Services IIS
Export-ExchangeCertificate -Thumbprint $old.Thumbprint -Path C:\setup.pfx -Password $pw -ErrorAction SilentlyContinue -ErrorVariable failure
$failure[0].Exception.Message
Import-ExchangeCertificate -Path C:\mail.req
Import-ExchangeCertificate -Path C:\webmail.pfx -Password (ConvertTo-SecureString 'wrong' -AsPlainText -Force)
try { Remove-ExchangeCertificate -Thumbprint $new.Thumbprint -Confirm:$false -ErrorAction Stop } catch { $_.Exception.Message }
New-ExchangeCertificate -KeySize 3000 -Services None
