/**
 * What a script reads of the machine, as CMD syntax tree commands: the Reads that collects
 * them (each shared fact once), and the readers of the registry, services and event logs.
 */
export * from './reads.ts';
export * from './registry.ts';
export * from './services.ts';
export * from './events.ts';
export * from './user-rights.ts';
export * from './event-data.ts';
export * from './audit-policy.ts';
