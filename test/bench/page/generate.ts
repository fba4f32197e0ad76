import type { LibraryRows } from '@shared/library/answersFile';
import { CHANNELS, type Channel } from '@shared/domain';

/** A small deterministic PRNG (mulberry32): every run generates the same library. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ES = ['respuesta', 'cliente', 'servicio', 'retraso', 'disculpa', 'información', 'actualización', 'crísis', 'cuenta', 'acceso', 'datos', 'publicación', 'comentario', 'queja', 'equipo', 'revisión', 'envío', 'pedido', 'factura', 'tienda', 'aplicación', 'seguridad', 'contraseña', 'incidencia', 'solución', 'atención', 'horario', 'reembolso', 'garantía', 'producto'];
const EN = ['answer', 'customer', 'service', 'delay', 'apology', 'information', 'update', 'crisis', 'account', 'access', 'data', 'post', 'comment', 'complaint', 'team', 'review', 'shipping', 'order', 'invoice', 'store', 'app', 'security', 'password', 'incident', 'fix', 'support', 'hours', 'refund', 'warranty', 'product'];
const SCENARIOS = ['negative-wave', 'viral-complaint', 'offensive-post', 'employee-post', 'hijacked-account', 'data-leak', 'service-outage', 'holding-statement'];

function sentence(next: () => number, words: string[], n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i += 1) out.push(words[Math.floor(next() * words.length)]!);
  const text = out.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

/** `count` answers, each with one revision (three channels per language) and one approval. */
export function generateLibrary(count: number, seed = 42, offset = 0): LibraryRows {
  const next = rng(seed + offset);
  const rows: LibraryRows = { answers: [], revisions: [], approvals: [] };
  for (let i = offset; i < offset + count; i += 1) {
    const id = `bench.answer.${i}`;
    const channels: Channel[] = [CHANNELS[i % 7]!, CHANNELS[(i + 2) % 7]!, CHANNELS[(i + 4) % 7]!];
    const es: Partial<Record<Channel, string>> = {};
    const en: Partial<Record<Channel, string>> = {};
    for (const c of channels) {
      es[c] = `${sentence(next, ES, 12)} ${sentence(next, ES, 10)}`;
      en[c] = `${sentence(next, EN, 12)} ${sentence(next, EN, 10)}`;
    }
    const created = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
    rows.answers.push({
      id,
      clock: {},
      deleted: false,
      title: { es: `${sentence(next, ES, 4)} ${i}`, en: `${sentence(next, EN, 4)} ${i}` },
      tags: [ES[i % ES.length]!, EN[i % EN.length]!],
      scenarios: [SCENARIOS[i % SCENARIOS.length]!],
      variables: [],
      createdAt: created,
      createdBy: 'bench',
    });
    rows.revisions.push({ id: `${id}.r1`, answerId: id, number: 1, basedOn: null, texts: { es, en }, createdAt: created, createdBy: 'bench' });
    rows.approvals.push({
      id: `${id}.a1`,
      subject: 'answer',
      subjectId: id,
      revisionId: `${id}.r1`,
      kind: 'approve',
      by: 'reviewer',
      at: created,
      expiresAt: i % 10 === 0 ? '2026-02-01T00:00:00.000Z' : null,
      note: '',
    });
  }
  return rows;
}
