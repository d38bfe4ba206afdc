# A year and a month after setup (the exercise moves the lab clock 400 days): Carol, whose mailbox
# is on Ex2007SE in Site-B, writes to Alice in Site-A. The Hubs' certificates have expired, so the
# message waits in Ex2007SE's queue for Site-A.
$null = Send-LabMessage -From carol@proexchange.global -To alice@proexchange.global -Subject 'Quarterly figures' -Body 'See attached.' -WarningAction SilentlyContinue
