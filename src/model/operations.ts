import { z } from 'zod';
import {
  ParameterRef,
  RegistryKey,
  RegistryType,
  RegistryValueName,
  ServiceName,
  Sid,
  Value,
  WindowsPath,
} from './platform.ts';
import { BcdDeleteValueOp } from './boot-entry.ts';
import { FirewallRuleEnableOp } from './firewall.ts';
import { ServiceLogonAccountOp } from './operations-service-logon.ts';

/**
 * Fix primitives: declarative, one kind each. Each kind has one backup strategy and one
 * inverse, defined in backup.ts, so no emitter can forget them.
 */

export const RegistrySetOp = z
  .object({
    kind: z.literal('registry-set'),
    key: RegistryKey,
    name: RegistryValueName,
    type: RegistryType,
    data: Value,
  })
  .strict();

export const RegistryDeleteOp = z
  .object({ kind: z.literal('registry-delete'), key: RegistryKey, name: RegistryValueName })
  .strict();

export const AclRights = z.enum(['F', 'M', 'RX', 'R']);
export type AclRights = z.infer<typeof AclRights>;

/** The access mask icacls writes for each simple right (FileSystemRights plus SYNCHRONIZE). */
export const ACL_RIGHTS_MASK: Record<AclRights, number> = {
  F: 0x1f01ff,
  M: 0x1301bf,
  RX: 0x1200a9,
  R: 0x120089,
};
export const AclGrantOp = z
  .object({
    kind: z.literal('acl-grant'),
    path: WindowsPath,
    grants: z.array(z.object({ sid: Sid, rights: AclRights }).strict()).min(1),
    /** Also apply to every file and folder below (icacls /t). */
    recurse: z.boolean(),
    /** Apply only to the files directly in the folder whose names start with this. */
    filesStartingWith: z
      .string()
      .regex(/^[A-Za-z0-9_.-]+$/)
      .optional(),
  })
  .strict();

export const TakeOwnershipOp = z
  .object({
    kind: z.literal('take-ownership'),
    path: WindowsPath,
    owner: Sid,
    recurse: z.boolean(),
  })
  .strict();

/**
 * Grants on the private key file of a certificate chosen at run time (its file name is known
 * only once the key is opened). Online only: the key belongs to the running machine.
 */
export const PrivateKeyGrantOp = z
  .object({
    kind: z.literal('private-key-grant'),
    /** LocalMachine store of the certificate. */
    store: z.literal('My'),
    /** The certificate, by the fix's thumbprint parameter. */
    thumbprint: ParameterRef,
    grants: z.array(z.object({ sid: Sid, rights: AclRights }).strict()).min(1),
  })
  .strict();

const RuntimeService = z.object({ runtime: z.literal('rdp-port-owner') }).strict();
export const ServiceTarget = z.union([ServiceName, RuntimeService]);

export const ServiceRestartOp = z
  .object({
    kind: z.literal('service-restart'),
    service: ServiceName,
    /** Restart only when this run stopped the service found holding the RDP port. */
    onlyAfterStopping: z.literal('rdp-port-owner').optional(),
  })
  .strict();
export const ServiceStartOp = z
  .object({ kind: z.literal('service-start'), service: ServiceName })
  .strict();
export const ServiceStopOp = z
  .object({
    kind: z.literal('service-stop'),
    /** A fixed service, or the service found holding the RDP port at run time. */
    service: ServiceTarget,
    /** Never stop these, whatever holds the port. */
    protect: z.array(ServiceName).default([]),
  })
  .strict();

export const ServiceStartTypeOp = z
  .object({
    kind: z.literal('service-start-type'),
    service: ServiceName,
    startType: z.enum(['automatic', 'manual', 'disabled']),
    /**
     * Write Services\<name>\Start directly. Needed for protected services (gpsvc) whose
     * configuration Set-Service and sc config are denied.
     */
    viaRegistry: z.boolean(),
  })
  .strict();

export const RemoveSelfSignedCertificatesOp = z
  .object({
    kind: z.literal('remove-self-signed-certificates'),
    /** LocalMachine store; only certificates whose subject equals their issuer are removed. */
    store: z.literal('Remote Desktop'),
  })
  .strict();

export const FirewallRulePortOp = z
  .object({
    kind: z.literal('firewall-rule-port'),
    /** Language-neutral rule Name (not DisplayName). */
    rule: z.string().regex(/^[A-Za-z0-9-]+$/),
    protocol: z.enum(['TCP', 'UDP']),
    port: z.union([z.number().int().min(1).max(65535), ParameterRef]),
  })
  .strict();

export const BcdSetOp = z
  .object({
    kind: z.literal('bcd-set'),
    /** {default} resolves inside the store itself, so no loader GUID is ever needed. */
    entry: z.enum(['{bootmgr}', '{default}', '{current}']),
    setting: z.enum(['displaybootmenu', 'timeout', 'bootems', 'ems']),
    value: z.string().regex(/^[A-Za-z0-9]+$/),
  })
  .strict();

export const BcdEmsSettingsOp = z
  .object({
    kind: z.literal('bcd-ems-settings'),
    port: z.number().int().min(1).max(4),
    baudRate: z.union([z.literal(9600), z.literal(19200), z.literal(57600), z.literal(115200)]),
  })
  .strict();

export const HiveLoadOp = z
  .object({
    kind: z.literal('hive-load'),
    hive: z.literal('SYSTEM'),
    /** Mount point under HKLM while the offline hive is loaded. */
    mountAs: z.string().regex(/^[A-Z][A-Z0-9_]+$/),
  })
  .strict();
export const HiveUnloadOp = z
  .object({ kind: z.literal('hive-unload'), mountAs: z.string().regex(/^[A-Z][A-Z0-9_]+$/) })
  .strict();

export const Operation = z.discriminatedUnion('kind', [
  RegistrySetOp,
  RegistryDeleteOp,
  AclGrantOp,
  TakeOwnershipOp,
  PrivateKeyGrantOp,
  ServiceRestartOp,
  ServiceStartOp,
  ServiceStopOp,
  ServiceStartTypeOp,
  ServiceLogonAccountOp,
  RemoveSelfSignedCertificatesOp,
  FirewallRulePortOp,
  BcdSetOp,
  BcdEmsSettingsOp,
  BcdDeleteValueOp,
  HiveLoadOp,
  HiveUnloadOp,
  FirewallRuleEnableOp,
]);
export type Operation = z.infer<typeof Operation>;
export type OperationKind = Operation['kind'];
export type OperationOf<K extends OperationKind> = Extract<Operation, { kind: K }>;
