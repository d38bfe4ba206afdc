# Outlook Anywhere is published on the Internet as mail.proexchange.global (the firewall forwards
# mail.proexchange.global and autodiscover.proexchange.global to Ex2007EE).
Enable-OutlookAnywhere -Server Ex2007EE -ExternalHostname mail.proexchange.global -ClientAuthenticationMethod Basic -SSLOffloading $false -WarningAction SilentlyContinue
