import type { Answer, AnswerRevision } from '../../../shared/domain';
import { CalmaDatabase } from '../../../renderer/src/db/database';
import { createMutate } from '../../../renderer/src/db/mutate';

let counter = 0;
/** A fresh, uniquely named database on fake-indexeddb. */
export function freshDb(): CalmaDatabase {
  counter += 1;
  return new CalmaDatabase(`test-${counter}-${Math.random().toString(36).slice(2)}`);
}

export function mutateFor(db: CalmaDatabase, now = () => new Date('2026-03-01T10:00:00Z')) {
  return createMutate(db, { actor: () => 'ana', now });
}

export function answerRows(id: string, text = 'Estamos revisando lo ocurrido.'): { answer: Answer; revision: AnswerRevision } {
  return {
    answer: {
      id,
      clock: {},
      deleted: false,
      title: { es: `Respuesta ${id}`, en: `Answer ${id}` },
      tags: ['prueba'],
      scenarios: ['holding-statement'],
      variables: [],
      createdAt: '2026-03-01T10:00:00.000Z',
      createdBy: 'ana',
    },
    revision: {
      id: `${id}.r1`,
      answerId: id,
      number: 1,
      basedOn: null,
      texts: { es: { x: text }, en: { x: 'We are looking into what happened.' } },
      createdAt: '2026-03-01T10:00:00.000Z',
      createdBy: 'ana',
    },
  };
}
