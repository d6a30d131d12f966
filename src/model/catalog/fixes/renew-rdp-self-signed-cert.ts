import { defineFix, type FixInput } from 'rdp-rescue';

/**
 * Seed: 'Cert:\LocalMachine\Remote Desktop\' + (Get-ChildItem ...).thumbprint, which breaks as
 * soon as the store holds two certificates, and removes CA-issued certificates too.
 */
export default defineFix({
  id: 'renew-rdp-self-signed-cert',
  command: 'Reset-RdpSelfSignedCertificate',
  scope: 'online',
  title: {
    'en-US': 'Renew the RDP self-signed certificate',
    'sv-SE': 'Förnya det självsignerade RDP-certifikatet',
    'nl-NL': 'Het zelfondertekende RDP-certificaat vernieuwen',
    'zh-TW': '更新 RDP 自我簽署憑證',
  },
  description: {
    'en-US':
      'Removes every self-signed certificate from the LocalMachine "Remote Desktop" store (certificates issued by a CA are left alone) and restarts the Remote Desktop Configuration service, which creates a new one.',
    'sv-SE':
      'Tar bort alla självsignerade certifikat från arkivet ”Remote Desktop” för LocalMachine (certifikat utfärdade av en certifikatutfärdare lämnas kvar) och startar om tjänsten Konfiguration av fjärrskrivbord, som skapar ett nytt.',
    'nl-NL':
      'Verwijdert elk zelfondertekend certificaat uit het LocalMachine-archief "Remote Desktop" (certificaten van een certificeringsinstantie blijven staan) en start de service Configuratie van Extern bureaublad opnieuw, die een nieuw certificaat maakt.',
    'zh-TW':
      '從 LocalMachine 的「Remote Desktop」存放區移除所有自我簽署憑證（由 CA 簽發的憑證會保留），並重新啟動遠端桌面設定服務，由它建立新的憑證。',
  },
  operations: [
    { kind: 'remove-self-signed-certificates', store: 'Remote Desktop' },
    { kind: 'service-restart', service: 'SessionEnv' },
  ],
  backup: {
    description: {
      'en-US':
        'The "Remote Desktop" certificate store is exported before any certificate is removed.',
      'sv-SE': 'Certifikatarkivet ”Remote Desktop” exporteras innan något certifikat tas bort.',
      'nl-NL':
        'Het certificaatarchief "Remote Desktop" wordt geëxporteerd voordat er een certificaat wordt verwijderd.',
      'zh-TW': '移除任何憑證之前，會先匯出「Remote Desktop」憑證存放區。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Imports the exported store again; the private keys were not deleted.',
      'sv-SE': 'Importerar det exporterade arkivet igen; de privata nycklarna togs inte bort.',
      'nl-NL':
        'Importeert het geëxporteerde archief opnieuw; de persoonlijke sleutels zijn niet verwijderd.',
      'zh-TW': '重新匯入已匯出的存放區；私密金鑰並未被刪除。',
    },
  },
  verify: {
    description: {
      'en-US':
        'The store holds a valid certificate again (event 1056 is logged when Windows creates it).',
      'sv-SE':
        'Arkivet innehåller ett giltigt certifikat igen (händelse 1056 loggas när Windows skapar det).',
      'nl-NL':
        'Het archief bevat weer een geldig certificaat (gebeurtenis 1056 wordt vastgelegd wanneer Windows het maakt).',
      'zh-TW': '存放區再次包含有效的憑證（Windows 建立憑證時會記錄事件 1056）。',
    },
    checks: ['rdp-cert-store'],
  },
  // A corrupted or missing RSA key (events 1057/1058, 36870): a new certificate brings a new key.
  neededWhenEvents: ['ev-rcm-cert', 'ev-schannel-key'],
  effects: { restartsServices: ['SessionEnv'], reboot: false },
  sources: [
    {
      article: 'event-id-troubleshoot',
      section: 'Scenario 1 / Renew RDP self-signed certificate',
      correction:
        'Removes each self-signed certificate by thumbprint instead of concatenating all thumbprints into one path, and keeps CA-issued certificates.',
    },
    {
      article: 'internal-error',
      section: 'Step 2: set correct permissions on the RDP self-signed certificate',
    },
  ],
} satisfies FixInput);
