import { it } from 'vitest';
import { generatePeople } from '../../bench/page/generatePeople';
import { serializePeopleCsv, parsePeopleCsv } from '../../../shared/people/csv';
import { validateDraft } from '../../../shared/people/draft';
it('perf', () => {
  const people = generatePeople(10000);
  const text = serializePeopleCsv(people, { lang: 'es', directory: people });
  let t = performance.now();
  const parsed = parsePeopleCsv('x.csv', text);
  console.log('parse', (performance.now() - t).toFixed(1)); t = performance.now();
  for (const d of parsed.drafts) validateDraft(d, { file: 'x', defaultTimeZone: 'UTC' });
  console.log('validate', (performance.now() - t).toFixed(1)); t = performance.now();
  for (const d of parsed.drafts) validateDraft(d, { file: 'x', defaultTimeZone: 'UTC' });
  console.log('validate2', (performance.now() - t).toFixed(1)); t = performance.now();
  console.log(JSON.stringify(parsed.drafts[3]));
});
