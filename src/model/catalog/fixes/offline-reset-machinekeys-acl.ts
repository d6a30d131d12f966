import { defineFix, type FixInput } from 'rdp-rescue';

/** Seed: takeown/icacls with translated names, and the "before" listing written to the rescue VM's C:\temp. */
export default defineFix({
  id: 'offline-reset-machinekeys-acl',
  scope: 'offline',
  title: {
    'en-US': 'Reset MachineKeys permissions on the attached disk',
    'sv-SE': 'Återställ behörigheterna för MachineKeys på den anslutna disken',
    'nl-NL': 'MachineKeys-machtigingen herstellen op de gekoppelde schijf',
    'zh-TW': '重設已連結磁碟上的 MachineKeys 權限',
  },
  description: {
    'en-US':
      'The same permission reset as online, applied to ProgramData on the attached OS disk. Well-known SIDs are the same on every Windows, so they are right for the broken OS too.',
    'sv-SE':
      'Samma behörighetsåterställning som online, tillämpad på ProgramData på den anslutna OS-disken. Välkända SID:er är desamma i alla Windows, så de stämmer även för det trasiga operativsystemet.',
    'nl-NL':
      'Dezelfde herstelactie als online, toegepast op ProgramData op de gekoppelde besturingssysteemschijf. Bekende SID’s zijn op elke Windows gelijk, dus ze kloppen ook voor het defecte besturingssysteem.',
    'zh-TW':
      '與線上相同的權限重設，套用在已連結 OS 磁碟上的 ProgramData。知名 SID 在每個 Windows 上都相同，因此同樣適用於故障的作業系統。',
  },
  operations: [
    {
      kind: 'take-ownership',
      path: { root: 'ProgramData', sub: 'Microsoft\\Crypto\\RSA\\MachineKeys' },
      owner: 'S-1-5-32-544',
      recurse: true,
    },
    {
      kind: 'acl-grant',
      path: { root: 'ProgramData', sub: 'Microsoft\\Crypto\\RSA\\MachineKeys' },
      grants: [
        { sid: 'S-1-5-18', rights: 'F' },
        { sid: 'S-1-5-32-544', rights: 'F' },
      ],
      recurse: true,
    },
    {
      kind: 'acl-grant',
      path: { root: 'ProgramData', sub: 'Microsoft\\Crypto\\RSA\\MachineKeys' },
      grants: [{ sid: 'S-1-5-20', rights: 'R' }],
      recurse: false,
      filesStartingWith: 'f686aace6942fb7f7ceb231212eef4a4_',
    },
  ],
  backup: {
    description: {
      'en-US': 'The permissions of the folder and its files are saved first.',
      'sv-SE': 'Behörigheterna för mappen och dess filer sparas först.',
      'nl-NL': 'De machtigingen van de map en de bestanden worden eerst opgeslagen.',
      'zh-TW': '會先儲存資料夾及其檔案的權限。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Restores the saved permissions.',
      'sv-SE': 'Återställer de sparade behörigheterna.',
      'nl-NL': 'Zet de opgeslagen machtigingen terug.',
      'zh-TW': '還原已儲存的權限。',
    },
  },
  verify: {
    description: {
      'en-US': 'The granted entries are present on the folder and the RDP key files.',
      'sv-SE': 'De beviljade posterna finns på mappen och RDP-nyckelfilerna.',
      'nl-NL': 'De toegekende vermeldingen staan op de map en de RDP-sleutelbestanden.',
      'zh-TW': '資料夾與 RDP 金鑰檔案上已有授與的項目。',
    },
  },
  effects: { restartsServices: [], reboot: false },
  sources: [
    {
      article: 'internal-error',
      section: 'Reset the permission for MachineKeys folder',
      correction:
        'SIDs instead of translated names; the backup is kept next to the other RdpRescue backups on the rescue VM.',
    },
  ],
} satisfies FixInput);
