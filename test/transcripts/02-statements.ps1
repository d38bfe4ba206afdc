# Statements: if, loops, switch, functions with param/begin/process/end, try/catch/finally.
$n = 7
if ($n -gt 10) { 'big' } elseif ($n -gt 5) { 'medium' } else { 'small' }
foreach ($i in 1..3) { "item $i" }
for ($i = 0; $i -lt 3; $i++) { if ($i -eq 1) { continue }; "for $i" }
$j = 0
while ($true) { $j++; if ($j -ge 3) { break } }
$j
do { $j-- } until ($j -le 0)
$j
switch ('IIS') { 'SMTP' { 'mail' } 'IIS' { 'web' } default { 'other' } }
switch -Wildcard ('webmail.proexchange.global') { '*.local' { 'internal' } '*.global' { 'external' } }
function Get-Square { param([int]$Value) $Value * $Value }
Get-Square 12
Get-Square -Value 3
function Add-Prefix {
    param([Parameter(ValueFromPipeline = $true)][string]$Text, [string]$Prefix = '>')
    begin { 'begin' }
    process { "$Prefix $Text" }
    end { 'end' }
}
'a', 'b' | Add-Prefix -Prefix '#'
filter Double { $_ * 2 }
1..3 | Double
try {
    throw 'something broke'
} catch {
    "caught: $_"
} finally {
    'finally runs'
}
try { 1 / 0 } catch { $_.Exception.Message }
