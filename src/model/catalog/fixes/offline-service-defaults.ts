import { defineFix, type FixInput } from 'rdp-rescue';

const SERVICES = 'HKLM\\SYSTEM\\CurrentControlSet\\Services';

/**
 * Microsoft's offline repairs for TermService and the DHCP Client write Start and ObjectName
 * in the attached SYSTEM hive ("Repair the VM offline"); nsi, BFE and MpsSvc get their
 * documented start type (automatic). Their accounts are documented nowhere we found, so they
 * are left alone. The articles also write `type` (16, own process): that isolates a crashing
 * service, no default, and is left to the manual step.
 */
export default defineFix({
  id: 'offline-service-defaults',
  scope: 'offline',
  title: {
    'en-US':
      'Set Remote Desktop Services and the network services back to their defaults in the attached SYSTEM hive',
    'sv-SE':
      'Återställ Fjärrskrivbordstjänster och nätverkstjänsterna till standardvärdena i den anslutna SYSTEM-registreringsdatafilen',
    'nl-NL':
      'Extern bureaublad-services en de netwerkservices terugzetten op hun standaardwaarden in het gekoppelde SYSTEM-component',
    'zh-TW': '在已連結的 SYSTEM 登錄區中將遠端桌面服務與網路服務設回預設值',
  },
  description: {
    'en-US':
      'In the control set the broken OS boots: TermService Start=3 (manual) and ObjectName NT Authority\\NetworkService; Dhcp Start=2 (automatic) and ObjectName NT Authority\\LocalService; nsi, BFE and MpsSvc Start=2.',
    'sv-SE':
      'I den kontrolluppsättning som det trasiga operativsystemet startar: TermService Start=3 (manuell) och ObjectName NT Authority\\NetworkService; Dhcp Start=2 (automatisk) och ObjectName NT Authority\\LocalService; nsi, BFE och MpsSvc Start=2.',
    'nl-NL':
      'In de controleset waarmee het defecte besturingssysteem opstart: TermService Start=3 (handmatig) en ObjectName NT Authority\\NetworkService; Dhcp Start=2 (automatisch) en ObjectName NT Authority\\LocalService; nsi, BFE en MpsSvc Start=2.',
    'zh-TW':
      '在故障作業系統開機所用的控制集中：TermService 的 Start=3（手動）與 ObjectName NT Authority\\NetworkService；Dhcp 的 Start=2（自動）與 ObjectName NT Authority\\LocalService；nsi、BFE 與 MpsSvc 的 Start=2。',
  },
  operations: [
    { kind: 'hive-load', hive: 'SYSTEM', mountAs: 'RDPRESCUE_SYSTEM' },
    {
      kind: 'registry-set',
      key: `${SERVICES}\\TermService`,
      name: 'Start',
      type: 'REG_DWORD',
      data: 3,
    },
    {
      kind: 'registry-set',
      key: `${SERVICES}\\TermService`,
      name: 'ObjectName',
      type: 'REG_SZ',
      data: 'NT Authority\\NetworkService',
    },
    { kind: 'registry-set', key: `${SERVICES}\\Dhcp`, name: 'Start', type: 'REG_DWORD', data: 2 },
    {
      kind: 'registry-set',
      key: `${SERVICES}\\Dhcp`,
      name: 'ObjectName',
      type: 'REG_SZ',
      data: 'NT Authority\\LocalService',
    },
    { kind: 'registry-set', key: `${SERVICES}\\nsi`, name: 'Start', type: 'REG_DWORD', data: 2 },
    { kind: 'registry-set', key: `${SERVICES}\\BFE`, name: 'Start', type: 'REG_DWORD', data: 2 },
    { kind: 'registry-set', key: `${SERVICES}\\MpsSvc`, name: 'Start', type: 'REG_DWORD', data: 2 },
    { kind: 'hive-unload', mountAs: 'RDPRESCUE_SYSTEM' },
  ],
  backup: {
    description: {
      'en-US': 'The SYSTEM hive file is copied before editing.',
      'sv-SE': 'Registreringsdatafilen SYSTEM kopieras före redigeringen.',
      'nl-NL': 'Het SYSTEM-componentbestand wordt gekopieerd vóór het bewerken.',
      'zh-TW': '編輯前會先複製 SYSTEM 登錄區檔案。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Restores the values from the backup.',
      'sv-SE': 'Återställer värdena från säkerhetskopian.',
      'nl-NL': 'Zet de waarden terug uit de back-up.',
      'zh-TW': '從備份還原這些值。',
    },
  },
  verify: {
    description: {
      'en-US': 'Every value reads back as written.',
      'sv-SE': 'Varje värde läses tillbaka som det skrevs.',
      'nl-NL': 'Elke waarde wordt teruggelezen zoals die is geschreven.',
      'zh-TW': '每個值讀回的結果都與寫入的相同。',
    },
  },
  effects: { restartsServices: [], reboot: false },
  sources: [
    {
      url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/troubleshoot-remote-desktop-services-issues',
      title: "Remote Desktop Services isn't starting on an Azure VM",
      section: 'Solution / Repair the VM offline / Attach the OS disk to a recovery VM',
      correction:
        'Writes the control set the broken OS boots, not ControlSet001 and ControlSet002 both, and leaves `type` alone.',
    },
    {
      url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/troubleshoot-rdp-dhcp-disabled',
      title: 'Cannot RDP to Azure Virtual Machines because the DHCP Client service is disabled',
      section: 'Solution / Repair the VM offline / Attach the OS disk to a recovery VM',
    },
    {
      url: 'https://learn.microsoft.com/en-us/azure/virtual-machines/windows/prepare-for-upload-vhd-image',
      title: 'Prepare a Windows VHD or VHDX to upload to Azure',
      section: 'Check the Windows services',
    },
  ],
} satisfies FixInput);
