# The gallery package (when the build made one) installs from a local folder repository and
# imports. Save-PSResource installs into a folder under TestDrive, so the user's module paths
# are left alone.

Describe 'gallery package' {
    BeforeAll {
        . (Join-Path -Path $PSScriptRoot -ChildPath 'FakeMachine.ps1')
        $packages = @(Get-ChildItem -Path (Get-RdpTestBuild) -Filter 'RdpRescue.*.nupkg' -Recurse -ErrorAction SilentlyContinue)
    }

    It 'installs from a local repository with PSResourceGet and imports' {
        if ($packages.Count -eq 0) {
            Set-ItResult -Skipped -Because 'this build has no RdpRescue .nupkg'
            return
        }
        if (-not (Get-Command -Name 'Save-PSResource' -ErrorAction SilentlyContinue)) {
            Set-ItResult -Skipped -Because 'Microsoft.PowerShell.PSResourceGet is not available'
            return
        }
        $name = 'RdpRescueTest' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $installed = Join-Path -Path $TestDrive -ChildPath 'modules'
        $null = New-Item -ItemType Directory -Path $installed -Force
        Register-PSResourceRepository -Name $name -Uri $packages[0].DirectoryName -Trusted
        try {
            Save-PSResource -Name 'RdpRescue' -Repository $name -Path $installed -TrustRepository
            $manifest = @(Get-ChildItem -Path $installed -Filter 'RdpRescue.psd1' -Recurse)[0].FullName
            $module = Import-Module -Name $manifest -PassThru -Force
            $module.ExportedFunctions.Keys | Should -Contain 'Invoke-RdpDiagnosis'
        }
        finally {
            Remove-Module -Name 'RdpRescue' -Force -ErrorAction SilentlyContinue
            Unregister-PSResourceRepository -Name $name
        }
    }
}
