import { defineFix, type FixInput } from 'rdp-rescue';

/**
 * Microsoft's DHCP article: revert the account to its default, NT Authority\LocalService,
 * then start the service. The article writes `obj= 'NT Authority\Localservice'`; cmd does
 * not treat single quotes as quotes, so CMD passes the account in double quotes, with the
 * empty password= a built-in account takes (sc config's obj= and password= options).
 */
export default defineFix({
  id: 'reset-dhcp-logon-account',
  command: 'Reset-RdpDhcpLogonAccount',
  scope: 'online',
  title: {
    'en-US': 'Set the DHCP Client back to its default account and start it',
    'sv-SE': 'Återställ DHCP-klienten till standardkontot och starta den',
    'nl-NL': 'De DHCP-client terugzetten op het standaardaccount en hem starten',
    'zh-TW': '將 DHCP 用戶端設回預設帳戶並啟動它',
  },
  description: {
    'en-US':
      'Makes Dhcp log on as NT Authority\\LocalService again (sc config Dhcp obj=), which has no password, and starts it.',
    'sv-SE':
      'Låter Dhcp logga in som NT Authority\\LocalService igen (sc config Dhcp obj=), som saknar lösenord, och startar den.',
    'nl-NL':
      'Laat Dhcp zich weer aanmelden als NT Authority\\LocalService (sc config Dhcp obj=), dat geen wachtwoord heeft, en start hem.',
    'zh-TW':
      '讓 Dhcp 重新以 NT Authority\\LocalService（沒有密碼）登入（sc config Dhcp obj=），並啟動它。',
  },
  operations: [
    { kind: 'service-logon-account', service: 'Dhcp', account: 'NT Authority\\LocalService' },
    { kind: 'service-start', service: 'Dhcp' },
  ],
  backup: {
    description: {
      'en-US':
        'The previous account (ObjectName) and start type of Dhcp are saved; no password exists to save.',
      'sv-SE':
        'Det tidigare kontot (ObjectName) och starttypen för Dhcp sparas; det finns inget lösenord att spara.',
      'nl-NL':
        'Het vorige account (ObjectName) en opstarttype van Dhcp worden opgeslagen; er is geen wachtwoord om op te slaan.',
      'zh-TW': '會儲存 Dhcp 先前的帳戶（ObjectName）與啟動類型；沒有可儲存的密碼。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US':
        'Restores the previous account. An account that has a password comes back by name only: RdpRescue never saw its password, so give it again with sc config Dhcp obj= <account> password= <password>.',
      'sv-SE':
        'Återställer det tidigare kontot. Ett konto med lösenord kommer tillbaka enbart med namn: RdpRescue har aldrig sett lösenordet, så ange det igen med sc config Dhcp obj= <konto> password= <lösenord>.',
      'nl-NL':
        'Zet het vorige account terug. Een account met een wachtwoord komt alleen bij naam terug: RdpRescue heeft het wachtwoord nooit gezien, dus geef het opnieuw op met sc config Dhcp obj= <account> password= <wachtwoord>.',
      'zh-TW':
        '還原先前的帳戶。有密碼的帳戶只會還原名稱：RdpRescue 從未取得其密碼，請使用 sc config Dhcp obj= <帳戶> password= <密碼> 重新提供。',
    },
  },
  verify: {
    description: {
      'en-US': 'Dhcp logs on as NT Authority\\LocalService and runs.',
      'sv-SE': 'Dhcp loggar in som NT Authority\\LocalService och körs.',
      'nl-NL': 'Dhcp meldt zich aan als NT Authority\\LocalService en is actief.',
      'zh-TW': 'Dhcp 以 NT Authority\\LocalService 登入且正在執行。',
    },
    checks: ['netsvc-dhcp-account', 'netsvc-dhcp-down'],
  },
  effects: { restartsServices: [], reboot: false },
  sources: [
    {
      url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/troubleshoot-rdp-dhcp-disabled',
      title: 'Cannot RDP to Azure Virtual Machines because the DHCP Client service is disabled',
      section: 'Solution / Use Serial control / DHCP Client service fails because of logon failure',
      correction:
        'The article quotes the account in single quotes, which cmd passes on as part of two arguments; it is double-quoted here, with password= "".',
    },
  ],
} satisfies FixInput);
