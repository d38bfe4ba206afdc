# The Edge is subscribed to Site-A and synchronized; it still has setup's self-signed certificate.
Enter-LabServer EDGE01
New-EdgeSubscription -FileName C:\edge.xml -Force | Out-Null
Enter-LabServer Ex2007EE
New-EdgeSubscription -FileName \\EDGE01\c$\edge.xml -Site Site-A | Out-Null
Start-EdgeSynchronization | Out-Null
