# Errors as Windows PowerShell 5.1 prints them, and how scripts handle them.
Get-Certificat
Get-Item -Nope
Get-Item C:\does-not-exist.txt
'still running'
Get-Item C:\does-not-exist.txt -ErrorAction SilentlyContinue
$Error.Count
try {
    Get-Item C:\does-not-exist.txt -ErrorAction Stop
} catch {
    "Caught: $($_.Exception.Message)"
    $_.FullyQualifiedErrorId
}
Write-Error 'A custom error'
Write-Warning 'Certificates expire soon'
$x = [int]'abc'
'after the conversion error'
