/**
 * Cmdlets of Windows PowerShell 5.1's Microsoft.PowerShell.Utility, .Management, .Security and
 * .Diagnostics modules. tools/pwsh-host has only the engine (System.Management.Automation:
 * Core cmdlets), because these modules' assemblies are not on the NuGet copy our machines
 * reach. When an import stops on one of these, the engine is missing it, not the module.
 */
const UTILITY = `Add-Member Add-Type Clear-Variable Compare-Object ConvertFrom-Csv ConvertFrom-Json
ConvertFrom-String ConvertFrom-StringData Convert-String ConvertTo-Csv ConvertTo-Html ConvertTo-Json
ConvertTo-Xml Debug-Runspace Disable-PSBreakpoint Disable-RunspaceDebug Enable-PSBreakpoint
Enable-RunspaceDebug Export-Alias Export-Clixml Export-Csv Export-FormatData Export-PSSession
Format-Custom Format-Hex Format-List Format-Table Format-Wide Get-Alias Get-Culture Get-Date Get-Event
Get-EventSubscriber Get-FileHash Get-FormatData Get-Host Get-Member Get-PSBreakpoint Get-PSCallStack
Get-Random Get-Runspace Get-RunspaceDebug Get-TraceSource Get-TypeData Get-UICulture Get-Unique
Get-Variable Get-Verb Group-Object Import-Alias Import-Clixml Import-Csv Import-LocalizedData
Import-PowerShellDataFile Import-PSSession Invoke-Expression Invoke-RestMethod Invoke-WebRequest
Measure-Command Measure-Object New-Alias New-Event New-Guid New-Object New-TemporaryFile New-TimeSpan
New-Variable Out-File Out-GridView Out-Printer Out-String Read-Host Register-EngineEvent
Register-ObjectEvent Remove-Event Remove-PSBreakpoint Remove-TypeData Remove-Variable Select-Object
Select-String Select-Xml Send-MailMessage Set-Alias Set-Date Set-PSBreakpoint Set-TraceSource
Set-Variable Show-Command Sort-Object Start-Sleep Tee-Object Trace-Command Unblock-File
Unregister-Event Update-FormatData Update-List Update-TypeData Wait-Debugger Wait-Event Write-Debug
Write-Error Write-Host Write-Information Write-Output Write-Progress Write-Verbose Write-Warning`;

const MANAGEMENT = `Add-Computer Add-Content Checkpoint-Computer Clear-Content Clear-EventLog Clear-Item
Clear-ItemProperty Clear-RecycleBin Convert-Path Copy-Item Copy-ItemProperty Debug-Process
Get-ChildItem Get-Clipboard Get-ComputerInfo Get-Content Get-EventLog Get-HotFix Get-Item
Get-ItemProperty Get-ItemPropertyValue Get-Location Get-Process Get-PSDrive Get-PSProvider Get-Service
Get-TimeZone Get-WmiObject Invoke-Item Invoke-WmiMethod Join-Path Limit-EventLog Move-Item
Move-ItemProperty New-EventLog New-Item New-ItemProperty New-PSDrive New-Service Pop-Location
Push-Location Remove-EventLog Remove-Item Remove-ItemProperty Remove-PSDrive Remove-WmiObject
Rename-Computer Rename-Item Rename-ItemProperty Resolve-Path Restart-Computer Restart-Service
Resume-Service Set-Clipboard Set-Content Set-Item Set-ItemProperty Set-Location Set-Service
Set-TimeZone Set-WmiInstance Split-Path Start-Process Start-Service Stop-Computer Stop-Process
Stop-Service Suspend-Service Test-Connection Test-Path Wait-Process Write-EventLog`;

const SECURITY = `ConvertFrom-SecureString ConvertTo-SecureString Get-Acl Get-AuthenticodeSignature
Get-CmsMessage Get-Credential Get-ExecutionPolicy Get-PfxCertificate New-FileCatalog
Protect-CmsMessage Set-Acl Set-AuthenticodeSignature Set-ExecutionPolicy Test-FileCatalog
Unprotect-CmsMessage`;

const DIAGNOSTICS = 'Export-Counter Get-Counter Get-WinEvent Import-Counter New-WinEvent';

export const CMDLETS_MISSING_FROM_ENGINE: ReadonlySet<string> = new Set(
  [UTILITY, MANAGEMENT, SECURITY, DIAGNOSTICS]
    .join(' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((name) => name.toLowerCase()),
);
