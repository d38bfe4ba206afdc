# The conformance harness's small Pester, run by emsh itself before each of PowerShell's test files.
# It follows Pester 4, which PowerShell's repository runs its tests with: a Describe's body runs in
# a scope of its own, its BeforeAll blocks first (gathered by a first pass over the body in which It
# and the nested blocks do nothing), each It at once, in a child scope, after the BeforeEach blocks
# of every enclosing block. Each result is one host line "##PESTER<tab>event<tab>path<tab>message",
# which the harness reads (test/conformance/harness.ts). Describe, Context and It take their
# arguments from $args: parameters named $Name or $Test would hide a test's own variables of those
# names from the It blocks, which run below them. Harness names start with __P for the same reason.
# The machine emsh emulates: Windows PowerShell 5.1 (Desktop) on Windows. $PSStyle (7.2) is set
# only so that files whose setup saves and restores $PSStyle.OutputRendering get to their cases.
$IsWindows = $true
$IsLinux = $false
$IsMacOS = $false
$IsCoreCLR = $false
$PSStyle = [pscustomobject]@{ OutputRendering = 'Host' }

$global:__PMode = 'run'
$global:__PCollect = $null
$global:__PFailAll = ''
$global:__PPath = ''
$global:__PEach = @()
$global:__PAfter = @()
$global:__PSkipIds = @()

# Splits a block function's $args into its named arguments and its positional ones.
function __PArgs($List) {
    $__PNamed = @{}
    $__PPositional = @()
    for ($__PI = 0; $__PI -lt $List.Count; $__PI++) {
        $__PItem = $List[$__PI]
        if ($__PItem -is [string] -and $__PItem -match '^-([A-Za-z]+)(:?)$') {
            $__PKey = $Matches[1]
            if ($Matches[2] -eq ':' -or ($__PI + 1 -lt $List.Count -and -not ($List[$__PI + 1] -is [string] -and $List[$__PI + 1] -match '^-[A-Za-z]+:?$') -and $__PKey -notin 'Skip', 'Pending')) {
                $__PNamed[$__PKey] = $List[$__PI + 1]
                $__PI++
            } else {
                $__PNamed[$__PKey] = $true
            }
        } else {
            $__PPositional += , $__PItem
        }
    }
    @{ Named = $__PNamed; Positional = $__PPositional }
}

function __PNamePart($Parsed) {
    if ($Parsed.Named.ContainsKey('Name')) { return "$($Parsed.Named['Name'])" }
    foreach ($__PItem in $Parsed.Positional) { if (-not ($__PItem -is [scriptblock])) { return "$__PItem" } }
    ''
}

function __PBlockPart($Parsed, [string] $Key) {
    if ($Parsed.Named.ContainsKey($Key)) { return $Parsed.Named[$Key] }
    foreach ($__PItem in $Parsed.Positional) { if ($__PItem -is [scriptblock]) { return $__PItem } }
    $null
}

function Describe {
    if ($global:__PMode -eq 'collect') { return }
    $__PParsed = __PArgs $args
    __PRunBlock (__PNamePart $__PParsed) (__PBlockPart $__PParsed 'Fixture') ([bool]$__PParsed.Named['Skip'])
}

function Context {
    if ($global:__PMode -eq 'collect') { return }
    $__PParsed = __PArgs $args
    __PRunBlock (__PNamePart $__PParsed) (__PBlockPart $__PParsed 'Fixture') ([bool]$__PParsed.Named['Skip'])
}

