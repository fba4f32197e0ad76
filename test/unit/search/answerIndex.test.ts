import { describe, expect, it } from 'vitest';
import type { Answer, AnswerRevision, Approval } from '../../../shared/domain';
import { AnswerIndex, type AnswerQuery } from '../../../renderer/src/features/search/answerIndex';

function rows(id: string, title: string, es: string, en: string, opts: { approved?: boolean; expiresAt?: string | null; tags?: string[] } = {}) {
  const answer: Answer = { id, clock: {}, deleted: false, title: { es: title, en: title }, tags: opts.tags ?? [], scenarios: [], variables: [], createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'a' };
  const revision: AnswerRevision = { id: `${id}.r1`, answerId: id, number: 1, basedOn: null, texts: { es: { x: es }, en: en ? { sms: en } : {} }, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'a' };
  const approvals: Approval[] = opts.approved === false ? [] : [{ id: `${id}.a1`, subject: 'answer', subjectId: id, revisionId: revision.id, kind: 'approve', by: 'b', at: '2026-01-02T00:00:00.000Z', expiresAt: opts.expiresAt ?? null, note: '' }];
  return [answer, [revision], approvals] as const;
}

const q = (text: string, extra: Partial<AnswerQuery> = {}): AnswerQuery => ({
  text, filters: { channel: null, lang: null, status: null }, locale: 'es', limit: 50, now: Date.parse('2026-06-01T00:00:00Z'), ...extra,
});

function library() {
  const index = new AnswerIndex();
  index.upsert(...rows('a', 'Gestión de la crísis', 'Estamos revisando las respuestas', 'We are checking'));
  index.upsert(...rows('b', 'Caída del servicio', 'El servicio vuelve pronto', '', { tags: ['outage'] }));
  index.upsert(...rows('c', 'Borrador', 'Texto sin aprobar sobre la crisis', 'Draft', { approved: false }));
  index.upsert(...rows('d', 'Caducada', 'Un texto caducado', 'Expired', { expiresAt: '2026-03-01T00:00:00.000Z' }));
  return index;
}

const ids = (index: AnswerIndex, query: AnswerQuery) => index.query(query).hits.map((h) => h.id);

describe('the answer index', () => {
  it('ignores accents and case, and matches prefixes', () => {
    const index = library();
    expect(ids(index, q('crisis')).sort()).toEqual(['a', 'c']);
    expect(ids(index, q('CRÍSIS')).sort()).toEqual(['a', 'c']);
    expect(ids(index, q('respuesta'))).toEqual(['a']);
    expect(ids(index, q('caida'))).toEqual(['b']);
  });

  it('finds with a plural what the singular finds', () => {
    const index = library();
    expect(ids(index, q('servicios'))).toEqual(ids(index, q('servicio')));
    expect(ids(index, q('servicios'))).toEqual(['b']);
    expect(ids(index, q('respuestas'))).toEqual(['a']);
    expect(ids(index, q('textos caducados'))).toEqual(['d']);
  });

  it('ranks title and tag matches before text matches', () => {
    const index = library();
    expect(ids(index, q('crisis'))).toEqual(['a', 'c']);
    expect(ids(index, q('outage'))).toEqual(['b']);
  });

  it('lists everything sorted by title in the locale when there is no text', () => {
    expect(ids(library(), q(''))).toEqual(['c', 'd', 'b', 'a']);
  });

  it('filters by status, judging expiry at query time', () => {
    const index = library();
    expect(ids(index, q('', { filters: { channel: null, lang: null, status: 'expired' } }))).toEqual(['d']);
    expect(ids(index, q('', { filters: { channel: null, lang: null, status: 'draft' } }))).toEqual(['c']);
    expect(ids(index, q('', { now: Date.parse('2026-02-01T00:00:00Z'), filters: { channel: null, lang: null, status: 'expired' } }))).toEqual([]);
  });

  it('filters by channel and language together', () => {
    const index = library();
    expect(ids(index, q('', { filters: { channel: 'sms', lang: 'en', status: null } })).sort()).toEqual(['a', 'c', 'd']);
    expect(ids(index, q('', { filters: { channel: 'sms', lang: 'es', status: null } }))).toEqual([]);
    expect(ids(index, q('', { filters: { channel: null, lang: 'en', status: null } })).sort()).toEqual(['a', 'c', 'd']);
  });

  it('counts the whole list exactly but returns at most the limit', () => {
    const result = library().query(q('', { limit: 2 }));
    expect(result).toMatchObject({ total: 4, more: false });
    expect(result.hits).toHaveLength(2);
  });

  it('stops a broad text query once the page is full, and says there is more', () => {
    const index = new AnswerIndex();
    for (let i = 0; i < 300; i += 1) index.upsert(...rows(`r${i}`, `Respuesta ${i}`, 'texto', '', { approved: i % 2 === 0 }));
    expect(index.query(q('resp', { limit: 10 }))).toMatchObject({ total: 10, more: true });
    const drafts = index.query(q('resp', { limit: 200, filters: { channel: null, lang: null, status: 'draft' } }));
    expect(drafts).toMatchObject({ total: 150, more: false });
    expect(drafts.hits.every((h) => h.status === 'draft')).toBe(true);
    expect(index.query(q('resp', { limit: 149, filters: { channel: null, lang: null, status: 'draft' } }))).toMatchObject({ more: true });
    expect(index.query(q('respuesta 29', { limit: 50 })).hits[0]!.id).toBe('r29');
  });

  it('re-indexes an edited answer and forgets a deleted one', () => {
    const index = library();
    const [answer, revisions, approvals] = rows('b', 'Caída del servicio', 'Nuevo texto sobre facturas', '');
    index.upsert(answer, revisions, approvals);
    expect(ids(index, q('vuelve'))).toEqual([]);
    expect(ids(index, q('facturas'))).toEqual(['b']);
    index.upsert({ ...answer, deleted: true }, revisions, approvals);
    expect(ids(index, q('facturas'))).toEqual([]);
    expect(index.size).toBe(3);
  });
});
