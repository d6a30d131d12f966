import { defineScenario, type ScenarioInput } from 'rdp-rescue';

const EVENT_4625 = {
  url: 'https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-10/security/threat-protection/auditing/event-4625',
  title: '4625(F) An account failed to log on.',
};
/**
 * Windows writes 4625 only while failure auditing of the Logon subcategory is on (auditpol
 * names it by this GUID in every language); without it no event proves nothing.
 */
const LOGON_FAILURE_AUDIT = {
  subcategory: '{0CCE9215-69AE-11D9-BED3-505054503030}',
  setting: 'failure',
} as const;

/**
 * Event 4625's status codes for an account that exists and may not sign in now, as its XML
 * writes them (lower case), in Status or SubStatus ("Status\Sub-Status Code" in Microsoft's
 * table): locked out, password expired, password must change, account expired.
 */
const ACCOUNT_STATE_CODES = ['0xc0000234', '0xc0000071', '0xc0000224', '0xc0000193'];
/**
 * The logon types of an RDP sign-in in 4625's LogonType field: 10 RemoteInteractive (the
 * session's own logon, without NLA) and 3 Network (NLA's CredSSP pre-authentication). A service
 * (5) or a scheduled task (4) of a locked account is not why RDP fails.
 */
const RDP_LOGON_TYPES = ['10', '3'];
/**
 * Disabled: evidence only. Password guessing from the internet tries the built-in names,
 * and the built-in Guest and DefaultAccount are disabled by default, so every exposed VM logs
 * it. The account cannot be told apart by SID: 4625 writes the NULL SID (S-1-0-0) as
 * TargetUserSid of a failed logon (Microsoft's example), so the names are listed instead.
 */
const DISABLED_CODE = '0xc0000072';
/** Wrong password, unknown user: informative only (every VM open to the internet has them). */
const CREDENTIAL_CODES = ['0xc000006a', '0xc0000064'];

