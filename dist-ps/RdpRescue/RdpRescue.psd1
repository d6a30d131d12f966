@{
    RootModule           = 'RdpRescue.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = '3f6a1c52-8d4e-4b7a-9c1e-5a2d7e0b9f43'
    Author               = 'RdpRescue contributors'
    CompanyName          = 'RdpRescue'
    Copyright            = '(c) RdpRescue contributors. MIT License.'
    Description          = 'Diagnoses and repairs failed RDP connections to Azure Windows VMs: detects the known scenarios of the Azure troubleshooting articles, repairs them with a backup first, verifies, and can undo.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FunctionsToExport    = @(
        'Invoke-RdpDiagnosis'
        'Invoke-RdpRepair'
        'Undo-RdpRepair'
        'Disable-RdpFirewallInboundBlock'
        'Enable-RdpConnection'
        'Disable-RdpFipsAlgorithmPolicy'
        'Disable-RdpNetworkLevelAuthentication'
        'Enable-RdpLegacyTlsProtocol'
        'Enable-RdpFirewallRule'
        'Enable-RdpListener'
        'Enable-RdpTerminalServer'
        'Enable-RdpTlsProtocol'
        'Set-RdpFirewallPort'
        'Remove-RdpCertificateBinding'
        'Remove-RdpSafeBoot'
        'Reset-RdpSelfSignedCertificate'
        'Reset-RdpDhcpLogonAccount'
        'Repair-RdpMachineKeyPermission'
        'Reset-RdpTermServiceLogonAccount'
        'Reset-RdpConnectionLimit'
        'Resume-RdpGroupPolicy'
        'Set-RdpCredSspMitigated'
        'Set-RdpCertificateBinding'
        'Set-RdpEncryptionLevel'
        'Set-RdpPort'
        'Set-RdpSecurityLayer'
        'Start-RdpNetworkService'
        'Start-RdpTermService'
        'Stop-RdpPortConflict'
        'Suspend-RdpGroupPolicy'
    )
    CmdletsToExport      = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('RDP', 'RemoteDesktop', 'Azure', 'Troubleshooting', 'Windows', 'PSEdition_Desktop', 'PSEdition_Core')
            ProjectUri   = 'https://github.com/rdp-rescue/rdp-rescue'
            LicenseUri   = 'https://github.com/rdp-rescue/rdp-rescue/blob/main/LICENSE'
            ReleaseNotes = 'RdpRescue 0.1.0: generated from the RdpRescue catalog.'
        }
    }
}