function __PRunBlock([string] $__PName, [scriptblock] $__PFixture, [bool] $__PSkipBlock) {
    $__POuterPath = $global:__PPath
    $__POuterEach = $global:__PEach
    $__POuterAfter = $global:__PAfter
    $__POuterFailAll = $global:__PFailAll
    $__PBlocks = @{ BeforeAll = @(); AfterAll = @(); BeforeEach = @(); AfterEach = @() }
    if (-not $global:__PFailAll) {
        # First pass: gather the setup blocks (Pester 4 finds them in the body's syntax tree).
        $global:__PMode = 'collect'
        $global:__PCollect = $__PBlocks
        try { $null = & $__PFixture } catch { } finally { $global:__PMode = 'run'; $global:__PCollect = $null }
    }
    $global:__PPath = "$__POuterPath/$__PName"
    $global:__PEach = @($__POuterEach) + @($__PBlocks.BeforeEach)
    $global:__PAfter = @($__PBlocks.AfterEach) + @($__POuterAfter)
    if ($__PSkipBlock -and -not $global:__PFailAll) { $global:__PFailAll = '__SKIP__' }
    try {
        & {
            param($__PBlocks, $__PFixture)
            if (-not $global:__PFailAll) {
                try {
                    foreach ($__PBlock in $__PBlocks.BeforeAll) { $null = . $__PBlock }
                } catch {
                    $global:__PFailAll = 'BeforeAll: ' + (__PFailText $_)
                }
            }
            try {
                $null = . $__PFixture
            } catch {
                __PReport 'fail' "$global:__PPath/(body)" (__PFailText $_)
            }
            if (-not $global:__PFailAll) {
                try {
                    foreach ($__PBlock in $__PBlocks.AfterAll) { $null = . $__PBlock }
                } catch {
                    __PReport 'note' "$global:__PPath/(AfterAll)" (__PFailText $_)
                }
            }
        } $__PBlocks $__PFixture
    } finally {
        $global:__PPath = $__POuterPath
        $global:__PEach = $__POuterEach
        $global:__PAfter = $__POuterAfter
        $global:__PFailAll = $__POuterFailAll
    }
}

function __PExpandName([string] $Name, $Data) {
    if ($Data -is [System.Collections.IDictionary]) {
        foreach ($__PKey in @($Data.Keys)) {
            $Name = $Name.Replace("<$__PKey>", "$($Data[$__PKey])")
        }
    }
    $Name
}

function It {
    if ($global:__PMode -eq 'collect') { return }
    $__PParsed = __PArgs $args
    $__PName = __PNamePart $__PParsed
    $__PTest = __PBlockPart $__PParsed 'Test'
    $__PCases = $__PParsed.Named['TestCases']
    if (-not $__PCases) { $__PCases = $__PParsed.Named['ForEach'] }
    $__PSkip = if ($__PParsed.Named.ContainsKey('Skip')) { [bool]$__PParsed.Named['Skip'] } else { __PDefaultFor 'It' 'Skip' }
    $__PPending = [bool]$__PParsed.Named['Pending']
    if ($__PCases) {
        $__PIndex = 0
        foreach ($__PCase in @($__PCases)) {
            $__PIndex++
            __PRunIt "$global:__PPath/$(__PExpandName $__PName $__PCase)#$__PIndex" $__PTest $__PCase $__PSkip $__PPending
        }
    } else {
        __PRunIt "$global:__PPath/$__PName" $__PTest $null $__PSkip $__PPending
    }
}

# Pester's It is an advanced function, so $PSDefaultParameterValues reaches its parameters
# (files set 'It:Skip' for the platforms a context does not apply to).
function __PDefaultFor([string] $Command, [string] $Parameter) {
    if (-not $PSDefaultParameterValues) { return $false }
    foreach ($__PKey in @($PSDefaultParameterValues.Keys)) {
        $__PParts = "$__PKey".Split(':')
        if ($__PParts.Count -eq 2 -and $Command -like $__PParts[0].Trim() -and $__PParts[1].Trim() -eq $Parameter) { return [bool]$PSDefaultParameterValues[$__PKey] }
    }
    $false
}

function BeforeAll { if ($global:__PMode -eq 'collect') { $global:__PCollect.BeforeAll += $args[0] } elseif (-not $global:__PPath) { $null = . $args[0] } }
function AfterAll { if ($global:__PMode -eq 'collect') { $global:__PCollect.AfterAll += $args[0] } }
function BeforeEach { if ($global:__PMode -eq 'collect') { $global:__PCollect.BeforeEach += $args[0] } }
function AfterEach { if ($global:__PMode -eq 'collect') { $global:__PCollect.AfterEach += $args[0] } }

function Set-ItResult {
    param([switch] $Inconclusive, [switch] $Pending, [switch] $Skipped, [string] $Because)
    if ($Skipped) { throw '__PESTER_SKIPPED__' }
    throw '__PESTER_PENDING__'
}

function Mock { throw '__PESTER_MOCK__ Mock is not part of the conformance harness' }
function Assert-MockCalled { throw '__PESTER_MOCK__ Mock is not part of the conformance harness' }
function Should-Invoke { throw '__PESTER_MOCK__ Mock is not part of the conformance harness' }

