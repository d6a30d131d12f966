# Certificates of the broken OS
# LocalMachine system stores (My, Remote Desktop) are registry keys of the SOFTWARE hive:
# Microsoft\SystemCertificates\<store>\Certificates\<thumbprint>, whose Blob value is the
# certificate serialized with its properties: (property id, reserved, length, bytes) records,
# little-endian. Property 32 (CERT_CERT_PROP_ID) is the DER certificate itself.

function ConvertFrom-RdpOfflineCertificateBlob {
    [CmdletBinding()]
    [OutputType([System.Security.Cryptography.X509Certificates.X509Certificate2])]
    param(
        [Parameter(Mandatory = $true)]
        [byte[]]$Blob
    )
    $offset = 0
    while ($offset + 12 -le $Blob.Length) {
        $id = [System.BitConverter]::ToUInt32($Blob, $offset)
        $length = [System.BitConverter]::ToUInt32($Blob, $offset + 8)
        $start = $offset + 12
        if ($start + $length -gt $Blob.Length) {
            break
        }
        if ($id -eq 32) {
            $der = New-Object -TypeName byte[] -ArgumentList $length
            [System.Array]::Copy($Blob, $start, $der, 0, $length)
            return [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($der)
        }
        $offset = $start + $length
    }
    $null
}

function Get-RdpOfflineCertificate {
    [CmdletBinding()]
    [OutputType([pscustomobject])]
    param(
        [Parameter(Mandatory = $true)]
        [string]$Store
    )
    $key = (Get-RdpOfflineMountedName -Hive 'SOFTWARE') + '\Microsoft\SystemCertificates\' + $Store + '\Certificates'
    foreach ($thumbprint in @(Get-RdpOfflineRegistrySubKeyName -Key $key)) {
        $blob = Get-RdpOfflineRegistryValue -Key ($key + '\' + $thumbprint) -Name 'Blob'
        $certificate = $null
        if ($null -ne $blob -and $blob.Value -is [byte[]]) {
            try {
                $certificate = ConvertFrom-RdpOfflineCertificateBlob -Blob $blob.Value
            }
            catch {
                Write-RdpOfflineLog -Message ("{0}\{1}: unreadable certificate: {2}" -f $Store, $thumbprint, $_.Exception.Message)
            }
        }
        $notBefore = $null
        $notAfter = $null
        if ($null -ne $certificate) {
            $notBefore = $certificate.NotBefore.ToUniversalTime()
            $notAfter = $certificate.NotAfter.ToUniversalTime()
        }
        [pscustomobject]@{
            Store      = $Store
            Thumbprint = $thumbprint.ToUpperInvariant()
            Readable   = ($null -ne $certificate)
            NotBefore  = $notBefore
            NotAfter   = $notAfter
        }
    }
}

function Test-RdpOfflineCertificateValid {
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory = $true)]
        [pscustomobject]$Certificate,
        [Parameter(Mandatory = $true)]
        [datetime]$Now
    )
    # Validity is judged against today: the disk goes back into service now.
    $Certificate.Readable -and $Certificate.NotBefore -le $Now -and $Certificate.NotAfter -gt $Now
}
