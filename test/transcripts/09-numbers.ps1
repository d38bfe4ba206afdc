# Numbers as .NET has them: Int32, Int64, Double and Decimal kept apart, casts, -as and formats.
[int]::MaxValue + 1
([int]::MaxValue + 1).GetType().Name
[long]::MaxValue
[long]::MaxValue + 1
1.1d + 2.2d
0.1 + 0.2
[decimal]::MaxValue
1e20
[double]1/3
10 / 4
(10 / 2).GetType().Name
(2gb).GetType().FullName
0xFFFFFFFF
"{0:N2}" -f 1234.5
(255).ToString("X")
[math]::Round(2.5)
[math]::Pow(2, 10)
[int][char]'a'
[char]97
[sbyte]-128
'300' -as [byte]
'255' -as [byte]
$sizes = [long[]](1kb, 1mb, 1gb)
$sizes.GetType().FullName
($sizes | Measure-Object -Sum).Sum
[pscustomobject]@{ Name = 'DB01'; SizeGB = [math]::Round(12345678901l / 1gb, 2); Items = 12345678901l }
try { [byte]300 } catch { $_.Exception.Message }
