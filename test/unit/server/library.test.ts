import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnswersFile, type LibraryRows } from '../../../shared/library/answersFile';
import { parsePlaybooksFile, type PlaybookRows } from '../../../shared/library/playbooksFile';
import { STORES, TestServer, type StoreKind } from './support/harness';
import { answerArgs, approveArgs } from './support/domain';

function shipped<T>(parse: (file: string, text: string) => { ok: true; value: T } | { ok: false }, file: string): T {
  const result = parse(file, readFileSync(new URL(`../../../resources/library/${file}`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(`${file} does not parse`);
  return result.value;
}
const answers = shipped<LibraryRows>(parseAnswersFile, 'answers.yaml');
const playbooks = shipped<PlaybookRows>(parsePlaybooksFile, 'playbooks.yaml');
const SOURCE = 'calma:default-library';

describe.each(STORES)('library imports on %s', (store: StoreKind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(store);
  });
  afterAll(() => server?.close());

  it('lets a responder seed the shipped library, and a second device seeding it changes nothing', async () => {
    expect(answers.approvals.length).toBeGreaterThan(0);
    const { teamId } = await server.team();
    const first = await server.join(teamId, 'responder');
    const second = await server.join(teamId, 'responder');
    expect(await first.run('library.import', { source: SOURCE, ...answers })).toMatchObject({ status: 'applied' });
    expect(await first.run('playbookLibrary.import', { source: SOURCE, ...playbooks })).toMatchObject({ status: 'applied' });
    const before = await first.pullAll();
    const teamVersion = before.pages.at(-1)!.teamVersion;

    server.clock += 60_000;
    const again = await second.push([second.mutation('library.import', { source: SOURCE, ...answers }), second.mutation('playbookLibrary.import', { source: SOURCE, ...playbooks })]);
    expect(again.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    // Nothing was rewritten: same team version, same rows.
    expect(again.body.teamVersion).toBe(teamVersion);
    const after = await second.pullAll();
    expect(after.rows).toEqual(before.rows);
    const expected = answers.answers.length + answers.revisions.length + answers.approvals.length + playbooks.playbooks.length + playbooks.revisions.length + playbooks.approvals.length;
    expect(after.rows.size).toBe(expected);
  });

  it('treats nobody as the author of a shipped revision, so a lead may approve it again', async () => {
    const { teamId } = await server.team();
    const responder = await server.join(teamId, 'responder');
    const lead = await server.join(teamId, 'lead');
    await lead.run('library.import', { source: SOURCE, ...answers });
    const revision = answers.revisions[0]!;
    expect(await lead.run('answer.approve', approveArgs(revision.answerId, revision.id, 'team.reapproval'))).toMatchObject({ status: 'applied' });
    expect(await responder.run('answer.approve', approveArgs(revision.answerId, revision.id, 'team.reapproval.2'))).toMatchObject({ status: 'refused' });
  });

  it('refuses a responder’s import that carries approvals of its own, and accepts one without', async () => {
    const { teamId } = await server.team();
    const responder = await server.join(teamId, 'responder');
    const { answer, revision } = answerArgs('imported');
    const approval = approveArgs('imported', 'imported.r1').approval;
    const withApproval = await responder.run('library.import', { source: 'file.yaml', answers: [answer], revisions: [revision], approvals: [approval] });
    expect(withApproval).toMatchObject({ status: 'refused', refusal: { code: 'forbidden', issues: [{ path: 'approvals.imported.r1.approval' }] } });
    expect((await responder.pullAll()).rows.size).toBe(0);
    // A shipped approval whose text was altered is not the shipped one.
    const forged = { ...answers.approvals[0]!, note: 'approved by me' };
    expect(await responder.run('library.import', { source: SOURCE, ...answers, approvals: [forged] })).toMatchObject({ status: 'refused', refusal: { code: 'forbidden' } });
    expect(await responder.run('library.import', { source: 'file.yaml', answers: [answer], revisions: [revision], approvals: [] })).toMatchObject({ status: 'applied' });
  });

  it('lets a lead import approvals, but not for a revision that lead wrote here', async () => {
    const { teamId } = await server.team();
    const lead = await server.join(teamId, 'lead');
    const a = answerArgs('from-file');
    expect(await lead.run('library.import', { source: 'file.yaml', answers: [a.answer], revisions: [a.revision], approvals: [approveArgs('from-file', 'from-file.r1').approval] })).toMatchObject({ status: 'applied' });

    await lead.run('answer.create', answerArgs('mine'));
    const self = await lead.run('library.import', { source: 'file.yaml', answers: [], revisions: [], approvals: [approveArgs('mine', 'mine.r1').approval] });
    expect(self).toMatchObject({ status: 'refused', refusal: { code: 'forbidden', message: /nobody approves a revision they wrote/ } });
  });

  it('refuses an import that would rewrite history, and keeps none of it', async () => {
    const { admin } = await server.team();
    await admin.run('library.import', { source: SOURCE, ...answers });
    const altered = { ...answers.revisions[0]!, texts: { es: { x: 'cambiado' }, en: { x: 'changed' } } };
    const result = await admin.run('library.import', { source: 'file.yaml', answers: [], revisions: [altered], approvals: [] });
    expect(result).toMatchObject({ status: 'refused', refusal: { code: 'conflict' } });
    expect((await admin.pullAll()).rows.get(`answerRevisions/${altered.id}`)).toEqual(answers.revisions[0]);
  });
});
