# Every URL Outlook uses inside names mail.proexchange.global, the name on the certificate.
Set-ClientAccessServer Ex2007EE -AutoDiscoverServiceInternalUri https://mail.proexchange.global/autodiscover/autodiscover.xml
Set-WebServicesVirtualDirectory 'Ex2007EE\EWS (Default Web Site)' -InternalUrl https://mail.proexchange.global/EWS/Exchange.asmx
Set-OabVirtualDirectory 'Ex2007EE\OAB (Default Web Site)' -InternalUrl https://mail.proexchange.global/OAB
Set-OwaVirtualDirectory 'Ex2007EE\owa (Default Web Site)' -InternalUrl https://mail.proexchange.global/owa
Test-LabClient PC01 Autodiscover, EWS, OAB, OWA | Format-Table Client, Service, Url, Result