# Helpers of PowerShell's test tree (HelpersCommon) that the files call.
function Test-IsElevated { $false }
function Test-IsRoot { $false }
function Test-IsWinServer2012R2 { $false }
function Test-IsWindowsArm64 { $false }
function Test-IsWindows2016 { $false }
function Wait-UntilTrue {
    param([scriptblock] $sb, [int] $TimeoutInMilliseconds = 10000, [int] $IntervalInMilliseconds = 1000)
    for ($__PTry = 0; $__PTry -lt 10; $__PTry++) { if (& $sb) { return $true } }
    $false
}
$global:__PDefaultStack = @()
function Push-DefaultParameterValueStack {
    param([hashtable] $scope)
    $global:__PDefaultStack += , $PSDefaultParameterValues
    $__PNew = @{}
    if ($PSDefaultParameterValues) { foreach ($__PKey in @($PSDefaultParameterValues.Keys)) { $__PNew[$__PKey] = $PSDefaultParameterValues[$__PKey] } }
    foreach ($__PKey in @($scope.Keys)) { $__PNew[$__PKey] = $scope[$__PKey] }
    $global:PSDefaultParameterValues = $__PNew
}
function Pop-DefaultParameterValueStack {
    if ($global:__PDefaultStack.Count -gt 0) {
        $global:PSDefaultParameterValues = $global:__PDefaultStack[-1]
        $global:__PDefaultStack = @($global:__PDefaultStack | Select-Object -SkipLast 1)
    }
}

function __PFormat($Value) {
    if ($null -eq $Value) { return '$null' }
    if ($Value -is [string]) { return "'$Value'" }
    if ($Value -is [array]) { return '@(' + ((@($Value) | ForEach-Object { __PFormat $_ }) -join ', ') + ')' }
    "$Value"
}

function __PIsEmpty($Value) {
    if ($null -eq $Value) { return $true }
    if ($Value -is [string]) { return $Value -eq '' }
    if ($Value -is [System.Collections.IDictionary]) { return $Value.Count -eq 0 }
    if ($Value -is [array]) {
        if ($Value.Count -eq 0) { return $true }
        if ($Value.Count -eq 1) { return __PIsEmpty $Value[0] }
    }
    $false
}

function __PNullOrEmptyArray($Value) {
    $__PArr = @($Value)
    ($null -eq $Value) -or ($__PArr.Count -eq 0) -or ($__PArr.Count -eq 1 -and $null -eq $__PArr[0])
}

# Pester's ArraysAreEqual: element by element, -eq (or -ceq) on the leaves.
function __PEqual($First, $Second, [bool] $Exact) {
    $__PFirstEmpty = __PNullOrEmptyArray $First
    $__PSecondEmpty = __PNullOrEmptyArray $Second
    if ($__PFirstEmpty -or $__PSecondEmpty) { return $__PFirstEmpty -and $__PSecondEmpty }
    $First = @($First)
    $Second = @($Second)
    if ($First.Count -ne $Second.Count) { return $false }
    for ($__PI = 0; $__PI -lt $First.Count; $__PI++) {
        if (($First[$__PI] -is [array]) -or ($Second[$__PI] -is [array])) {
            if (-not (__PEqual $First[$__PI] $Second[$__PI] $Exact)) { return $false }
        } elseif ($Exact) {
            # Pester 4 compares expected -eq actual (the expected value on the left decides the conversion).
            if (-not ($Second[$__PI] -ceq $First[$__PI])) { return $false }
        } else {
            if (-not ($Second[$__PI] -eq $First[$__PI])) { return $false }
        }
    }
    $true
}

function __PTypeOf($Type) {
    if ($Type -is [type]) { return $Type }
    $Type -as [type]
}

