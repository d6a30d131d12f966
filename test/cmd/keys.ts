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
export const FIPS = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy';
export const CREDSSP =
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\CredSSP\\Parameters';
