import { defineScenario, type ScenarioInput } from 'rdp-rescue';

/**
 * Seed: queries the System log for providers padded with spaces (' Microsoft-...-SessionBroker ').
 * The events are in each provider's own Operational channel.
 */
export default defineScenario({
  id: 'broker-hostname',
  title: {
    'en-US': "The Connection Broker's host name was changed",
    'sv-SE': 'Anslutningskoordinatorns värdnamn har ändrats',
    'nl-NL': 'De hostnaam van de Verbindingsbroker is gewijzigd',
    'zh-TW': '連線代理人的主機名稱已變更',
  },
  summary: {
    'en-US':
      'The Remote Desktop Connection Broker keeps its host name in the Windows Internal Database. After a rename, the broker cannot log on to its database (event 2056) and is not ready for RPC (event 1296). Renaming a broker is not supported.',
    'sv-SE':
      'Anslutningskoordinatorn för fjärrskrivbord lagrar sitt värdnamn i Windows Internal Database. Efter ett namnbyte kan koordinatorn inte logga in i sin databas (händelse 2056) och är inte redo för RPC (händelse 1296). Att byta namn på en koordinator stöds inte.',
    'nl-NL':
      'De Verbindingsbroker voor Extern bureaublad bewaart zijn hostnaam in de Windows Internal Database. Na een naamswijziging kan de broker zich niet aanmelden bij zijn database (gebeurtenis 2056) en is hij niet gereed voor RPC (gebeurtenis 1296). Het hernoemen van een broker wordt niet ondersteund.',
    'zh-TW':
      '遠端桌面連線代理人會將主機名稱儲存在 Windows 內部資料庫中。重新命名後，代理人無法登入其資料庫（事件 2056），也未就緒可進行 RPC 通訊（事件 1296）。不支援重新命名代理人。',
  },
  symptoms: ['broker-farm-down', 'cannot-connect'],
  evidence: [
    {
      role: 'precondition',
      check: {
        kind: 'windows-feature',
        id: 'broker-role-installed',
        feature: 'RDS-Connection-Broker',
        indicatorService: 'Tssdis',
      },
      finding: {
        'en-US': 'The Remote Desktop Connection Broker role is installed.',
        'sv-SE': 'Rollen Anslutningskoordinator för fjärrskrivbord är installerad.',
        'nl-NL': 'De rol Verbindingsbroker voor Extern bureaublad is geïnstalleerd.',
        'zh-TW': '已安裝遠端桌面連線代理人角色。',
      },
    },
    {
      role: 'primary',
      check: {
        kind: 'event-query',
        id: 'ev-broker-db-logon',
        channel: 'Microsoft-Windows-TerminalServices-SessionBroker/Operational',
        provider: 'Microsoft-Windows-TerminalServices-SessionBroker',
        eventIds: [2056],
        windowHours: 24,
      },
      finding: {
        'en-US': 'Event 2056: the broker failed to log on to its database.',
        'sv-SE': 'Händelse 2056: koordinatorn kunde inte logga in i sin databas.',
        'nl-NL': 'Gebeurtenis 2056: de broker kon zich niet aanmelden bij de database.',
        'zh-TW': '事件 2056：代理人無法登入其資料庫。',
      },
    },
    {
      role: 'primary',
      check: {
        kind: 'event-query',
        id: 'ev-broker-rpc',
        channel: 'Microsoft-Windows-TerminalServices-SessionBroker-Client/Operational',
        provider: 'Microsoft-Windows-TerminalServices-SessionBroker-Client',
        eventIds: [1296],
        windowHours: 24,
      },
      finding: {
        'en-US': 'Event 1296: the Connection Broker is not ready for RPC communication.',
        'sv-SE': 'Händelse 1296: anslutningskoordinatorn är inte redo för RPC-kommunikation.',
        'nl-NL': 'Gebeurtenis 1296: de Verbindingsbroker is niet gereed voor RPC-communicatie.',
        'zh-TW': '事件 1296：連線代理人尚未就緒，無法進行 RPC 通訊。',
      },
    },
  ],
  causes: [
    {
      'en-US':
        'The host name of the Connection Broker server was changed after the farm was built; the Windows Internal Database still holds the old name.',
      'sv-SE':
        'Värdnamnet för anslutningskoordinatorn ändrades efter att servergruppen byggdes; Windows Internal Database innehåller fortfarande det gamla namnet.',
      'nl-NL':
        'De hostnaam van de Verbindingsbroker-server is gewijzigd nadat de farm was opgebouwd; de Windows Internal Database bevat nog de oude naam.',
      'zh-TW': '伺服器陣列建立後變更了連線代理人伺服器的主機名稱；Windows 內部資料庫仍保存舊名稱。',
    },
  ],
  fixes: [],
  manualSteps: [
    {
      id: 'snapshot-broker',
      text: {
        'en-US':
          'Take a snapshot of the OS disk and write down the deployment: session hosts, collections and certificates.',
        'sv-SE':
          'Ta en ögonblicksbild av OS-disken och anteckna distributionen: sessionsvärdar, samlingar och certifikat.',
        'nl-NL':
          'Maak een momentopname van de besturingssysteemschijf en noteer de implementatie: sessiehosts, verzamelingen en certificaten.',
        'zh-TW': '建立 OS 磁碟的快照，並記錄部署內容：工作階段主機、集合與憑證。',
      },
      commands: [
        { shell: 'powershell', code: 'Get-RDServer; Get-RDSessionCollection; Get-RDCertificate' },
      ],
    },
    {
      id: 'reinstall-broker-role',
      text: {
        'en-US':
          'Remove the Connection Broker role and the Windows Internal Database, restart, delete the old database folder, then install the role again and rebuild the deployment with the new host name.',
        'sv-SE':
          'Ta bort rollen Anslutningskoordinator och Windows Internal Database, starta om, ta bort den gamla databasmappen, installera sedan rollen igen och bygg upp distributionen med det nya värdnamnet.',
        'nl-NL':
          'Verwijder de rol Verbindingsbroker en de Windows Internal Database, start opnieuw op, verwijder de oude databasemap, installeer daarna de rol opnieuw en bouw de implementatie opnieuw op met de nieuwe hostnaam.',
        'zh-TW':
          '移除連線代理人角色與 Windows 內部資料庫，重新開機，刪除舊的資料庫資料夾，然後重新安裝角色並以新的主機名稱重建部署。',
      },
      commands: [
        {
          shell: 'powershell',
          code: 'Uninstall-WindowsFeature -Name RDS-Connection-Broker, Windows-Internal-Database -Restart',
        },
        {
          shell: 'powershell',
          code: 'Remove-Item -LiteralPath "$env:SystemRoot\\WID" -Recurse -Force',
        },
        {
          shell: 'powershell',
          code: 'New-RDSessionDeployment -ConnectionBroker <broker-fqdn> -SessionHost <session-host-fqdn>',
        },
      ],
    },
  ],
  sources: [
    {
      article: 'event-id-troubleshoot',
      section: 'Scenario 3',
      correction:
        'Queries the SessionBroker and SessionBroker-Client Operational channels, without the spaces the seed put around the provider names.',
    },
  ],
} satisfies ScenarioInput);
