import type { MutationName, ParsedMutationArgs } from '../mutations';
import type { MutationStore } from '../mutations/store';
import { answerMutators } from './answers';
import { incidentMutators } from './incidents';
import { peopleMutators } from './people';
import { playbookMutators } from './playbooks';

/**
 * What each mutation does to the rows, the same code on every device and on the team server, so a
 * mutation replayed there lands exactly as it did here. Later features add their families here.
 */
export const mutators = { ...answerMutators, ...playbookMutators, ...incidentMutators, ...peopleMutators } satisfies Record<
  MutationName,
  (store: MutationStore, args: never) => Promise<void>
>;

/** Applies one mutation whose arguments were already parsed with its schema. */
export function runMutator<N extends MutationName>(store: MutationStore, name: N, args: ParsedMutationArgs<N>): Promise<void> {
  return (mutators[name] as (store: MutationStore, args: ParsedMutationArgs<N>) => Promise<void>)(store, args);
}
