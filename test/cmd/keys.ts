/** Registry keys the CMD tests set up and read back in the Wine prefix. */
export const PROTOCOLS =
  'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols';
export const TLS12 = `${PROTOCOLS}\\TLS 1.2\\Server`;
export const TERMINAL_SERVER = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server';
export const RDP =
  'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp';
export const POLICY = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services';
export const TSSDIS = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tssdis';
export const TERMSERVICE = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\TermService';
export const GPSVC = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\gpsvc';
/** The system store as Windows mounts it: the boot manager names its default entry. */
export const BCD_POINTER =
  'HKLM\\BCD00000000\\Objects\\{9dea862c-5cdd-4e70-acc1-f32b344d4795}\\Elements\\23000003';
export const BCD_DEFAULT = '{6c1f4c2a-3d5e-11ee-9a5b-000d3a1f2b3c}';
export const BCD_SAFEBOOT = `HKLM\\BCD00000000\\Objects\\${BCD_DEFAULT}\\Elements\\25000080`;
export const FIREWALL_POLICY =
  'HKLM\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy';
export const FIREWALL_RULES = `${FIREWALL_POLICY}\\FirewallRules`;
export const FIREWALL_GPO = 'HKLM\\SOFTWARE\\Policies\\Microsoft\\WindowsFirewall';
export const FIPS = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy';
export const CREDSSP =
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\CredSSP\\Parameters';
/** The Session Host's local licensing settings (rds-licensing-expired). */
export const LICENSING_CORE =
  'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\RCM\\Licensing Core';
export const LICENSE_SERVERS =
  'HKLM\\SYSTEM\\CurrentControlSet\\Services\\TermService\\Parameters\\LicenseServers';
