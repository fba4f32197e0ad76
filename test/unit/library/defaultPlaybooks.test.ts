import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_ROLES, KNOWN_SCENARIOS } from '../../../shared/domain/roles';
import { parseAnswersFile } from '../../../shared/library/answersFile';
import { parsePlaybooksFile } from '../../../shared/library/playbooksFile';

const FILE = resolve(__dirname, '../../../resources/library/playbooks.yaml');
const ANSWERS_FILE = resolve(__dirname, '../../../resources/library/answers.yaml');

/** The situations the shipped library must cover, one playbook each. */
const REQUIRED_SCENARIOS = [
  'negative-wave',
  'viral-complaint',
  'offensive-post',
  'employee-post',
  'hijacked-account',
  'data-leak',
  'service-outage',
  'disgruntled-employee',
] as const;

const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
const HOUR = 60;
const DAY = 24 * HOUR;

function load() {
  const result = parsePlaybooksFile('playbooks.yaml', readFileSync(FILE, 'utf8'));
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.line ?? '?'}: ${i.path} ${i.message}`).join('\n'));
  return result.value;
}

function answerIds(): Set<string> {
  const result = parseAnswersFile('answers.yaml', readFileSync(ANSWERS_FILE, 'utf8'));
  if (!result.ok) throw new Error('resources/library/answers.yaml does not parse');
  return new Set(result.value.answers.map((a) => a.id));
}

type Library = ReturnType<typeof load>;

function revisionsOf(library: Library, playbookId: string) {
  return library.revisions.filter((r) => r.playbookId === playbookId);
}

describe('default playbook library (resources/library/playbooks.yaml)', () => {
  it('parses and validates without issues', () => {
    const result = parsePlaybooksFile('playbooks.yaml', readFileSync(FILE, 'utf8'));
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('ships one playbook per required scenario, with stable calma.playbook.<scenario> ids', () => {
    const { playbooks } = load();
    expect(playbooks.length).toBeGreaterThanOrEqual(8);
    const scenarios = playbooks.map((p) => p.scenario);
    for (const s of REQUIRED_SCENARIOS) expect(scenarios, s).toContain(s);
    expect(new Set(scenarios).size, 'one playbook per scenario').toBe(scenarios.length);
    for (const p of playbooks) {
      expect(KNOWN_SCENARIOS as readonly string[], p.id).toContain(p.scenario);
      expect(p.id).toBe(`calma.playbook.${p.scenario}`);
    }
  });

  it('uses unique ids, all under calma.playbook. and named after their playbook', () => {
    const { playbooks, revisions, approvals } = load();
    const ids = [
      ...playbooks.map((p) => p.id),
      ...revisions.map((r) => r.id),
      ...revisions.flatMap((r) => r.steps.map((s) => s.id)),
      ...approvals.map((a) => a.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^calma\.playbook\.[a-z0-9-]+(\.(r\d+|s\d{2}|a\d+))?$/);
    for (const r of revisions) {
      expect(r.id.startsWith(`${r.playbookId}.r`), r.id).toBe(true);
      r.steps.forEach((s, i) => expect(s.id, r.id).toBe(`${r.playbookId}.s${String(i + 1).padStart(2, '0')}`));
    }
    for (const a of approvals) expect(a.id.startsWith(`${a.subjectId}.a`), a.id).toBe(true);
  });

  it('writes every title, whenToUse, severity meaning and step in both languages', () => {
    const { playbooks, revisions } = load();
    for (const p of playbooks) {
      expect(p.title.es.trim(), p.id).not.toBe('');
      expect(p.title.en.trim(), p.id).not.toBe('');
    }
    for (const r of revisions) {
      for (const lang of ['es', 'en'] as const) {
        expect(r.whenToUse[lang].trim(), `${r.id} whenToUse ${lang}`).not.toBe('');
        for (const s of r.severities) expect(s.meaning[lang].trim(), `${r.id} ${s.level} ${lang}`).not.toBe('');
        for (const s of r.steps) expect(s.text[lang].trim(), `${s.id} ${lang}`).not.toBe('');
      }
    }
  });

  it('keeps step texts short Markdown: a bold first line, no headings', () => {
    for (const r of load().revisions) {
      for (const s of r.steps) {
        for (const lang of ['es', 'en'] as const) {
          const text = s.text[lang];
          expect(text, `${s.id} ${lang}`).toMatch(/^\*\*[^*\n]+\*\*\n/);
          expect(text, `${s.id} ${lang}`).not.toMatch(/^#/m);
          expect(text.length, `${s.id} ${lang}`).toBeLessThanOrEqual(450);
        }
      }
    }
  });

  it('describes all four severity levels for every playbook', () => {
    for (const r of load().revisions) {
      expect(r.severities.map((s) => s.level).sort(), r.id).toEqual([...SEVERITIES].sort());
    }
  });

  it('times each checklist across the incident, from the first minutes to the lessons learned', () => {
    const library = load();
    for (const p of library.playbooks) {
      const [revision] = revisionsOf(library, p.id);
      expect(revision, p.id).toBeDefined();
      const steps = revision!.steps;
      const offsets = steps.map((s) => s.offsetMinutes);
      expect(steps.length, p.id).toBeGreaterThanOrEqual(8);
      expect(offsets, `${p.id} offsets in file order`).toEqual([...offsets].sort((a, b) => a - b));
      expect(offsets[0], `${p.id} starts at once`).toBe(0);
      // A holding statement (or equivalent public/internal message) within the first half hour.
      expect(steps.some((s) => s.offsetMinutes <= 30 && s.answerIds.length > 0), `${p.id} answer by T+30`).toBe(true);
      // The first public answer to the community at two hours, with an approved answer linked.
      expect(steps.some((s) => s.offsetMinutes === 2 * HOUR && s.answerIds.length > 0), `${p.id} answer at T+2h`).toBe(true);
      // Every open question answered within 24 hours.
      expect(offsets, `${p.id} T+24h`).toContain(DAY);
      // Lessons learned and an update of the playbook about a week later.
      expect(offsets.some((o) => o >= 7 * DAY), `${p.id} T+7d`).toBe(true);
      expect(steps.at(-1)!.text.en, p.id).toMatch(/lessons learned/i);
      // Most steps are required, a few optional.
      expect(steps.filter((s) => s.required).length, p.id).toBeGreaterThan(steps.length / 2);
    }
  });

  it('assigns every step to a known role, and uses every known role somewhere', () => {
    const { revisions } = load();
    const used = new Set<string>();
    for (const r of revisions) {
      for (const s of r.steps) {
        expect(KNOWN_ROLES as readonly string[], s.id).toContain(s.role);
        used.add(s.role);
      }
    }
    expect([...used].sort()).toEqual([...KNOWN_ROLES].sort());
  });

  it('links only answers that exist in resources/library/answers.yaml', () => {
    const known = answerIds();
    for (const r of load().revisions) {
      for (const s of r.steps) {
        expect(new Set(s.answerIds).size, `${s.id} repeats an answer`).toBe(s.answerIds.length);
        for (const id of s.answerIds) expect(known.has(id), `${s.id} links unknown answer ${id}`).toBe(true);
      }
    }
  });

  it('ships each playbook reviewed and approved as a template that expires', () => {
    const library = load();
    for (const p of library.playbooks) {
      const [revision] = revisionsOf(library, p.id);
      expect(p.lastReviewedAt, p.id).not.toBeNull();
      const approval = library.approvals.find((a) => a.subjectId === p.id && a.revisionId === revision!.id && a.kind === 'approve');
      expect(approval, p.id).toBeDefined();
      expect(approval!.expiresAt, p.id).not.toBeNull();
      expect(Date.parse(approval!.expiresAt!), p.id).toBeGreaterThan(Date.parse(approval!.at));
      expect(Date.parse(approval!.at), p.id).toBeGreaterThanOrEqual(Date.parse(revision!.createdAt));
    }
  });
});
