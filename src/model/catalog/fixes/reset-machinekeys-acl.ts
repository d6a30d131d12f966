import { defineFix, type FixInput } from 'rdp-rescue';

/**
 * Seed: takeown /a /r and icacls /grant "NT AUTHORITY\System:(F)" ... on every file.
 * Corrected: SIDs instead of translated names, no takeown prompt, and NETWORK SERVICE gets
 * read only on the RDP key files instead of on every machine private key.
 */
export default defineFix({
  id: 'reset-machinekeys-acl',
  command: 'Repair-RdpMachineKeyPermission',
  scope: 'online',
  title: {
    'en-US': 'Reset permissions on the MachineKeys folder',
    'sv-SE': 'Återställ behörigheterna för mappen MachineKeys',
    'nl-NL': 'Machtigingen voor de map MachineKeys herstellen',
    'zh-TW': '重設 MachineKeys 資料夾的權限',
  },
  description: {
    'en-US':
      'Makes Administrators the owner of MachineKeys and its files, grants SYSTEM and Administrators full control, grants NETWORK SERVICE (the account TermService runs as) read access to the RDP private key files, then restarts the Remote Desktop Services service.',
    'sv-SE':
      'Gör Administratörer till ägare av MachineKeys och dess filer, ger SYSTEM och Administratörer fullständig behörighet, ger NETWORK SERVICE (kontot som TermService körs som) läsbehörighet till RDP-nyckelfilerna och startar sedan om tjänsten Fjärrskrivbordstjänster.',
    'nl-NL':
      'Maakt Administrators eigenaar van MachineKeys en de bestanden erin, geeft SYSTEM en Administrators volledig beheer, geeft NETWORK SERVICE (het account waaronder TermService draait) leestoegang tot de persoonlijke RDP-sleutelbestanden en start daarna de service Extern bureaublad-services opnieuw.',
    'zh-TW':
      '將 MachineKeys 及其檔案的擁有者設為 Administrators，授與 SYSTEM 與 Administrators 完全控制權限，授與 NETWORK SERVICE（TermService 的執行帳戶）對 RDP 私密金鑰檔案的讀取權限，然後重新啟動遠端桌面服務。',
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
    { kind: 'service-restart', service: 'TermService' },
  ],
  backup: {
    description: {
      'en-US':
        'The permissions of the folder and every file in it are saved before anything changes.',
      'sv-SE': 'Behörigheterna för mappen och varje fil i den sparas innan något ändras.',
      'nl-NL':
        'De machtigingen van de map en elk bestand erin worden opgeslagen voordat er iets verandert.',
      'zh-TW': '變更任何內容之前，會先儲存資料夾及其中每個檔案的權限。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Restores the saved permissions of the folder and its files.',
      'sv-SE': 'Återställer de sparade behörigheterna för mappen och dess filer.',
      'nl-NL': 'Zet de opgeslagen machtigingen van de map en de bestanden terug.',
      'zh-TW': '還原資料夾及其檔案已儲存的權限。',
    },
  },
  verify: {
    description: {
      'en-US': 'The MachineKeys permission check no longer finds a missing entry.',
      'sv-SE': 'Behörighetskontrollen för MachineKeys hittar inte längre någon saknad post.',
      'nl-NL': 'De machtigingscontrole van MachineKeys vindt geen ontbrekende vermelding meer.',
      'zh-TW': 'MachineKeys 權限檢查不再發現缺少的項目。',
    },
    checks: ['machinekeys-acl'],
  },
  // A key RDP cannot use (events 1057/1058, 36870) with permissions that look right: the article
  // resets the permissions first, then renews the certificate.
  neededWhenEvents: ['ev-rcm-cert', 'ev-schannel-key'],
  effects: { restartsServices: ['TermService'], reboot: false },
  sources: [
    {
      article: 'event-id-troubleshoot',
      section: 'Scenario 1 / Grant permission to the MachineKeys folder',
      correction:
        'Well-known SIDs (*S-1-5-18, *S-1-5-20, *S-1-5-32-544) instead of translated account names; the module sets the owner with the take-ownership and restore privileges (icacls /setowner does not force ownership; the /d answer of takeown is localized), file by file, reporting a partial change; NETWORK SERVICE read only on the RDP key files; backup with icacls /save.',
    },
    {
      article: 'internal-error',
      section: 'Step 2: set correct permissions on the RDP self-signed certificate',
    },
  ],
} satisfies FixInput);
