import type { z } from 'zod';
import type { DomainTable } from './store';
import { answerMutations } from './answers';
import { incidentMutations } from './incidents';
import { peopleMutations } from './people';
import { playbookMutations } from './playbooks';

/** Every mutation Calma knows, by name. Later features add their families here. */
export const mutationSchemas = { ...answerMutations, ...playbookMutations, ...incidentMutations, ...peopleMutations } as const;

export type MutationName = keyof typeof mutationSchemas;
export type MutationArgs<N extends MutationName> = z.input<(typeof mutationSchemas)[N]>;
export type ParsedMutationArgs<N extends MutationName> = z.output<(typeof mutationSchemas)[N]>;

/** One row of the outbox: a mutation as it will be pushed to the team server, in order. */
export interface OutboxEntry<N extends MutationName = MutationName> {
  /** Per-device mutation number: strictly increasing, never reused, so a resend is applied once. */
  seq: number;
  id: string;
  name: N;
  args: ParsedMutationArgs<N>;
  hlc: string;
  deviceId: string;
  at: string;
  /** The rows it wrote on this device (kept locally, never sent): what to undo if the server refuses it. */
  touched?: { table: DomainTable; id: string }[];
}
