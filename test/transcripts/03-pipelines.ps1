# Objects through the pipeline, and how they are shown.
$certs = @(
    [pscustomobject]@{ Subject = 'CN=Ex2007EE'; Services = 'IMAP, POP, IIS, SMTP'; Days = 300 }
    [pscustomobject]@{ Subject = 'CN=webmail.proexchange.global'; Services = 'IIS'; Days = 700 }
    [pscustomobject]@{ Subject = 'CN=EDGE01'; Services = 'SMTP'; Days = 20 }
)
$certs
$certs | Where-Object { $_.Days -lt 365 } | Select-Object -ExpandProperty Subject
$certs | Where-Object Services -eq 'IIS' | ForEach-Object Subject
$certs | Sort-Object Days -Descending | Format-Table Subject, Days -AutoSize
$certs | Select-Object Subject, @{ Name = 'Expires'; Expression = { if ($_.Days -lt 30) { 'soon' } else { 'later' } } }
$certs | Measure-Object -Property Days -Sum -Average -Maximum
$certs | Group-Object { $_.Services -match 'IIS' } | Select-Object Name, Count
$certs[0] | Format-List
1..200 | Where-Object { $_ % 50 -eq 0 } | ForEach-Object { $_ / 10 }
'b', 'a', 'c', 'a' | Sort-Object -Unique
