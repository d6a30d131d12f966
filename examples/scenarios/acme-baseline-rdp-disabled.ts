import { defineScenario } from 'rdp-rescue';

// Acme's server security baseline (a GPO) turns Remote Desktop off on every server it reaches.
// The VMs of the jump-host OU are exempt, but a VM moved into the wrong OU gets the policy at
// the next refresh and nobody can connect. Local fDenyTSConnections=0 does not help: the
// policy value wins, so the check reads the effective value.
export default defineScenario({
  id: 'acme-baseline-rdp-disabled',
  title: { 'en-US': 'Acme server baseline turned Remote Desktop off' },
  summary: {
    'en-US':
      'The Acme server baseline GPO sets "Allow users to connect remotely by using Remote Desktop Services" to Disabled, so the VM refuses every RDP connection.',
  },
  symptoms: ['cannot-connect'],
  evidence: [
    {
      role: 'primary',
      check: {
        kind: 'registry-value',
        id: 'acme-baseline-deny-ts',
        key: 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server',
        name: 'fDenyTSConnections',
        firesWhen: { op: 'equals', value: 1 },
        policy: {
          key: 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services',
          name: 'fDenyTSConnections',
        },
      },
      finding: {
        'en-US': 'Remote Desktop connections are denied (fDenyTSConnections=1, policy first).',
      },
    },
  ],
  causes: [
    {
      'en-US':
        'The VM sits in an OU that the Acme server baseline applies to, and the baseline disables Remote Desktop.',
    },
  ],
  manualSteps: [
    {
      id: 'move-to-jump-host-ou',
      text: {
        'en-US':
          'Move the computer object into the jump-host OU (or add it to the ACME-RDP-Exempt group), then refresh Group Policy on the VM through Run Command or the Serial Console.',
      },
      commands: [{ shell: 'cmd', code: 'gpupdate /target:computer /force' }],
    },
  ],
  sources: [{ article: 'internal-error', section: 'Prepare a backup of the affected VM' }],
});
