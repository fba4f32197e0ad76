import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { GroupQueue } from '../../../server/src/sync/groupQueue';

interface Job {
  key: string;
  n: number;
  size: number;
  fail?: boolean;
}

/** A queue whose groups are recorded, and that finish when the test says so. */
function recordingQueue(capacity = 10) {
  const groups: { key: string; jobs: number[] }[] = [];
  const running = new Map<string, number>();
  let overlap = false;
  const gates: (() => void)[] = [];
  const queue = new GroupQueue<Job, string>(
    async (key, jobs) => {
      if ((running.get(key) ?? 0) > 0) overlap = true;
      running.set(key, (running.get(key) ?? 0) + 1);
      groups.push({ key, jobs: jobs.map((j) => j.n) });
      await new Promise<void>((resolve) => gates.push(resolve));
      running.set(key, running.get(key)! - 1);
      return jobs.map((j) => (j.fail ? { status: 'rejected', reason: new Error(`job ${j.n} failed`) } : { status: 'fulfilled', value: `${key}:${j.n}` }));
    },
    (group, next) => group.reduce((n, j) => n + j.size, next.size) <= capacity,
  );
  const release = async () => {
    const open = gates.splice(0);
    for (const gate of open) gate();
    // Let the released groups settle and the next ones start.
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    return open.length;
  };
  return { queue, groups, release, overlap: () => overlap };
}

describe('GroupQueue', () => {
  it('runs the first job at once, then what waited meanwhile as one group, in arrival order', async () => {
    const { queue, groups, release } = recordingQueue();
    const answers = [1, 2, 3, 4].map((n) => queue.add('team', { key: 'team', n, size: 1 }));
    expect(groups).toEqual([{ key: 'team', jobs: [1] }]);
    expect(queue.queued).toBe(3);
    await release();
    expect(groups).toEqual([
      { key: 'team', jobs: [1] },
      { key: 'team', jobs: [2, 3, 4] },
    ]);
    await release();
    expect(await Promise.all(answers)).toEqual(['team:1', 'team:2', 'team:3', 'team:4']);
    expect(queue.queued).toBe(0);
  });

  it('stops a group at the first job that does not fit, and never reorders', async () => {
    const { queue, groups, release } = recordingQueue(10);
    const answers = [
      { n: 1, size: 1 },
      { n: 2, size: 6 },
      { n: 3, size: 6 },
      { n: 4, size: 1 },
      { n: 5, size: 20 },
      { n: 6, size: 1 },
    ].map((j) => queue.add('team', { key: 'team', ...j }));
    while ((await release()) > 0);
    expect(groups.map((g) => g.jobs)).toEqual([[1], [2], [3, 4], [5], [6]]);
    await Promise.all(answers);
  });

  it('runs keys independently, and settles each job of a group with its own outcome', async () => {
    const { queue, groups, release } = recordingQueue();
    const a = queue.add('a', { key: 'a', n: 1, size: 1 });
    const b = queue.add('b', { key: 'b', n: 2, size: 1, fail: true }).catch((error: Error) => `rejected: ${error.message}`);
    const c = queue.add('b', { key: 'b', n: 3, size: 1 });
    // b's second job waits for b's first; a's does not wait for anyone.
    expect(groups).toEqual([
      { key: 'a', jobs: [1] },
      { key: 'b', jobs: [2] },
    ]);
    while ((await release()) > 0);
    expect(await a).toBe('a:1');
    expect(await b).toBe('rejected: job 2 failed');
    expect(await c).toBe('b:3');
  });

  it('rejects every job of a group whose run throws, and goes on with the next group', async () => {
    let calls = 0;
    const queue = new GroupQueue<number, number>(
      async (_key, jobs) => {
        calls += 1;
        if (calls === 2) throw new Error('the database went away');
        return jobs.map((n) => ({ status: 'fulfilled', value: n * 10 }));
      },
      () => true,
    );
    const answers = [1, 2, 3].map((n) => queue.add('k', n).then((v) => `ok ${v}`, (e: Error) => `failed: ${e.message}`));
    expect(await Promise.all(answers)).toEqual(['ok 10', 'failed: the database went away', 'failed: the database went away']);
    expect(await queue.add('k', 4)).toBe(40);
  });

  it('rejects a job its group forgot to settle, rather than leaving it waiting forever', async () => {
    const queue = new GroupQueue<number, number>(async () => [], () => true);
    await expect(queue.add('k', 1)).rejects.toThrow(/settled fewer jobs/);
  });

  it('whatever arrives when, each key has one group running at a time and every job is answered once, in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ key: fc.constantFrom('a', 'b', 'c'), size: fc.integer({ min: 1, max: 12 }), releaseBefore: fc.boolean() }), { minLength: 1, maxLength: 40 }),
        async (arrivals) => {
          const { queue, groups, release, overlap } = recordingQueue(10);
          const answers: Promise<string>[] = [];
          for (const [n, arrival] of arrivals.entries()) {
            if (arrival.releaseBefore) await release();
            answers.push(queue.add(arrival.key, { key: arrival.key, n, size: arrival.size }));
          }
          while ((await release()) > 0);
          expect(await Promise.all(answers)).toEqual(arrivals.map((a, n) => `${a.key}:${n}`));
          expect(overlap()).toBe(false);
          // Per key, the groups together are the key's jobs in arrival order, each once.
          for (const key of ['a', 'b', 'c']) {
            const mine = arrivals.flatMap((a, n) => (a.key === key ? [n] : []));
            expect(groups.filter((g) => g.key === key).flatMap((g) => g.jobs)).toEqual(mine);
          }
          // A group over capacity is a single job that is alone too big.
          for (const group of groups) {
            const size = group.jobs.reduce((s, n) => s + arrivals[n]!.size, 0);
            if (size > 10) expect(group.jobs).toHaveLength(1);
          }
          expect(queue.queued).toBe(0);
        },
      ),
      { numRuns: 100 },
    );
  });
});
