import { it } from 'vitest';
import { generatePeople } from '../../bench/page/generatePeople';
import { serializePeopleCsv } from '../../../shared/people/csv';
import { planImport, buildImport } from '../../../shared/people/importPlan';
import { freshDb, mutateFor } from '../db/fixtures';
it('perf', async () => {
  const people = generatePeople(10000);
  const text = serializePeopleCsv(people, { lang: 'es', directory: people });
  let t = performance.now();
  let n = 0;
  const plan = planImport({ file: 'x.csv', text, kind: 'csv', directory: [], defaultTimeZone: 'UTC', newId: () => `id${n++}` });
  console.log('plan', performance.now() - t, plan.errors.length, plan.duplicates.length); t = performance.now();
  const w = buildImport(plan);
  console.log('build', performance.now() - t); t = performance.now();
  const db = freshDb(); const mutate = mutateFor(db);
  await mutate('people.import', { source: 'x', create: w.create, update: w.update });
  console.log('mutate', performance.now() - t);
}, 120000);