function Should {
    [CmdletBinding()]
    param(
        [Parameter(ValueFromPipeline = $true)] $ActualValue = '__PESTER_NO_VALUE__',
        [Parameter(Position = 0)] $__PArg0,
        [Parameter(Position = 1)] $__PArg1,
        [Parameter(Position = 2)] $__PArg2,
        [Parameter(Position = 3)] $__PArg3,
        [switch] $Not,
        $Be,
        $BeExactly,
        [switch] $BeNullOrEmpty,
        $BeOfType,
        [switch] $Throw,
        $ErrorId,
        $ExceptionType,
        $ExpectedMessage,
        $Match,
        $MatchExactly,
        $Contain,
        $BeGreaterThan,
        $BeLessThan,
        $BeGreaterOrEqual,
        $BeLessOrEqual,
        [switch] $BeTrue,
        [switch] $BeFalse,
        $HaveCount,
        $BeIn,
        $BeLike,
        $BeLikeExactly,
        [switch] $Exist,
        $FileContentMatch,
        $FileContentMatchExactly,
        $ExpectedValue,
        $Because,
        [switch] $PassThru
    )
    begin { $__PInput = @() }
    # Not \$PSBoundParameters: the default tells an object from none, whichever way it was bound.
    process { if (-not ($ActualValue -is [string] -and $ActualValue -ceq '__PESTER_NO_VALUE__')) { $__PInput += , $ActualValue } }
    end {
        $__PBound = $PSBoundParameters
        # The operator and its argument: Pester 5's -Be form, or the legacy "Should Be x" / "Should Not Be x".
        $__POp = $null
        $__PExpected = $null
        $__PNegate = [bool]$Not
        $__PPositional = @()
        foreach ($__PName in '__PArg0', '__PArg1', '__PArg2', '__PArg3') {
            if ($__PBound.ContainsKey($__PName)) { $__PPositional += , $__PBound[$__PName] }
        }
        $__POps = 'Be', 'BeExactly', 'BeNullOrEmpty', 'BeOfType', 'Throw', 'Match', 'MatchExactly', 'Contain', 'BeGreaterThan', 'BeLessThan',
            'BeGreaterOrEqual', 'BeLessOrEqual', 'BeTrue', 'BeFalse', 'HaveCount', 'BeIn', 'BeLike', 'BeLikeExactly', 'Exist', 'FileContentMatch', 'FileContentMatchExactly'
        foreach ($__PName in $__POps) {
            if ($__PBound.ContainsKey($__PName)) {
                $__POp = $__PName
                $__PExpected = $__PBound[$__PName]
            }
        }
        $__PSwitchOps = 'BeNullOrEmpty', 'Throw', 'BeTrue', 'BeFalse', 'Exist'
        if ($null -eq $__POp -and $__PPositional.Count -gt 0) {
            # Legacy: Should [Not] <Operator> [value]
            if ("$($__PPositional[0])" -eq 'Not') {
                $__PNegate = $true
                $__PPositional = @($__PPositional | Select-Object -Skip 1)
            }
            $__POp = "$($__PPositional[0])"
            if ($__POps -notcontains $__POp) { throw "Should: unknown operator '$__POp'" }
            if ($__PPositional.Count -gt 1) { $__PExpected = $__PPositional[1] }
        } elseif ($null -ne $__POp -and $__PSwitchOps -notcontains $__POp) {
            if ($__PBound.ContainsKey('ExpectedValue')) { $__PExpected = $ExpectedValue }
        } elseif ($null -ne $__POp -and $__PPositional.Count -gt 0) {
            # Should -Throw 'message'
            if ($__POp -eq 'Throw' -and -not $ExpectedMessage) { $ExpectedMessage = $__PPositional[0] }
        }
        if ($null -eq $__POp) { throw 'Should: no operator given' }
        if ($__POp -eq 'Throw' -and -not $ExpectedMessage -and $__PPositional.Count -gt 1) { $ExpectedMessage = $__PPositional[1] }

        $__PActual = $null
        if ($__PInput.Count -eq 1) { $__PActual = $__PInput[0] }
        elseif ($__PInput.Count -gt 1) { $__PActual = $__PInput }
        else { $__PActual = @() }

        $__POk = $false
        $__PMessage = ''
        $__PRecord = $null
        switch ($__POp) {
            'Be' { $__POk = __PEqual $__PActual $__PExpected $false; $__PMessage = "Expected $(__PFormat $__PExpected), but got $(__PFormat $__PActual)." }
            'BeExactly' { $__POk = __PEqual $__PActual $__PExpected $true; $__PMessage = "Expected exactly $(__PFormat $__PExpected), but got $(__PFormat $__PActual)." }
            'BeNullOrEmpty' { $__POk = __PIsEmpty $__PActual; $__PMessage = "Expected `$null or empty, but got $(__PFormat $__PActual)." }
            'BeTrue' { $__POk = [bool]$__PActual -eq $true; $__PMessage = "Expected `$true, but got $(__PFormat $__PActual)." }
            'BeFalse' { $__POk = [bool]$__PActual -eq $false; $__PMessage = "Expected `$false, but got $(__PFormat $__PActual)." }
            'BeOfType' {
                $__PType = __PTypeOf $__PExpected
                if ($null -eq $__PType) { throw "Should -BeOfType: unknown type '$__PExpected'" }
                $__POk = $__PActual -is $__PType
                $__PGot = if ($null -eq $__PActual) { '$null' } else { $__PActual.GetType().FullName }
                $__PMessage = "Expected a value of type $($__PType.FullName), but got $__PGot."
            }
            'Match' { $__POk = "$__PActual" -match $__PExpected; $__PMessage = "Expected regular expression '$__PExpected' to match $(__PFormat $__PActual)." }
            'MatchExactly' { $__POk = "$__PActual" -cmatch $__PExpected; $__PMessage = "Expected regular expression '$__PExpected' to case-sensitively match $(__PFormat $__PActual)." }
            'BeLike' { $__POk = "$__PActual" -like $__PExpected; $__PMessage = "Expected like wildcard '$__PExpected' to match $(__PFormat $__PActual)." }
            'BeLikeExactly' { $__POk = "$__PActual" -clike $__PExpected; $__PMessage = "Expected case-sensitive like wildcard '$__PExpected' to match $(__PFormat $__PActual)." }
            'Contain' { $__POk = @($__PActual) -contains $__PExpected; $__PMessage = "Expected $(__PFormat $__PExpected) to be found in collection $(__PFormat $__PActual)." }
            'BeIn' {
                # Pester 4 tests each piped object on its own (BeIn takes no array input): each must pass.
                if ($__PInput.Count -gt 1) { $__PItems = $__PInput } else { $__PItems = @(, $__PActual) }
                $__PIn = 0
                foreach ($__PItem in $__PItems) { if (@($__PExpected) -contains $__PItem) { $__PIn++ } }
                $__POk = if ($__PNegate) { $__PIn -gt 0 } else { $__PIn -eq $__PItems.Count }
                $__PMessage = "Expected collection $(__PFormat $__PExpected) to contain $(__PFormat $__PActual)."
            }
            'HaveCount' {
                $__PCount = if ($null -eq $__PActual) { 0 } else { @($__PActual).Count }
                $__POk = $__PCount -eq $__PExpected
                $__PMessage = "Expected a collection with size $__PExpected, but got $__PCount."
            }
            'BeGreaterThan' { $__POk = $__PActual -gt $__PExpected; $__PMessage = "Expected the actual value to be greater than $(__PFormat $__PExpected), but got $(__PFormat $__PActual)." }
            'BeLessThan' { $__POk = $__PActual -lt $__PExpected; $__PMessage = "Expected the actual value to be less than $(__PFormat $__PExpected), but got $(__PFormat $__PActual)." }
            'BeGreaterOrEqual' { $__POk = $__PActual -ge $__PExpected; $__PMessage = "Expected the actual value to be greater than or equal to $(__PFormat $__PExpected), but got $(__PFormat $__PActual)." }
            'BeLessOrEqual' { $__POk = $__PActual -le $__PExpected; $__PMessage = "Expected the actual value to be less than or equal to $(__PFormat $__PExpected), but got $(__PFormat $__PActual)." }
            'Exist' { $__POk = Test-Path -LiteralPath "$__PActual"; $__PMessage = "Expected path '$__PActual' to exist, but it did not exist." }
            'FileContentMatch' { $__POk = (Get-Content -LiteralPath "$__PActual" -Raw) -match $__PExpected; $__PMessage = "Expected '$__PExpected' to be found in file '$__PActual'." }
            'FileContentMatchExactly' { $__POk = (Get-Content -LiteralPath "$__PActual" -Raw) -cmatch $__PExpected; $__PMessage = "Expected '$__PExpected' to be case-sensitively found in file '$__PActual'." }
            'Throw' {
                $__PThrown = $false
                try {
                    # Dot-sourced: in Pester (a module) the block's scope is a child of the test's
                    # scope, so `-Scope 1` inside it means the test's scope; here Should's own scope
                    # stands where the block's would be.
                    $null = . $__PActual
                } catch {
                    $__PThrown = $true
                    $__PRecord = $_
                }
                $__POk = $__PThrown
                $__PMessage = 'Expected an exception to be thrown, but no exception was thrown.'
                if ($__PThrown -and -not $__PNegate) {
                    $__PText = "$($__PRecord.Exception.Message)"
                    if ($ExpectedMessage -and $__PText -notlike "*$ExpectedMessage*") {
                        $__POk = $false
                        $__PMessage = "Expected an exception with message like '$ExpectedMessage' to be thrown, but the message was '$__PText'."
                    } elseif ($ErrorId -and "$($__PRecord.FullyQualifiedErrorId)" -notlike "*$ErrorId*") {
                        $__POk = $false
                        $__PMessage = "Expected an exception with FullyQualifiedErrorId '$ErrorId' to be thrown, but got '$($__PRecord.FullyQualifiedErrorId)' ($__PText)."
                    } elseif ($ExceptionType -and -not ($__PRecord.Exception -is (__PTypeOf $ExceptionType))) {
                        $__POk = $false
                        $__PMessage = "Expected an exception of type $ExceptionType to be thrown, but got $($__PRecord.Exception.GetType().FullName) ($__PText)."
                    }
                } elseif ($__PThrown) {
                    $__PMessage = "Expected no exception to be thrown, but an exception `"$($__PRecord.Exception.Message)`" was thrown."
                }
            }
        }
        if ($__PNegate) {
            $__POk = -not $__POk
            if ($__POp -ne 'Throw') { $__PMessage = "Not: $__PMessage" }
        }
        if (-not $__POk) {
            if ($Because) { $__PMessage = "$__PMessage Because: $Because" }
            throw "__PESTER_FAIL__$__PMessage"
        }
        if ($PassThru -and $__PRecord) { $__PRecord }
    }
}

function __PReport([string] $Event, [string] $Path, [string] $Message) {
    $__PClean = "$Message" -replace "[`r`n`t]+", ' '
    Write-Host "##PESTER`t$Event`t$Path`t$__PClean"
}

function __PFailText($Record) {
    $__PText = "$($Record.Exception.Message)"
    if ($__PText.StartsWith('__PESTER_FAIL__')) { return 'assert: ' + $__PText.Substring(15) }
    $__PId = "$($Record.FullyQualifiedErrorId)"
    "error: [$__PId] $__PText"
}

function __PRunIt([string] $__PTestPath, $__PTestBlock, $__PData, [bool] $__PSkip, [bool] $__PPending) {
    if ($global:__PFailAll -eq '__SKIP__') { __PReport 'skip' $__PTestPath 'Describe -Skip'; return }
    if ($global:__PFailAll) { __PReport 'fail' $__PTestPath $global:__PFailAll; return }
    if ($global:__PSkipIds -contains $__PTestPath) {
        __PReport 'fail' $__PTestPath 'timeout: the case did not end within the time limit'
        return
    }
    if ($__PSkip) { __PReport 'skip' $__PTestPath '-Skip'; return }
    if ($__PPending) { __PReport 'pending' $__PTestPath '-Pending'; return }
    __PReport 'start' $__PTestPath ''
    $__PResult = & {
        param($__PTestBlock, $__PData)
        $__POutcome = 'pass'
        $__PWhy = ''
        try {
            foreach ($__PBlock in $global:__PEach) { $null = . $__PBlock }
            if ($__PData -is [System.Collections.IDictionary]) {
                foreach ($__PKey in @($__PData.Keys)) { Set-Variable -Name $__PKey -Value $__PData[$__PKey] }
                $null = . $__PTestBlock @__PData
            } else {
                $null = . $__PTestBlock
            }
        } catch {
            $__PText = "$($_.Exception.Message)"
            if ($__PText.StartsWith('__PESTER_SKIPPED__')) { $__POutcome = 'skip'; $__PWhy = 'Set-ItResult -Skipped' }
            elseif ($__PText.StartsWith('__PESTER_PENDING__')) { $__POutcome = 'pending'; $__PWhy = 'Set-ItResult' }
            elseif ($__PText.StartsWith('__PESTER_MOCK__')) { $__POutcome = 'fail'; $__PWhy = 'mock: Mock is not in the harness' }
            else { $__POutcome = 'fail'; $__PWhy = __PFailText $_ }
        }
        try {
            foreach ($__PBlock in $global:__PAfter) { $null = . $__PBlock }
        } catch {
            if ($__POutcome -eq 'pass') { $__POutcome = 'fail'; $__PWhy = 'AfterEach: ' + (__PFailText $_) }
        }
        , @($__POutcome, $__PWhy)
    } $__PTestBlock $__PData
    __PReport $__PResult[0] $__PTestPath $__PResult[1]
}

# The cases that timed out in an earlier run of the file: reported as failed, not run again.
function Set-ConformanceSkip([string[]] $SkipIds) { $global:__PSkipIds = @($SkipIds) }
