import { defineFix, type FixInput } from 'rdp-rescue';

/**
 * Microsoft's article on Remote Desktop Services: revert the account to its default,
 * NT Authority\NetworkService,
 * then start the service. The article writes `obj= 'NT Authority\NetworkService'`; cmd does
 * not treat single quotes as quotes, so CMD passes the account in double quotes, with the
 * empty password= a built-in account takes (sc config's obj= and password= options).
 */
export default defineFix({
  id: 'reset-termservice-logon-account',
  command: 'Reset-RdpTermServiceLogonAccount',
  scope: 'online',
  title: {
    'en-US': 'Set Remote Desktop Services back to its default account and start it',
    'sv-SE': 'Återställ Fjärrskrivbordstjänster till standardkontot och starta tjänsten',
    'nl-NL': 'Extern bureaublad-services terugzetten op het standaardaccount en starten',
    'zh-TW': '將遠端桌面服務設回預設帳戶並啟動它',
  },
  description: {
    'en-US':
      'Makes TermService log on as NT Authority\\NetworkService again (sc config TermService obj=), which has no password, and starts it.',
    'sv-SE':
      'Låter TermService logga in som NT Authority\\NetworkService igen (sc config TermService obj=), som saknar lösenord, och startar den.',
    'nl-NL':
      'Laat TermService zich weer aanmelden als NT Authority\\NetworkService (sc config TermService obj=), dat geen wachtwoord heeft, en start hem.',
    'zh-TW':
      '讓 TermService 重新以 NT Authority\\NetworkService（沒有密碼）登入（sc config TermService obj=），並啟動它。',
  },
  operations: [
    {
      kind: 'service-logon-account',
      service: 'TermService',
      account: 'NT Authority\\NetworkService',
    },
    { kind: 'service-start', service: 'TermService' },
  ],
  backup: {
    description: {
      'en-US':
        'The previous account (ObjectName) and start type of TermService are saved; no password exists to save.',
      'sv-SE':
        'Det tidigare kontot (ObjectName) och starttypen för TermService sparas; det finns inget lösenord att spara.',
      'nl-NL':
        'Het vorige account (ObjectName) en opstarttype van TermService worden opgeslagen; er is geen wachtwoord om op te slaan.',
      'zh-TW': '會儲存 TermService 先前的帳戶（ObjectName）與啟動類型；沒有可儲存的密碼。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US':
        'Restores the previous account. An account that has a password comes back by name only: RdpRescue never saw its password, so give it again with sc config TermService obj= <account> password= <password>.',
      'sv-SE':
        'Återställer det tidigare kontot. Ett konto med lösenord kommer tillbaka enbart med namn: RdpRescue har aldrig sett lösenordet, så ange det igen med sc config TermService obj= <konto> password= <lösenord>.',
      'nl-NL':
        'Zet het vorige account terug. Een account met een wachtwoord komt alleen bij naam terug: RdpRescue heeft het wachtwoord nooit gezien, dus geef het opnieuw op met sc config TermService obj= <account> password= <wachtwoord>.',
      'zh-TW':
        '還原先前的帳戶。有密碼的帳戶只會還原名稱：RdpRescue 從未取得其密碼，請使用 sc config TermService obj= <帳戶> password= <密碼> 重新提供。',
    },
  },
  verify: {
    description: {
      'en-US': 'TermService logs on as NT Authority\\NetworkService and runs.',
      'sv-SE': 'TermService loggar in som NT Authority\\NetworkService och körs.',
      'nl-NL': 'TermService meldt zich aan als NT Authority\\NetworkService en is actief.',
      'zh-TW': 'TermService 以 NT Authority\\NetworkService 登入且正在執行。',
    },
    checks: ['termservice-account', 'termservice-down'],
  },
  effects: { restartsServices: [], reboot: false },
  sources: [
    {
      url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/troubleshoot-remote-desktop-services-issues',
      title: "Remote Desktop Services isn't starting on an Azure VM",
      section: 'Solution / Use Serial Console / TermService service fails because of logon failure',
      correction:
        'The article quotes the account in single quotes, which cmd passes on as part of two arguments; it is double-quoted here, with password= "".',
    },
  ],
} satisfies FixInput);
