/** The `source` of the imports that load the library shipped with Calma (not a person's file). */
export const SHIPPED_LIBRARY_SOURCE = 'calma:default-library';

/**
 * The stamp of every field of a shipped record: older than any edit anyone can make. Every machine
 * loads the same rows with the same stamp, so seeding never conflicts, and a team's edit of a
 * shipped answer or playbook always wins over a machine that seeds the library later. (New text
 * in a release arrives as new revisions, which are new rows.)
 */
export const SHIPPED_LIBRARY_HLC = '000000000000001-0000-calma-library';
