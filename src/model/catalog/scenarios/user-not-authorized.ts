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
const ALLOW_RIGHT = {
  url: 'https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-10/security/threat-protection/security-policy-settings/allow-log-on-through-remote-desktop-services',
  title: 'Allow log on through Remote Desktop Services',
};
const DENY_RIGHT = {
  url: 'https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-10/security/threat-protection/security-policy-settings/deny-log-on-through-remote-desktop-services',
  title: 'Deny log on through Remote Desktop Services',
};

export default defineScenario({
  id: 'user-not-authorized',
  title: {
    'en-US': 'The user has no right to sign in through Remote Desktop',
    'sv-SE': 'Användaren har inte rätt att logga in via Fjärrskrivbord',
    'nl-NL': 'De gebruiker heeft geen recht om zich aan te melden via Extern bureaublad',
    'zh-TW': '使用者沒有透過遠端桌面登入的權限',
  },
  summary: {
    'en-US':
      'The password is right, but Windows refuses the logon type: the user is in no group that holds "Allow log on through Remote Desktop Services" (SeRemoteInteractiveLogonRight; by default Administrators and Remote Desktop Users), or a group of the user is in "Deny log on through Remote Desktop Services" (SeDenyRemoteInteractiveLogonRight), which wins. Security event 4625 records status 0xC000015B.',
    'sv-SE':
      'Lösenordet är rätt, men Windows nekar inloggningstypen: användaren är inte med i någon grupp som har "Tillåt inloggning via Fjärrskrivbordstjänster" (SeRemoteInteractiveLogonRight; som standard Administratörer och Fjärrskrivbordsanvändare), eller så är en av användarens grupper med i "Neka inloggning via Fjärrskrivbordstjänster" (SeDenyRemoteInteractiveLogonRight), som vinner. Säkerhetshändelse 4625 registrerar status 0xC000015B.',
    'nl-NL':
      'Het wachtwoord klopt, maar Windows weigert het aanmeldingstype: de gebruiker zit in geen groep met "Aanmelden via Extern bureaublad-services toestaan" (SeRemoteInteractiveLogonRight; standaard Administrators en Gebruikers van Extern bureaublad), of een groep van de gebruiker staat in "Aanmelden via Extern bureaublad-services weigeren" (SeDenyRemoteInteractiveLogonRight), dat wint. Beveiligingsgebeurtenis 4625 legt status 0xC000015B vast.',
    'zh-TW':
      '密碼正確，但 Windows 拒絕此登入類型：使用者不屬於任何擁有「允許透過遠端桌面服務登入」（SeRemoteInteractiveLogonRight；預設為 Administrators 與 遠端桌面使用者）的群組，或使用者的某個群組列於「拒絕透過遠端桌面服務登入」（SeDenyRemoteInteractiveLogonRight），而拒絕優先。安全性事件 4625 會記錄狀態 0xC000015B。',
  },
  symptoms: ['cannot-connect'],
  evidence: [
    {
      role: 'primary',
      check: {
        kind: 'event-query',
        id: 'ev-logon-no-right',
        channel: 'Security',
        provider: 'Microsoft-Windows-Security-Auditing',
        eventIds: [4625],
        windowHours: 24,
        auditedBy: LOGON_FAILURE_AUDIT,
        dataConditions: [{ field: 'Status', orFields: ['SubStatus'], values: ['0xc000015b'] }],
        reportFields: ['TargetUserName', 'LogonType'],
      },
      finding: {
        'en-US':
          'Security 4625 with 0xC000015B: the user has not been granted the requested logon type on this machine. The evidence names the account.',
        'sv-SE':
          'Säkerhet 4625 med 0xC000015B: användaren har inte beviljats den begärda inloggningstypen på den här datorn. Beläggen anger kontot.',
        'nl-NL':
          'Beveiliging 4625 met 0xC000015B: de gebruiker heeft het gevraagde aanmeldingstype op deze machine niet gekregen. De aanwijzing noemt het account.',
        'zh-TW':
          '安全性 4625 且狀態為 0xC000015B：使用者在這部電腦上未獲授與所要求的登入類型。證據中會列出該帳戶。',
      },
    },
    {
      role: 'primary',
      check: {
        kind: 'user-right',
        id: 'rdp-right-no-admins',
        right: 'SeRemoteInteractiveLogonRight',
        firesWhen: 'missing-any',
        sids: ['S-1-5-32-544'],
      },
      finding: {
        'en-US':
          'Administrators (S-1-5-32-544) do not hold "Allow log on through Remote Desktop Services" (SeRemoteInteractiveLogonRight): no administrator can sign in over RDP. When a Group Policy sets the right, a local change is reverted at the next refresh.',
        'sv-SE':
          'Administratörer (S-1-5-32-544) har inte "Tillåt inloggning via Fjärrskrivbordstjänster" (SeRemoteInteractiveLogonRight): ingen administratör kan logga in via RDP. När en grupprincip sätter rättigheten återställs en lokal ändring vid nästa uppdatering.',
        'nl-NL':
          'Administrators (S-1-5-32-544) hebben "Aanmelden via Extern bureaublad-services toestaan" (SeRemoteInteractiveLogonRight) niet: geen administrator kan zich via RDP aanmelden. Als groepsbeleid het recht instelt, wordt een lokale wijziging bij de volgende vernieuwing teruggedraaid.',
        'zh-TW':
          'Administrators（S-1-5-32-544）沒有「允許透過遠端桌面服務登入」（SeRemoteInteractiveLogonRight）：沒有系統管理員能透過 RDP 登入。若權限由群組原則設定，本機變更會在下次重新整理時被還原。',
      },
    },
    {
      role: 'supporting',
      check: {
        kind: 'user-right',
        id: 'rdp-right-no-rdusers',
        right: 'SeRemoteInteractiveLogonRight',
        firesWhen: 'missing-any',
        sids: ['S-1-5-32-555'],
      },
      finding: {
        'en-US':
          'Remote Desktop Users (S-1-5-32-555) do not hold "Allow log on through Remote Desktop Services": only the groups that still hold it can sign in over RDP.',
        'sv-SE':
          'Fjärrskrivbordsanvändare (S-1-5-32-555) har inte "Tillåt inloggning via Fjärrskrivbordstjänster": bara de grupper som fortfarande har rättigheten kan logga in via RDP.',
        'nl-NL':
          'Gebruikers van Extern bureaublad (S-1-5-32-555) hebben "Aanmelden via Extern bureaublad-services toestaan" niet: alleen de groepen die het recht nog hebben, kunnen zich via RDP aanmelden.',
        'zh-TW':
          '遠端桌面使用者（S-1-5-32-555）沒有「允許透過遠端桌面服務登入」：只有仍擁有此權限的群組能透過 RDP 登入。',
      },
    },
    {
      role: 'primary',
      check: {
        kind: 'user-right',
        id: 'rdp-right-denied',
        right: 'SeDenyRemoteInteractiveLogonRight',
        firesWhen: 'granted-any',
        sids: ['S-1-5-32-544', 'S-1-5-32-555', 'S-1-5-32-545', 'S-1-1-0'],
      },
      finding: {
        'en-US':
          '"Deny log on through Remote Desktop Services" (SeDenyRemoteInteractiveLogonRight) holds Administrators (S-1-5-32-544), Remote Desktop Users (S-1-5-32-555), Users (S-1-5-32-545) or Everyone (S-1-1-0): the denial wins over any allow, so the people who should sign in over RDP cannot.',
        'sv-SE':
          '"Neka inloggning via Fjärrskrivbordstjänster" (SeDenyRemoteInteractiveLogonRight) omfattar Administratörer (S-1-5-32-544), Fjärrskrivbordsanvändare (S-1-5-32-555), Användare (S-1-5-32-545) eller Alla (S-1-1-0): nekandet vinner över varje tillåtelse, så de som ska logga in via RDP kan inte det.',
        'nl-NL':
          '"Aanmelden via Extern bureaublad-services weigeren" (SeDenyRemoteInteractiveLogonRight) bevat Administrators (S-1-5-32-544), Gebruikers van Extern bureaublad (S-1-5-32-555), Gebruikers (S-1-5-32-545) of Iedereen (S-1-1-0): de weigering wint van elke toestemming, dus wie zich via RDP moet aanmelden, kan dat niet.',
        'zh-TW':
          '「拒絕透過遠端桌面服務登入」（SeDenyRemoteInteractiveLogonRight）包含 Administrators（S-1-5-32-544）、遠端桌面使用者（S-1-5-32-555）、Users（S-1-5-32-545）或 Everyone（S-1-1-0）：拒絕優先於任何允許，因此應透過 RDP 登入的人無法登入。',
      },
    },
    {
      role: 'supporting',
      check: {
        kind: 'user-right',
        id: 'rdp-deny-local',
        right: 'SeDenyRemoteInteractiveLogonRight',
        firesWhen: 'granted-any',
        sids: ['S-1-5-113', 'S-1-5-114'],
      },
      finding: {
        'en-US':
          '"Deny log on through Remote Desktop Services" holds local accounts (S-1-5-113, S-1-5-114). Security baselines require this on domain member servers: domain accounts still sign in, only local accounts (.\\name) are refused. It is the cause only when a local account is refused (4625 with 0xC000015B naming it).',
        'sv-SE':
          '"Neka inloggning via Fjärrskrivbordstjänster" omfattar lokala konton (S-1-5-113, S-1-5-114). Säkerhetsbaslinjer kräver det på domänanslutna medlemsservrar: domänkonton kan fortfarande logga in, bara lokala konton (.\\namn) nekas. Det är orsaken bara när ett lokalt konto nekas (4625 med 0xC000015B som anger det).',
        'nl-NL':
          '"Aanmelden via Extern bureaublad-services weigeren" bevat lokale accounts (S-1-5-113, S-1-5-114). Beveiligingsbasislijnen vereisen dit op lidservers van een domein: domeinaccounts kunnen zich nog aanmelden, alleen lokale accounts (.\\naam) worden geweigerd. Het is alleen de oorzaak als een lokaal account wordt geweigerd (4625 met 0xC000015B die het noemt).',
        'zh-TW':
          '「拒絕透過遠端桌面服務登入」包含本機帳戶（S-1-5-113、S-1-5-114）。安全性基準要求網域成員伺服器設定此項：網域帳戶仍可登入，只有本機帳戶（.\\名稱）會被拒絕。只有當本機帳戶被拒絕時（4625 且狀態為 0xC000015B 並列出該帳戶），這才是原因。',
      },
    },
  ],
  causes: [
    {
      'en-US':
        'A security baseline or Group Policy changed the user rights: it removed Remote Desktop Users or Administrators from "Allow log on through Remote Desktop Services", or denied Local account (S-1-5-113) or Local account and member of Administrators group (S-1-5-114) through "Deny log on through Remote Desktop Services", which shuts out every local account. Or the user is in neither Administrators nor Remote Desktop Users.',
      'sv-SE':
        'En säkerhetsbaslinje eller grupprincip ändrade användarrättigheterna: den tog bort Fjärrskrivbordsanvändare eller Administratörer från "Tillåt inloggning via Fjärrskrivbordstjänster", eller nekade Lokalt konto (S-1-5-113) eller Lokalt konto och medlem i gruppen Administratörer (S-1-5-114) genom "Neka inloggning via Fjärrskrivbordstjänster", vilket stänger ute alla lokala konton. Eller så är användaren varken med i Administratörer eller Fjärrskrivbordsanvändare.',
      'nl-NL':
        'Een beveiligingsbasislijn of groepsbeleid heeft de gebruikersrechten gewijzigd: het verwijderde Gebruikers van Extern bureaublad of Administrators uit "Aanmelden via Extern bureaublad-services toestaan", of weigerde Lokaal account (S-1-5-113) of Lokaal account en lid van de groep Administrators (S-1-5-114) via "Aanmelden via Extern bureaublad-services weigeren", waardoor elk lokaal account buitengesloten is. Of de gebruiker zit in Administrators noch Gebruikers van Extern bureaublad.',
      'zh-TW':
        '安全性基準或群組原則變更了使用者權限：從「允許透過遠端桌面服務登入」中移除了 遠端桌面使用者 或 Administrators，或透過「拒絕透過遠端桌面服務登入」拒絕了本機帳戶（S-1-5-113）或本機帳戶及 Administrators 群組成員（S-1-5-114），因而擋下所有本機帳戶。或者使用者既不屬於 Administrators，也不屬於 遠端桌面使用者。',
    },
  ],
  manualSteps: [
    {
      id: 'read-logon-rights',
      text: {
        'en-US':
          'Export the user rights and read the two lines by their right names; accounts appear as *SID (S-1-5-32-544 Administrators, S-1-5-32-555 Remote Desktop Users, S-1-5-113 and S-1-5-114 local accounts). The file is Unicode: type converts it for findstr.',
        'sv-SE':
          'Exportera användarrättigheterna och läs de två raderna efter rättighetsnamnen; konton visas som *SID (S-1-5-32-544 Administratörer, S-1-5-32-555 Fjärrskrivbordsanvändare, S-1-5-113 och S-1-5-114 lokala konton). Filen är Unicode: type konverterar den för findstr.',
        'nl-NL':
          'Exporteer de gebruikersrechten en lees de twee regels op hun rechtnamen; accounts staan er als *SID (S-1-5-32-544 Administrators, S-1-5-32-555 Gebruikers van Extern bureaublad, S-1-5-113 en S-1-5-114 lokale accounts). Het bestand is Unicode: type zet het om voor findstr.',
        'zh-TW':
          '匯出使用者權限，並依權限名稱讀取這兩行；帳戶會以 *SID 顯示（S-1-5-32-544 Administrators、S-1-5-32-555 遠端桌面使用者、S-1-5-113 與 S-1-5-114 本機帳戶）。檔案為 Unicode：用 type 轉換後再交給 findstr。',
      },
      commands: [
        { shell: 'cmd', code: 'secedit /export /areas USER_RIGHTS /cfg %TEMP%\\rights.inf' },
        {
          shell: 'cmd',
          code: 'type %TEMP%\\rights.inf | findstr /b /c:"SeRemoteInteractiveLogonRight" /c:"SeDenyRemoteInteractiveLogonRight"',
        },
      ],
    },
    {
      id: 'grant-logon-right',
      text: {
        'en-US':
          'Add the user to Remote Desktop Users (by its SID, S-1-5-32-555, so the group is found in every language), and remove the wrong entry from "Deny log on through Remote Desktop Services". When a Group Policy sets the right, change it in the policy: a local change is reverted at the next refresh (gpresult /h shows which policy wins).',
        'sv-SE':
          'Lägg till användaren i Fjärrskrivbordsanvändare (via SID, S-1-5-32-555, så att gruppen hittas på alla språk), och ta bort den felaktiga posten från "Neka inloggning via Fjärrskrivbordstjänster". När en grupprincip sätter rättigheten ändrar du den i principen: en lokal ändring återställs vid nästa uppdatering (gpresult /h visar vilken princip som vinner).',
        'nl-NL':
          'Voeg de gebruiker toe aan Gebruikers van Extern bureaublad (via de SID, S-1-5-32-555, zodat de groep in elke taal wordt gevonden), en verwijder de verkeerde vermelding uit "Aanmelden via Extern bureaublad-services weigeren". Als groepsbeleid het recht instelt, wijzig het dan in het beleid: een lokale wijziging wordt bij de volgende vernieuwing teruggedraaid (gpresult /h toont welk beleid wint).',
        'zh-TW':
          '將使用者加入 遠端桌面使用者（依 SID S-1-5-32-555，讓任何語言都找得到該群組），並從「拒絕透過遠端桌面服務登入」中移除錯誤的項目。若權限由群組原則設定，請在原則中變更：本機變更會在下次重新整理時被還原（gpresult /h 會顯示哪個原則優先）。',
      },
      commands: [
        {
          shell: 'powershell',
          code: "Add-LocalGroupMember -SID 'S-1-5-32-555' -Member '<user>'",
        },
        { shell: 'cmd', code: 'gpresult /h %TEMP%\\gpresult.html' },
      ],
    },
  ],
  sources: [
    { ...EVENT_4625, section: 'Table 12: Windows logon status codes' },
    { ...ALLOW_RIGHT, section: 'Default values' },
    { ...DENY_RIGHT, section: 'Reference' },
    {
      url: 'https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/secedit-export',
      title: 'secedit /export',
      section: 'Syntax',
    },
  ],
} satisfies ScenarioInput);
