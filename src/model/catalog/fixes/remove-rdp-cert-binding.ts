import { defineFix, type FixInput } from 'rdp-rescue';

export default defineFix({
  id: 'remove-rdp-cert-binding',
  command: 'Remove-RdpCertificateBinding',
  scope: 'online',
  title: {
    'en-US': 'Remove the configured RDP certificate thumbprint',
    'sv-SE': 'Ta bort det konfigurerade tumavtrycket för RDP-certifikatet',
    'nl-NL': 'De geconfigureerde vingerafdruk van het RDP-certificaat verwijderen',
    'zh-TW': '移除已設定的 RDP 憑證指紋',
  },
  description: {
    'en-US':
      'Deletes SSLCertificateSHA1Hash from the RDP-Tcp listener so that RDP falls back to its self-signed certificate, then restarts Remote Desktop Services.',
    'sv-SE':
      'Tar bort SSLCertificateSHA1Hash från lyssnaren RDP-Tcp så att RDP återgår till sitt självsignerade certifikat och startar sedan om Fjärrskrivbordstjänster.',
    'nl-NL':
      'Verwijdert SSLCertificateSHA1Hash van de listener RDP-Tcp zodat RDP terugvalt op het zelfondertekende certificaat en start daarna Extern bureaublad-services opnieuw.',
    'zh-TW':
      '從 RDP-Tcp 接聽程式刪除 SSLCertificateSHA1Hash，讓 RDP 改用自我簽署憑證，然後重新啟動遠端桌面服務。',
  },
  operations: [
    {
      kind: 'registry-delete',
      key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp',
      name: 'SSLCertificateSHA1Hash',
    },
    { kind: 'service-restart', service: 'TermService' },
  ],
  backup: {
    description: {
      'en-US': 'The current SSLCertificateSHA1Hash value is saved.',
      'sv-SE': 'Det aktuella värdet för SSLCertificateSHA1Hash sparas.',
      'nl-NL': 'De huidige waarde van SSLCertificateSHA1Hash wordt opgeslagen.',
      'zh-TW': '會儲存目前的 SSLCertificateSHA1Hash 值。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Writes the saved thumbprint back.',
      'sv-SE': 'Skriver tillbaka det sparade tumavtrycket.',
      'nl-NL': 'Schrijft de opgeslagen vingerafdruk terug.',
      'zh-TW': '寫回已儲存的指紋。',
    },
  },
  verify: {
    description: {
      'en-US': 'No thumbprint is configured that points at a missing or expired certificate.',
      'sv-SE':
        'Inget tumavtryck som pekar på ett saknat eller utgånget certifikat är konfigurerat.',
      'nl-NL':
        'Er is geen vingerafdruk meer ingesteld die naar een ontbrekend of verlopen certificaat wijst.',
      'zh-TW': '不再設定指向遺失或過期憑證的指紋。',
    },
    checks: ['rdp-cert-binding'],
  },
  effects: { restartsServices: ['TermService'], reboot: false },
  sources: [
    { article: 'event-id-troubleshoot', section: 'Scenario 1 / Update TLS/SSL certificate' },
  ],
} satisfies FixInput);
