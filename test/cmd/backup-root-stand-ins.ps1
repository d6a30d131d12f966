# Stand-ins for the Windows-only parts of the backup root line (backup-root.ts), for pwsh on
# Linux: a file system in $global:fs (path -> item with attributes, owner SID and rules by SID).
Remove-Item alias:gi -Force
Remove-Item alias:mi -Force
$global:fs = @{}
$global:did = @()
function Item($Owner, $Rules, $Attributes) {
    $item = [pscustomobject]@{ Attributes = [IO.FileAttributes]$Attributes; Owner = $Owner; Rules = @($Rules) }
    $item | Add-Member ScriptMethod GetAccessControl {
        if ($this.Owner -eq 'unreadable') { throw [UnauthorizedAccessException]::new() }
        $acl = [pscustomobject]@{ O = $this.Owner; R = $this.Rules }
        $acl | Add-Member ScriptMethod GetOwner { param($type) [pscustomobject]@{ Value = $this.O } }
        $acl | Add-Member ScriptMethod GetAccessRules { param($explicit, $inherited, $type) $this.R }
        $acl
    }
    $item
}
function Rule($Sid, $Rights) {
    [pscustomobject]@{ IdentityReference = [pscustomobject]@{ Value = $Sid }; FileSystemRights = [Security.AccessControl.FileSystemRights]$Rights }
}
function gi { param([string]$LiteralPath, [switch]$Force, $ea) $global:fs[$LiteralPath] }
function mi {
    param([string]$LiteralPath, $Destination)
    $global:did += "moved $LiteralPath"
    foreach ($k in @($global:fs.Keys | Where-Object { $_ -eq $LiteralPath -or $_.StartsWith("$LiteralPath\") })) { $global:fs.Remove($k) }
}
function Split-Path { param([string]$Path, [switch]$Leaf) if ($Leaf) { $Path.Substring($Path.LastIndexOf('\') + 1) } else { $Path.Substring(0, $Path.LastIndexOf('\')) } }
function New-Protected($Path) {
    $global:did += "created $Path"
    $global:fs[$Path] = Item 'S-1-5-32-544' @((Rule 'S-1-5-18' 'FullControl'), (Rule 'S-1-5-32-544' 'FullControl')) 'Directory'
}
$env:RrR = 'C:\PD\RdpRescue\backup'
$env:RrB = 'C:\PD\RdpRescue\backup\fix'
