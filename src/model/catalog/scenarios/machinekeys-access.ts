import { defineScenario, type ScenarioInput } from 'rdp-rescue';

export default defineScenario({
  id: 'machinekeys-access',
  title: {
    'en-US': 'RDP cannot use its private key in MachineKeys',
    'sv-SE': 'RDP kan inte använda sin privata nyckel i MachineKeys',
    'nl-NL': 'RDP kan de persoonlijke sleutel in MachineKeys niet gebruiken',
    'zh-TW': 'RDP 無法使用 MachineKeys 中的私密金鑰',
  },
  summary: {
    'en-US':
      'Remote Desktop Services cannot create, renew or read the private key of its TLS certificate because of wrong permissions on the MachineKeys folder or a damaged key file. Events 1057/1058 and Schannel 36870 show it.',
    'sv-SE':
      'Fjärrskrivbordstjänster kan inte skapa, förnya eller läsa den privata nyckeln för sitt TLS-certifikat på grund av felaktiga behörigheter för mappen MachineKeys eller en skadad nyckelfil. Händelserna 1057/1058 och Schannel 36870 visar det.',
    'nl-NL':
      'Extern bureaublad-services kan de persoonlijke sleutel van het TLS-certificaat niet maken, vernieuwen of lezen door verkeerde machtigingen op de map MachineKeys of een beschadigd sleutelbestand. Gebeurtenissen 1057/1058 en Schannel 36870 laten dit zien.',
    'zh-TW':
      '由於 MachineKeys 資料夾的權限錯誤或金鑰檔案損毀，遠端桌面服務無法建立、更新或讀取其 TLS 憑證的私密金鑰。事件 1057/1058 與 Schannel 36870 會顯示此狀況。',
  },
  symptoms: ['cannot-connect', 'internal-error'],
  evidence: [
    {
      role: 'primary',
      check: {
        kind: 'event-query',
        id: 'ev-rcm-cert',
        channel: 'System',
        provider: 'Microsoft-Windows-TerminalServices-RemoteConnectionManager',
        eventIds: [1057, 1058],
        windowHours: 24,
      },
      finding: {
        'en-US':
          'Event 1057/1058: the RD Session Host failed to create or replace its self-signed certificate.',
        'sv-SE':
          'Händelse 1057/1058: RD-sessionsvärden kunde inte skapa eller ersätta sitt självsignerade certifikat.',
        'nl-NL':
          'Gebeurtenis 1057/1058: de RD-sessiehost kon het zelfondertekende certificaat niet maken of vervangen.',
        'zh-TW': '事件 1057/1058：遠端桌面工作階段主機無法建立或取代其自我簽署憑證。',
      },
    },
    {
      role: 'primary',
      check: {
        kind: 'event-query',
        id: 'ev-schannel-key',
        channel: 'System',
        provider: 'Schannel',
        eventIds: [36870],
        windowHours: 24,
        reportFields: ['ErrorCode', 'ErrorStatus'],
      },
      finding: {
        'en-US':
          'Schannel 36870: a fatal error occurred accessing the TLS server credential private key.',
        'sv-SE':
          'Schannel 36870: ett allvarligt fel uppstod vid åtkomst till den privata nyckeln för TLS-serverautentiseringsuppgiften.',
        'nl-NL':
          'Schannel 36870: er is een fatale fout opgetreden bij het openen van de persoonlijke sleutel van de TLS-serverreferentie.',
        'zh-TW': 'Schannel 36870：存取 TLS 伺服器認證的私密金鑰時發生嚴重錯誤。',
      },
    },
    {
      role: 'supporting',
      check: {
        kind: 'event-query',
        id: 'ev-schannel-36872',
        channel: 'System',
        provider: 'Schannel',
        eventIds: [36872],
        windowHours: 24,
      },
      finding: {
        'en-US':
          'Schannel 36872 was logged; its meaning differs between Windows versions, so it only supports the finding.',
        'sv-SE':
          'Schannel 36872 loggades; betydelsen skiljer sig mellan Windows-versioner, så den stöder bara slutsatsen.',
        'nl-NL':
          'Schannel 36872 is vastgelegd; de betekenis verschilt per Windows-versie, dus het ondersteunt de bevinding alleen.',
        'zh-TW': '已記錄 Schannel 36872；其意義因 Windows 版本而異，因此僅作為佐證。',
      },
    },
    {
      role: 'primary',
      check: {
        kind: 'folder-acl',
        id: 'machinekeys-acl',
        path: { root: 'ProgramData', sub: 'Microsoft\\Crypto\\RSA\\MachineKeys' },
        defaultSddl: 'O:SYG:SYD:PAI(A;;0x12019f;;;WD)(A;;FA;;;BA)',
        requiredAces: [
          { sid: 'S-1-5-32-544', mask: 0x1f01ff, target: 'folder' },
          {
            sid: 'S-1-5-18',
            mask: 0x1f01ff,
            target: { filesStartingWith: 'f686aace6942fb7f7ceb231212eef4a4_' },
          },
          {
            sid: 'S-1-5-20',
            mask: 0x120089,
            target: { filesStartingWith: 'f686aace6942fb7f7ceb231212eef4a4_' },
          },
        ],
      },
      finding: {
        'en-US':
          'MachineKeys or the RDP key file lacks an entry Windows needs (Administrators on the folder; SYSTEM and NETWORK SERVICE on the RDP key).',
        'sv-SE':
          'MachineKeys eller RDP-nyckelfilen saknar en post som Windows behöver (Administratörer på mappen; SYSTEM och NETWORK SERVICE på RDP-nyckeln).',
        'nl-NL':
          'MachineKeys of het RDP-sleutelbestand mist een vermelding die Windows nodig heeft (Administrators op de map; SYSTEM en NETWORK SERVICE op de RDP-sleutel).',
        'zh-TW':
          'MachineKeys 或 RDP 金鑰檔案缺少 Windows 所需的項目（資料夾上的 Administrators；RDP 金鑰上的 SYSTEM 與 NETWORK SERVICE）。',
      },
    },
  ],
  causes: [
    {
      'en-US': 'Wrong permissions on the MachineKeys folder or on the RSA key files.',
      'sv-SE': 'Felaktiga behörigheter för mappen MachineKeys eller RSA-nyckelfilerna.',
      'nl-NL': 'Verkeerde machtigingen op de map MachineKeys of op de RSA-sleutelbestanden.',
      'zh-TW': 'MachineKeys 資料夾或 RSA 金鑰檔案的權限錯誤。',
    },
    {
      'en-US': 'A corrupted or missing RSA key.',
      'sv-SE': 'En skadad eller saknad RSA-nyckel.',
      'nl-NL': 'Een beschadigde of ontbrekende RSA-sleutel.',
      'zh-TW': 'RSA 金鑰損毀或遺失。',
    },
  ],
  fixes: [
    'reset-machinekeys-acl',
    'renew-rdp-self-signed-cert',
    'remove-rdp-cert-binding',
    'set-rdp-cert-binding',
  ],
  manualSteps: [
    {
      id: 'delete-cert-remotely',
      text: {
        'en-US':
          'If the certificate cannot be renewed on the VM, delete it from another VM in the same virtual network: mmc > Add/Remove Snap-in > Certificates > Computer account > Another computer (use the private IP) > Remote Desktop\\Certificates > Delete. Then restart the Remote Desktop Configuration service.',
        'sv-SE':
          'Om certifikatet inte kan förnyas på den virtuella datorn tar du bort det från en annan virtuell dator i samma virtuella nätverk: mmc > Lägg till/ta bort snapin-modul > Certifikat > Datorkonto > En annan dator (använd den privata IP-adressen) > Remote Desktop\\Certificates > Ta bort. Starta sedan om tjänsten Konfiguration av fjärrskrivbord.',
        'nl-NL':
          'Als het certificaat niet op de VM kan worden vernieuwd, verwijdert u het vanaf een andere VM in hetzelfde virtuele netwerk: mmc > Module toevoegen/verwijderen > Certificaten > Computeraccount > Een andere computer (gebruik het privé-IP-adres) > Remote Desktop\\Certificates > Verwijderen. Start daarna de service Configuratie van Extern bureaublad opnieuw.',
        'zh-TW':
          '若無法在 VM 上更新憑證，請從同一虛擬網路中的另一部 VM 刪除它：mmc > 新增/移除嵌入式管理單元 > 憑證 > 電腦帳戶 > 另一部電腦（使用私人 IP）> Remote Desktop\\Certificates > 刪除。然後重新啟動遠端桌面設定服務。',
      },
      commands: [
        {
          shell: 'cmd',
          code: 'sc \\\\<private-ip> stop SessionEnv\nsc \\\\<private-ip> start SessionEnv',
        },
      ],
    },
  ],
  sources: [
    { article: 'event-id-troubleshoot', section: 'Scenario 1' },
    {
      article: 'internal-error',
      section: 'Step 2: set correct permissions on the RDP self-signed certificate',
    },
  ],
} satisfies ScenarioInput);
