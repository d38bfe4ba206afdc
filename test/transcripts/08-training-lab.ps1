# A trainee's way through an exercise (issue 9): the catalogue, the start, checks, a hint, the fix.
Get-LabExercise
Start-LabExercise pop-imap-named-certificate
Get-LabHint
Test-LabTask 1

# The fix, step by step, checked as it goes.
New-ExchangeCertificate -GenerateRequest -Path C:\mail.req -SubjectName 'cn=mail.proexchange.global' -DomainName mail.proexchange.global | Out-Null
Submit-LabCertificateRequest -Path C:\mail.req -OutFile C:\mail.cer | Out-Null
Import-ExchangeCertificate -Path C:\mail.cer | Enable-ExchangeCertificate -Services POP, IMAP
Test-LabTask
Set-PopSettings -X509CertificateName mail.proexchange.global -WarningAction SilentlyContinue
Set-ImapSettings -X509CertificateName mail.proexchange.global -WarningAction SilentlyContinue
Test-LabTask
Get-LabTask | Format-Table
Get-LabExercise pop-imap-named-certificate | Format-List Id, State, TasksDone

# Mistakes.
Start-LabExercise pop-imap
Get-LabHint 7
