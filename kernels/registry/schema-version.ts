// Version numbers of the registry's documents and of its backup file. Documents carry the
// schema version they were written with; older ones are upgraded on read (migrations.ts), newer
// ones are refused, so an old Tourney never half-understands a newer registry.

/** Schema of every registry document (experiment, registered model, version, aliases). */
export const REGISTRY_SCHEMA_VERSION = 2;

/** `registry.json`'s "format" in a registry folder and a `.tourney-registry` backup. */
export const REGISTRY_FORMAT = 'tourney-registry';

/** Layout of the backup zip / registry folder (file names, nesting), independent of the documents. */
export const REGISTRY_LAYOUT_VERSION = 1;

/** File extension of a backup. */
export const BACKUP_EXTENSION = '.tourney-registry';
