# Arithmetic, strings, arrays, hashtables and the -f operator.
1 + 2 * 3
(1 + 2) * 3
7 / 2
'1' + 1
1 + '1'
"Total: $(2 + 3) items"
$name = 'Exchange'
"Hello, $name!"
'Not $expanded'
0x1F + 1kb
1..5 -join ','
'a,b,,c' -split ','
'webmail.proexchange.global' -replace '^webmail', 'mail'
'ProExchange' -like 'pro*'
'ProExchange' -cmatch '^pro'
$Matches
'{0,-8}|{1,6:N2}|{2:X}' -f 'left', 3.14159, 255
$a = 1, 2, 3
$a += 4
$a.Count
$a[-1]
$a[1..2]
$h = @{ Name = 'webmail'; Port = 443 }
$h.Name
$h['Port']
$h.Keys.Count
[int]'42' + 1
[string]::IsNullOrEmpty('')
[Math]::Round(2.5)
'abc'.ToUpper().Length
1, 2, 3 -contains 2
5 -in 1..4
$null -eq $undefined
