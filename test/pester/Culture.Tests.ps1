# The module loads the strings of the user's UI culture, and en-US for any culture it has no
# folder for. Each culture is imported in its own pwsh process: $PSUICulture is read at import.

BeforeDiscovery {
    $cultures = @(
        @{ Culture = 'en-US'; Expected = 'en-US' }
        @{ Culture = 'sv-SE'; Expected = 'sv-SE' }
        @{ Culture = 'nl-NL'; Expected = 'nl-NL' }
        @{ Culture = 'zh-TW'; Expected = 'zh-TW' }
        @{ Culture = 'fr-FR'; Expected = 'en-US' }
    )
}

Describe 'module strings' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
        $build = Get-RdpTestBuild
        $manifest = Join-Path -Path $build -ChildPath 'RdpRescue/RdpRescue.psd1'
        $catalog = [System.IO.File]::ReadAllText((Join-Path -Path $build -ChildPath 'catalog/catalog.json')) | ConvertFrom-Json
        $pwsh = Get-RdpTestPwsh

        function Get-ModuleString {
            # Imports the module under a UI culture in a new process; returns its string table.
            param([string]$Culture)
            $out = Join-Path -Path $TestDrive -ChildPath "strings-$Culture.json"
            $command = @"
`$culture = [System.Globalization.CultureInfo]::GetCultureInfo('$Culture')
[System.Threading.Thread]::CurrentThread.CurrentUICulture = `$culture
[System.Threading.Thread]::CurrentThread.CurrentCulture = `$culture
Import-Module -Name '$manifest' -ErrorAction Stop
`$strings = & (Get-Module -Name 'RdpRescue') { `$script:RdpStrings }
[System.IO.File]::WriteAllText('$out', (ConvertTo-Json -InputObject `$strings), (New-Object -TypeName System.Text.UTF8Encoding -ArgumentList `$false))
"@
            & $pwsh -NoProfile -NonInteractive -Command $command
            $LASTEXITCODE | Should -Be 0
            [System.IO.File]::ReadAllText($out) | ConvertFrom-Json
        }
    }

    It '<Culture> loads the <Expected> strings' -ForEach $cultures {
        $strings = Get-ModuleString -Culture $Culture
        foreach ($scenario in $catalog.scenarios) {
            $strings.("Scenario.$($scenario.id).Title") | Should -BeExactly $scenario.title.$Expected
        }
        $english = Get-ModuleString -Culture 'en-US'
        (@($strings.PSObject.Properties.Name | Sort-Object) -join ',') | Should -Be (@($english.PSObject.Properties.Name | Sort-Object) -join ',')
    }
}
