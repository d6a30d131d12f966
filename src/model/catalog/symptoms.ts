import type { SymptomInput } from '../scenario.ts';

const symptoms: SymptomInput[] = [
  {
    id: 'cannot-connect',
    text: {
      'en-US': '"This computer can\'t connect to the remote computer" after entering credentials',
      'sv-SE':
        '”Datorn kan inte ansluta till fjärrdatorn” efter att du angett autentiseringsuppgifter',
      'nl-NL':
        '"Deze computer kan geen verbinding maken met de externe computer" na het invoeren van de referenties',
      'zh-TW': '輸入認證後出現「這部電腦無法連線到遠端電腦」',
    },
  },
  {
    id: 'internal-error',
    text: {
      'en-US': '"An internal error has occurred" when connecting',
      'sv-SE': '”Ett internt fel har inträffat” vid anslutning',
      'nl-NL': '"Er is een interne fout opgetreden" bij het verbinden',
      'zh-TW': '連線時出現「發生內部錯誤」',
    },
  },
  {
    id: 'stuck-configuring',
    text: {
      'en-US': 'The connection hangs at "Configuring remote session"',
      'sv-SE': 'Anslutningen fastnar vid ”Konfigurerar fjärrsession”',
      'nl-NL': 'De verbinding blijft hangen bij "Externe sessie configureren"',
      'zh-TW': '連線停在「正在設定遠端工作階段」',
    },
  },
  {
    id: 'no-response',
    text: {
      'en-US': 'The client gets no answer on the RDP port, or the connection is refused at once',
      'sv-SE': 'Klienten får inget svar på RDP-porten, eller så nekas anslutningen direkt',
      'nl-NL':
        'De client krijgt geen antwoord op de RDP-poort, of de verbinding wordt meteen geweigerd',
      'zh-TW': '用戶端在 RDP 連接埠上沒有回應，或連線立即被拒絕',
    },
  },
  {
    id: 'broker-farm-down',
    text: {
      'en-US':
        'Users of a Remote Desktop Services farm cannot connect through the Connection Broker',
      'sv-SE':
        'Användare i en Fjärrskrivbordstjänster-servergrupp kan inte ansluta via anslutningskoordinatorn',
      'nl-NL':
        'Gebruikers van een Extern bureaublad-servicesfarm kunnen geen verbinding maken via de Verbindingsbroker',
      'zh-TW': '遠端桌面服務伺服器陣列的使用者無法透過連線代理人連線',
    },
  },
  {
    id: 'remote-access-not-enabled',
    text: {
      'en-US':
        '"Remote Desktop can\'t connect to the remote computer for one of these reasons: remote access to the server is not enabled ..." before any credentials are asked for',
      'sv-SE':
        '”Fjärrskrivbord kan inte ansluta till fjärrdatorn av någon av följande orsaker: fjärråtkomst till servern är inte aktiverad ...” innan några autentiseringsuppgifter efterfrågas',
      'nl-NL':
        '"Extern bureaublad kan om een van de volgende redenen geen verbinding maken met de externe computer: externe toegang tot de server is niet ingeschakeld ..." voordat er om referenties wordt gevraagd',
      'zh-TW':
        '在要求認證之前就出現「遠端桌面因下列其中一個原因而無法連線到遠端電腦：未啟用伺服器的遠端存取…」',
    },
  },
  {
    id: 'authentication-error',
    text: {
      'en-US': '"An authentication error has occurred" when connecting',
      'sv-SE': '”Ett autentiseringsfel har inträffat” vid anslutning',
      'nl-NL': '"Er is een verificatiefout opgetreden" bij het verbinden',
      'zh-TW': '連線時出現「發生驗證錯誤」',
    },
  },
];

export default symptoms;