export default defineScenario({
  id: 'account-locked-or-expired',
  title: {
    'en-US': 'The account is locked out, disabled or expired',
    'sv-SE': 'Kontot är utelåst, inaktiverat eller har upphört att gälla',
    'nl-NL': 'Het account is vergrendeld, uitgeschakeld of verlopen',
    'zh-TW': '帳戶已鎖定、停用或過期',
  },
  summary: {
    'en-US':
      'The credentials reach Windows, but the account may not sign in: it is locked out after bad passwords, disabled, its password expired or must be changed, or the account itself expired. Security event 4625 names the account (TargetUserName) and the reason (Status, SubStatus).',
    'sv-SE':
      'Autentiseringsuppgifterna når Windows, men kontot får inte logga in: det är utelåst efter felaktiga lösenord, inaktiverat, lösenordet har gått ut eller måste bytas, eller så har själva kontot upphört att gälla. Säkerhetshändelse 4625 anger kontot (TargetUserName) och orsaken (Status, SubStatus).',
    'nl-NL':
      'De referenties bereiken Windows, maar het account mag zich niet aanmelden: het is vergrendeld na onjuiste wachtwoorden, uitgeschakeld, het wachtwoord is verlopen of moet worden gewijzigd, of het account zelf is verlopen. Beveiligingsgebeurtenis 4625 noemt het account (TargetUserName) en de reden (Status, SubStatus).',
    'zh-TW':
      '認證已送達 Windows，但該帳戶不能登入：因密碼錯誤而被鎖定、已停用、密碼已過期或必須變更，或帳戶本身已過期。安全性事件 4625 會列出帳戶（TargetUserName）與原因（Status、SubStatus）。',
  },
  symptoms: ['cannot-connect'],
  evidence: [
    {
      role: 'primary',
      check: {
        kind: 'event-query',
        id: 'ev-logon-account',
        channel: 'Security',
        provider: 'Microsoft-Windows-Security-Auditing',
        eventIds: [4625],
        windowHours: 24,
        auditedBy: LOGON_FAILURE_AUDIT,
        dataConditions: [
          { field: 'Status', orFields: ['SubStatus'], values: ACCOUNT_STATE_CODES },
          { field: 'LogonType', values: RDP_LOGON_TYPES },
        ],
        reportFields: ['TargetUserName', 'Status', 'SubStatus'],
      },
      finding: {
        'en-US':
          'Security 4625: a Remote Desktop sign-in (logon type 10, or 3 for Network Level Authentication) was refused because the account is locked out (0xC0000234), its password expired (0xC0000071) or must change (0xC0000224), or it expired (0xC0000193). The evidence names the accounts; a service or scheduled task of a locked account does not count.',
        'sv-SE':
          'Säkerhet 4625: en inloggning via Fjärrskrivbord (inloggningstyp 10, eller 3 för autentisering på nätverksnivå) nekades eftersom kontot är utelåst (0xC0000234), lösenordet har gått ut (0xC0000071) eller måste bytas (0xC0000224), eller kontot har upphört att gälla (0xC0000193). Beläggen anger kontona; en tjänst eller schemalagd aktivitet med ett utelåst konto räknas inte.',
        'nl-NL':
          'Beveiliging 4625: een aanmelding via Extern bureaublad (aanmeldingstype 10, of 3 voor verificatie op netwerkniveau) werd geweigerd omdat het account vergrendeld is (0xC0000234), het wachtwoord verlopen is (0xC0000071) of moet worden gewijzigd (0xC0000224), of het account verlopen is (0xC0000193). De aanwijzing noemt de accounts; een service of geplande taak met een vergrendeld account telt niet mee.',
        'zh-TW':
          '安全性 4625：遠端桌面登入（登入類型 10，或網路層級驗證的 3）遭拒，原因是帳戶已鎖定（0xC0000234）、密碼已過期（0xC0000071）或必須變更（0xC0000224），或帳戶已過期（0xC0000193）。證據中會列出這些帳戶；使用已鎖定帳戶的服務或排程工作不列入計算。',
      },
    },
    {
      role: 'supporting',
      check: {
        kind: 'event-query',
        id: 'ev-logon-disabled',
        channel: 'Security',
        provider: 'Microsoft-Windows-Security-Auditing',
        eventIds: [4625],
        windowHours: 24,
        auditedBy: LOGON_FAILURE_AUDIT,
        dataConditions: [{ field: 'Status', orFields: ['SubStatus'], values: [DISABLED_CODE] }],
        reportFields: ['TargetUserName'],
      },
      finding: {
        'en-US':
          'Security 4625: logons to a disabled account (0xC0000072). Password guessing against the built-in Guest or a disabled Administrator writes these on every VM open to the internet; it is the cause only when the account named is the one that should sign in.',
        'sv-SE':
          'Säkerhet 4625: inloggningar till ett inaktiverat konto (0xC0000072). Lösenordsgissning mot det inbyggda Gästkontot eller en inaktiverad Administratör ger sådana på varje virtuell dator som är öppen mot internet; det är orsaken bara när kontot som anges är det som ska logga in.',
        'nl-NL':
          'Beveiliging 4625: aanmeldingen bij een uitgeschakeld account (0xC0000072). Het raden van wachtwoorden tegen de ingebouwde Gast of een uitgeschakelde Administrator levert deze op elke VM die open staat voor internet; het is alleen de oorzaak als het genoemde account het account is dat zich moet aanmelden.',
        'zh-TW':
          '安全性 4625：登入已停用的帳戶（0xC0000072）。針對內建 Guest 或已停用 Administrator 的密碼猜測，會在每部對網際網路開放的 VM 上產生此類事件；只有當列出的帳戶正是應該登入的帳戶時，這才是原因。',
      },
    },
    {
      role: 'supporting',
      check: {
        kind: 'event-query',
        id: 'ev-logon-bad-password',
        channel: 'Security',
        provider: 'Microsoft-Windows-Security-Auditing',
        eventIds: [4625],
        windowHours: 24,
        auditedBy: LOGON_FAILURE_AUDIT,
        dataConditions: [{ field: 'Status', orFields: ['SubStatus'], values: CREDENTIAL_CODES }],
        reportFields: ['TargetUserName', 'SubStatus'],
      },
      finding: {
        'en-US':
          'Security 4625: logons with a wrong password (0xC000006A) or an unknown user name (0xC0000064). Many of them from the internet are password guessing, and can lock an account out.',
        'sv-SE':
          'Säkerhet 4625: inloggningar med fel lösenord (0xC000006A) eller okänt användarnamn (0xC0000064). Många sådana från internet är lösenordsgissning och kan låsa ut ett konto.',
        'nl-NL':
          'Beveiliging 4625: aanmeldingen met een onjuist wachtwoord (0xC000006A) of een onbekende gebruikersnaam (0xC0000064). Veel daarvan vanaf internet zijn het raden van wachtwoorden en kunnen een account vergrendelen.',
        'zh-TW':
          '安全性 4625：以錯誤密碼（0xC000006A）或不明使用者名稱（0xC0000064）登入。來自網際網路的大量此類事件是密碼猜測，可能導致帳戶被鎖定。',
      },
    },
  ],
  causes: [
    {
      'en-US':
        'Repeated bad passwords (often password guessing against an open RDP port) locked the account out under the account lockout policy; an administrator disabled the account; the password or the account reached its expiry date; or the password is marked to be changed at next logon, which Network Level Authentication cannot do.',
      'sv-SE':
        'Upprepade felaktiga lösenord (ofta lösenordsgissning mot en öppen RDP-port) låste ut kontot enligt principen för kontoutelåsning; en administratör inaktiverade kontot; lösenordet eller kontot nådde sitt utgångsdatum; eller lösenordet är markerat att bytas vid nästa inloggning, vilket autentisering på nätverksnivå inte kan göra.',
      'nl-NL':
        'Herhaalde onjuiste wachtwoorden (vaak het raden van wachtwoorden op een open RDP-poort) hebben het account vergrendeld volgens het accountvergrendelingsbeleid; een administrator heeft het account uitgeschakeld; het wachtwoord of het account heeft de vervaldatum bereikt; of het wachtwoord moet bij de volgende aanmelding worden gewijzigd, wat verificatie op netwerkniveau niet kan.',
      'zh-TW':
        '重複輸入錯誤密碼（通常是針對開放 RDP 連接埠的密碼猜測）依帳戶鎖定原則鎖定了帳戶；系統管理員停用了帳戶；密碼或帳戶已到期；或密碼被標記為下次登入時必須變更，而網路層級驗證無法完成此動作。',
    },
  ],
  manualSteps: [
    {
      id: 'read-account-and-reason',
      text: {
        'en-US':
          'Read which account was refused and why: TargetUserName and Status/SubStatus of the newest 4625 events. Only an account name and a status code are shown, never a password.',
        'sv-SE':
          'Läs vilket konto som nekades och varför: TargetUserName och Status/SubStatus i de senaste 4625-händelserna. Endast ett kontonamn och en statuskod visas, aldrig ett lösenord.',
        'nl-NL':
          'Lees welk account werd geweigerd en waarom: TargetUserName en Status/SubStatus van de nieuwste 4625-gebeurtenissen. Alleen een accountnaam en een statuscode worden getoond, nooit een wachtwoord.',
        'zh-TW':
          '查看哪個帳戶遭拒及原因：最新 4625 事件的 TargetUserName 與 Status/SubStatus。只會顯示帳戶名稱與狀態碼，絕不會顯示密碼。',
      },
      commands: [
        {
          shell: 'cmd',
          code: 'wevtutil qe Security /q:"*[System[EventID=4625]]" /c:5 /rd:true /f:xml',
        },
      ],
    },
    {
      id: 'enable-local-account',
      text: {
        'en-US':
          'A disabled local account: enable it (net user /active:yes). A locked-out local account unlocks by itself after the lockout duration of the account lockout policy, or when an administrator clears "Account is locked out" in Local Users and Groups (lusrmgr.msc). A domain account: ask a domain administrator.',
        'sv-SE':
          'Ett inaktiverat lokalt konto: aktivera det (net user /active:yes). Ett utelåst lokalt konto låses upp av sig självt efter utelåsningstiden i principen för kontoutelåsning, eller när en administratör avmarkerar "Kontot är utelåst" i Lokala användare och grupper (lusrmgr.msc). Ett domänkonto: be en domänadministratör.',
        'nl-NL':
          'Een uitgeschakeld lokaal account: schakel het in (net user /active:yes). Een vergrendeld lokaal account wordt vanzelf ontgrendeld na de vergrendelingsduur van het accountvergrendelingsbeleid, of wanneer een administrator "Account is vergrendeld" uitvinkt in Lokale gebruikers en groepen (lusrmgr.msc). Een domeinaccount: vraag het een domeinadministrator.',
        'zh-TW':
          '已停用的本機帳戶：將其啟用（net user /active:yes）。被鎖定的本機帳戶會在帳戶鎖定原則的鎖定期間過後自動解除鎖定，或由系統管理員在「本機使用者和群組」（lusrmgr.msc）中清除「帳戶已鎖定」。網域帳戶：請洽網域系統管理員。',
      },
      commands: [{ shell: 'cmd', code: 'net user <name> /active:yes' }],
    },
    {
      id: 'reset-with-vmaccess',
      text: {
        'en-US':
          'From Azure, the VM agent (VMAccess) resets the password of a local administrator (an expired or must-change password included), or creates that account when the name is new. Choose a new password; do not put it in shared scripts.',
        'sv-SE':
          'Från Azure återställer VM-agenten (VMAccess) lösenordet för en lokal administratör (även ett utgånget lösenord eller ett som måste bytas), eller skapar kontot när namnet är nytt. Välj ett nytt lösenord; skriv det inte i delade skript.',
        'nl-NL':
          'Vanuit Azure stelt de VM-agent (VMAccess) het wachtwoord van een lokale administrator opnieuw in (ook een verlopen wachtwoord of een dat moet worden gewijzigd), of maakt dat account aan als de naam nieuw is. Kies een nieuw wachtwoord; zet het niet in gedeelde scripts.',
        'zh-TW':
          '從 Azure，VM 代理程式（VMAccess）可重設本機系統管理員的密碼（包括已過期或必須變更的密碼），名稱為新名稱時則會建立該帳戶。請選擇新密碼，不要將它寫在共用指令碼中。',
      },
      commands: [
        {
          shell: 'azure-cli',
          code: 'az vm user update --resource-group <group> --name <vm> --username <local-admin> --password <new-password>',
        },
      ],
    },
  ],
  sources: [
    { ...EVENT_4625, section: 'Table 12: Windows logon status codes' },
    { ...EVENT_4625, section: 'Security Monitoring Recommendations' },
    {
      url: 'https://learn.microsoft.com/en-us/cli/azure/vm/user',
      title: 'az vm user',
      section: 'az vm user update',
    },
  ],
} satisfies ScenarioInput);
