interface Waiting<J, R> {
  job: J;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Jobs of one key (a team) run one group at a time, in the order they arrived; keys run
 * independently of each other. Jobs that arrive while a group runs wait, and the next group takes
 * as many of them, from the front, as `fits` accepts (always at least one). `run` settles each job
 * of its group: its result, or the error that job alone gets.
 *
 * Waiting happens here, in memory, so a job holds nothing (a pooled database connection above all)
 * until its group's turn comes.
 */
export class GroupQueue<J, R> {
  private readonly waiting = new Map<string, Waiting<J, R>[]>();

  constructor(
    private readonly run: (key: string, jobs: readonly J[]) => Promise<PromiseSettledResult<R>[]>,
    /** Whether `next` may join `group` (which already holds the jobs before it). */
    private readonly fits: (group: readonly J[], next: J) => boolean,
  ) {}

  add(key: string, job: J): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.waiting.get(key);
      if (queue) {
        queue.push({ job, resolve, reject });
        return;
      }
      const fresh = [{ job, resolve, reject }];
      this.waiting.set(key, fresh);
      void this.drain(key, fresh);
    });
  }

  /** Jobs waiting for their turn, under every key (not those of the groups running). */
  get queued(): number {
    let n = 0;
    for (const queue of this.waiting.values()) n += queue.length;
    return n;
  }

  private async drain(key: string, queue: Waiting<J, R>[]): Promise<void> {
    while (queue.length > 0) {
      const group = [queue.shift()!];
      const jobs = [group[0]!.job];
      while (queue.length > 0 && this.fits(jobs, queue[0]!.job)) {
        const next = queue.shift()!;
        group.push(next);
        jobs.push(next.job);
      }
      let settled: PromiseSettledResult<R>[];
      try {
        settled = await this.run(key, jobs);
      } catch (error) {
        for (const waiting of group) waiting.reject(error);
        continue;
      }
      group.forEach((waiting, i) => {
        const outcome = settled[i];
        if (outcome?.status === 'fulfilled') waiting.resolve(outcome.value);
        else waiting.reject(outcome ? outcome.reason : new Error('the group settled fewer jobs than it was given'));
      });
    }
    // Same tick as the last check: a job added from now on starts a new drain.
    this.waiting.delete(key);
  }
}
