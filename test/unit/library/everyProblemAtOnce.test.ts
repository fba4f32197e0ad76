import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseAnswersFile } from '../../../shared/library/answersFile';
import { parsePlaybooksFile } from '../../../shared/library/playbooksFile';
import { importLibraryFile } from '../../../renderer/src/features/library/importLibrary';
import { ANSWERS, PLAYBOOKS } from '../../../renderer/src/features/library/libraryKinds';
import { freshDb, mutateFor } from '../db/fixtures';

const AT = '2026-01-15T09:00:00Z';

/** An approved answer whose English X text and SMS text are given. */
function answer(id: string, en: { x?: string; sms?: string } = {}) {
  return {
    id,
    title: { es: id, en: id },
    variables: [{ name: 'hora', label: { es: 'Hora', en: 'Time' } }],
    createdAt: AT,
    createdBy: 'qa',
    revisions: [{ id: `${id}.r1`, number: 1, createdAt: AT, createdBy: 'qa', texts: { es: { x: 'Volvemos a las {{hora}}' }, en: { x: 'Back at {{hora}}', ...en } } }],
    approvals: [{ id: `${id}.ap`, revisionId: `${id}.r1`, by: 'lead', at: AT }],
  };
}

function playbook(id: string, stepIds: string[]) {
  return {
    id,
    title: { es: id, en: id },
    scenario: 'negative-wave',
    createdAt: AT,
    createdBy: 'qa',
    revisions: [{
      id: `${id}.r1`,
      number: 1,
      whenToUse: { es: 'Cuando', en: 'When' },
      severities: [],
      steps: stepIds.map((s) => ({ id: s, text: { es: 'Paso', en: 'Step' }, role: 'comms-lead', offsetMinutes: 0 })),
      createdAt: AT,
      createdBy: 'qa',
    }],
  };
}

/**
 * The QA pass's mixed file: two answers with problems only the whole file shows (a text over its
 * limit, a blank not declared) and one with a schema problem (a title that is a number). One
 * import must list the three, not the schema problem alone and the others on the next try.
 */
const mixed = stringify({
  format: 'calma.answers',
  version: 1,
  answers: [answer('qa.a', { x: 'w'.repeat(300) }), answer('qa.b', { sms: 'Hi {{nope}}' }), { ...answer('qa.f'), title: 7 }, answer('qa.e'), answer('qa.a')],
});

describe('one import lists every problem it can find', () => {
  it('reports the schema problems and the file-wide checks of every other entry together', () => {
    const result = parseAnswersFile('mixed.yaml', mixed);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.path, i.problem.code])).toEqual([
      ['answers[0].revisions[0].texts.en.x', 'overLimit'],
      ['answers[1].revisions[0].texts.en.sms', 'undeclaredBlank'],
      ['answers[2].title', 'wrongType'],
      ['answers[4].id', 'duplicateId'],
      ['answers[4].revisions[0].id', 'duplicateId'],
      ['answers[4].approvals[0].id', 'duplicateId'],
    ]);
    expect(result.issues[0]!.problem).toEqual({ code: 'overLimit', lang: 'en', channel: 'x', length: 300, limit: 280 });
    expect(result.issues[2]!.problem).toEqual({ code: 'wrongType', expected: 'object', received: 'number' });
    // Each where the author will look: the line of the field in the file.
    const lines = mixed.split('\n');
    for (const issue of result.issues) expect(lines[issue.line! - 1]).toContain(issue.path.split('.').pop()!.replace(/\[\d+\]$/, ''));
  });

  it('skips the file-wide checks of an entry that failed the schema, so it is reported once', () => {
    // Its over-limit text cannot be trusted: its revision number is not even a number.
    const broken = answer('qa.broken', { x: 'w'.repeat(300) });
    broken.revisions[0]!.number = 'one' as never;
    const result = parseAnswersFile('broken.yaml', stringify({ format: 'calma.answers', version: 1, answers: [broken] }));
    expect(result.ok ? [] : result.issues.map((i) => [i.path, i.problem.code])).toEqual([['answers[0].revisions[0].number', 'wrongType']]);
  });

  it('checks the entries even when the envelope is wrong', () => {
    const result = parseAnswersFile('v2.yaml', stringify({ format: 'calma.answers', version: 2, answers: [answer('qa.a', { x: 'w'.repeat(300) })] }));
    expect(result.ok ? [] : result.issues.map((i) => i.problem)).toEqual([
      { code: 'unsupportedVersion', supported: 1, found: '2' },
      { code: 'overLimit', lang: 'en', channel: 'x', length: 300, limit: 280 },
    ]);
  });

  it('does the same for playbooks: a schema problem and a duplicate step id in one refusal', () => {
    const text = stringify({
      format: 'calma.playbooks',
      version: 1,
      playbooks: [{ ...playbook('qa.p1', ['s1']), scenario: '' }, playbook('qa.p2', ['s1', 's2', 's1'])],
    });
    const result = parsePlaybooksFile('mixed-playbooks.yaml', text);
    expect(result.ok ? [] : result.issues.map((i) => [i.path, i.problem])).toEqual([
      ['playbooks[0].scenario', { code: 'textTooShort', minimum: 1 }],
      ['playbooks[1].revisions[0].steps[2].id', { code: 'duplicateStepId', id: 's1' }],
    ]);
  });

  it('refuses text the team server could not store, at its field, rather than at write time', () => {
    const text = JSON.stringify({ format: 'calma.answers', version: 1, answers: [answer('qa.a', { sms: 'Hola\u0000' })] }, null, 2);
    const result = parseAnswersFile('nul.json', text);
    expect(result.ok ? [] : result.issues.map((i) => [i.path, i.line, i.problem])).toEqual([
      ['answers[0].revisions[0].texts.en.sms', text.split('\n').findIndex((l) => l.includes('"sms"')) + 1, { code: 'unstorableText' }],
    ]);
  });

  it('writes nothing when any problem is found, for answers and playbooks', async () => {
    const db = freshDb();
    const mutate = mutateFor(db);
    const outcome = await importLibraryFile(ANSWERS, db, mutate, 'mixed.yaml', mixed);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues).toHaveLength(6);
    const playbooks = stringify({ format: 'calma.playbooks', version: 1, playbooks: [playbook('qa.ok', ['s1']), playbook('qa.dup', ['s1', 's1'])] });
    expect((await importLibraryFile(PLAYBOOKS, db, mutate, 'p.yaml', playbooks)).ok).toBe(false);
    expect(await db.answers.count()).toBe(0);
    expect(await db.playbooks.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('points a rewrite of stored history at its row in the file, as data', async () => {
    const db = freshDb();
    const mutate = mutateFor(db);
    const once = stringify({ format: 'calma.answers', version: 1, answers: [answer('qa.a')] });
    expect((await importLibraryFile(ANSWERS, db, mutate, 'once.yaml', once)).ok).toBe(true);
    const changed = answer('qa.a', { x: 'Another text at {{hora}}' });
    const text = stringify({ format: 'calma.answers', version: 1, answers: [answer('qa.new'), changed] });
    const outcome = await importLibraryFile(ANSWERS, db, mutate, 'rewrite.yaml', text);
    expect(outcome.ok ? [] : outcome.issues.map((i) => [i.path, i.line, i.problem])).toEqual([
      ['answers[1].revisions[0].id', text.split('\n').findIndex((l) => l.includes('id: qa.a.r1')) + 1, { code: 'rewritesHistory', kind: 'revision', id: 'qa.a.r1' }],
    ]);
    expect(await db.answers.get('qa.new')).toBeUndefined();
  });
});
