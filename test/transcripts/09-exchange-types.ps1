# Exchange objects as admins script them (issue 11): enums, domains, X.509 objects and
# identities with their .NET types (thumbprints and keys are random, so they are not shown).
$c = Get-ExchangeCertificate -DomainName Ex2007EE.proexchange.local
[int]$c.Services
$c.Services -band 16
if ($c.Services -band [Microsoft.Exchange.Data.Directory.SystemConfiguration.AllowedServices]::IIS) { 'IIS is enabled' }
$c.Services -match 'SMTP'
$c.Services.HasFlag([Microsoft.Exchange.Data.Directory.SystemConfiguration.AllowedServices]'UM')
$c.Services.GetType().FullName
$c.Status -eq 'Valid'
$c.Status.GetType().Name
$c.CertificateDomains | ForEach-Object { $_.Address }
$c.CertificateDomains[0] | Format-List
$c.SubjectName.Name
$c.SignatureAlgorithm | Format-List FriendlyName, Value
$c.PublicKey.Key.KeySize
$c.Extensions | ForEach-Object { $_.Oid.FriendlyName }
$c.GetCertHashString() -eq $c.Thumbprint
$c | Get-Member -MemberType Method | Format-Table Name -HideTableHeaders

# Identities are ADObjectIds: they print as EMS prints them and go back into parameters.
$s = Get-ExchangeServer Ex2007EE
$s.Site
$s.Site.Name
$s | Format-List Name, Site
(Get-OwaVirtualDirectory -Server $s).Server.Name
Get-ExchangeServer -Identity (Get-OwaVirtualDirectory -Server Ex2007EE).Server | Format-Table Name, Site -AutoSize
(Get-SendConnector Internet).SourceTransportServers | Format-List Name, Rdn, Parent
