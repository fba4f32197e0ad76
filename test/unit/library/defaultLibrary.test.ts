import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/domain/channels';
import { parseAnswersFile } from '../../../shared/library/answersFile';

const FILE = resolve(__dirname, '../../../resources/library/answers.yaml');

const SCENARIOS = [
  'negative-wave',
  'viral-complaint',
  'offensive-post',
  'employee-post',
  'hijacked-account',
  'data-leak',
  'service-outage',
  'holding-statement',
  'disgruntled-employee',
] as const;

function load() {
  const result = parseAnswersFile('answers.yaml', readFileSync(FILE, 'utf8'));
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.line ?? '?'}: ${i.path} ${i.message}`).join('\n'));
  return result.value;
}

describe('default answer library (resources/library/answers.yaml)', () => {
  it('parses and validates without issues', () => {
    const result = parseAnswersFile('answers.yaml', readFileSync(FILE, 'utf8'));
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('ships at least 30 answers with unique calma.answer.* ids', () => {
    const { answers } = load();
    expect(answers.length).toBeGreaterThanOrEqual(30);
    const ids = answers.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^calma\.answer\.[a-z0-9-]+$/);
  });

  it('titles every answer in both languages', () => {
    for (const a of load().answers) {
      expect(a.title.es.trim(), a.id).not.toBe('');
      expect(a.title.en.trim(), a.id).not.toBe('');
    }
  });

  it('has a non-empty text for every channel in both languages', () => {
    const { revisions } = load();
    for (const r of revisions) {
      for (const lang of ['es', 'en'] as const) {
        for (const channel of CHANNELS) {
          expect(r.texts[lang][channel]?.trim() ?? '', `${r.id} ${lang} ${channel}`).not.toBe('');
        }
      }
    }
  });

  it('starts every email with a subject line', () => {
    for (const r of load().revisions) {
      expect(r.texts.es.email, r.id).toMatch(/^Asunto: .+\n\n/);
      expect(r.texts.en.email, r.id).toMatch(/^Subject: .+\n\n/);
    }
  });

  it('covers every scenario with at least 3 answers', () => {
    const { answers } = load();
    for (const scenario of SCENARIOS) {
      const count = answers.filter((a) => a.scenarios.includes(scenario)).length;
      expect(count, scenario).toBeGreaterThanOrEqual(3);
    }
    for (const a of answers) for (const s of a.scenarios) expect(SCENARIOS, `${a.id} scenario ${s}`).toContain(s);
  });
});
