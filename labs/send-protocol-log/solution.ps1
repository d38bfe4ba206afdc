# 1. Log the Hub-to-Hub sessions of Ex2007EE in full.
Set-TransportServer Ex2007EE -IntraOrgConnectorProtocolLoggingLevel Verbose

# 2. A message from Site-A (Alice, on Ex2007EE) to Site-B (Carol, on Ex2007SE).
$null = Send-LabMessage -From alice@proexchange.global -To carol@proexchange.global -Subject 'Protocol log test'
$logDir = (Get-TransportServer Ex2007EE).SendProtocolLogPath
$log = Get-ChildItem $logDir | Sort-Object LastWriteTime | Select-Object -Last 1

# 3. After 'Received certificate' comes the other side's certificate: its thumbprint is the data column.
$lines = Get-Content $log.FullName | Where-Object { $_ -like '*,Certificate thumbprint' }
$thumbprint = ($lines[0] -split ',')[7]
Set-Content -Path C:\answer.txt -Value $thumbprint
"Ex2007SE presented $thumbprint"
