import type { MutationArgs } from '../../../../shared/mutations';

/** Small, valid arguments for the mutations the server tests push. */

const AT = '2026-03-01T10:00:00.000Z';

export const personArgs = (id: string, name = `Person ${id}`): MutationArgs<'person.create'> => ({ person: { id, name } });

export function answerArgs(id: string): MutationArgs<'answer.create'> {
  return {
    answer: { id, title: { es: `Respuesta ${id}`, en: `Answer ${id}` }, createdAt: AT, createdBy: 'test' },
    revision: { id: `${id}.r1`, answerId: id, number: 1, texts: { es: { x: 'Estamos en ello.' }, en: { x: 'We are on it.' } }, createdAt: AT, createdBy: 'test' },
  };
}

export function reviseArgs(answerId: string, number: number): MutationArgs<'answer.revise'> {
  return {
    revision: { id: `${answerId}.r${number}`, answerId, number, basedOn: `${answerId}.r${number - 1}`, texts: { es: { x: `Versión ${number}` }, en: { x: `Version ${number}` } }, createdAt: AT, createdBy: 'test' },
  };
}

export function approveArgs(answerId: string, revisionId: string, id = `${revisionId}.approval`): MutationArgs<'answer.approve'> {
  return { approval: { id, subject: 'answer', subjectId: answerId, revisionId, by: 'test', at: AT } };
}

export function declareArgs(id: string): MutationArgs<'incident.declare'> {
  return {
    incident: { id, title: `Incident ${id}`, severity: 'medium', status: 'declared', lead: { personId: null, name: 'Ana' }, declaredAt: AT, declaredBy: 'ana' },
    items: [],
    entry: { id: `${id}.declared`, incidentId: id, kind: 'declared', by: 'ana', at: AT },
  };
}

export function statusArgs(id: string, status: 'declared' | 'active' | 'monitoring' | 'resolved', entryId: string): MutationArgs<'incident.setStatus'> {
  return { id, status, entry: { id: entryId, incidentId: id, kind: 'status', status, by: 'ana', at: AT } };
}
