# The lab drive: files live on the drive of the machine the shell is on.
Get-Location
Set-Content -Path C:\certs\notes.txt -Value 'first line'
New-Item -ItemType Directory -Path C:\certs | Out-Null
Set-Content -Path C:\certs\notes.txt -Value 'first line', 'second line'
Add-Content C:\certs\notes.txt 'third line'
Get-Content C:\certs\notes.txt
(Get-Content C:\certs\notes.txt).Count
Get-ChildItem C:\certs
Test-Path C:\certs\notes.txt
Test-Path C:\certs\missing.txt
Set-Location C:\certs
Get-Content .\notes.txt -TotalCount 1
Copy-Item notes.txt copy.txt
Get-ChildItem | Select-Object -ExpandProperty Name
Remove-Item copy.txt
Test-Path copy.txt
Get-Content ..\..\..\Windows\..\certs\notes.txt -Tail 1
Get-Item D:\anything
