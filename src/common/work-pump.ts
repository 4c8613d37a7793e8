import { runAsSystem } from '../database/rls/db-context';

/**
 * The passes of one background worker (event dispatch, webhook sends): a kick while a pass runs asks
 * for one more pass after it instead of a second one beside it, and the work a pass starts is tracked
 * so that shutdown can wait for it.
 */
export class WorkPump {
  /** The pass in progress; resolves with the error it stopped on, if any. */
  private pass: Promise<unknown> | undefined;
  private again = false;
  private stopped = false;
  private readonly inFlight = new Set<Promise<void>>();

  /**
   * @param runPass one pass; resolves true when it knows more is due right now (a full batch).
   * @param onError a pass that threw (most likely the database is away): the next kick tries again.
   */
  constructor(
    private readonly runPass: () => Promise<boolean>,
    private readonly onError: (error: unknown) => void,
  ) {}

  get stopping(): boolean {
    return this.stopped;
  }

  /** Work started by passes and not settled yet. */
  get busy(): number {
    return this.inFlight.size;
  }

  /** Look for work now; coalesces with a pass in progress. */
  kick(): void {
    if (this.stopped) return;
    if (this.pass) {
      this.again = true;
      return;
    }
    this.pass = this.loop().finally(() => {
      this.pass = undefined;
      if (this.again) this.kick();
    });
  }

  /**
   * A kick for a scheduled job: resolves once the pass it started or joined is over, and throws what
   * that pass failed on (so the job counts as failed and is retried).
   */
  async kickAndWait(): Promise<void> {
    this.kick();
    const failure = await this.pass;
    if (failure instanceof Error) throw failure;
    if (failure !== undefined) throw new Error('The pass failed');
  }

  /** Tracks work a pass started; `settled` runs once it is done (e.g. to kick when a batch was full). */
  track(work: Promise<void>, settled?: () => void): void {
    const running: Promise<void> = work.finally(() => {
      this.inFlight.delete(running);
      settled?.();
    });
    this.inFlight.add(running);
  }

  /** No new passes; waits for the one in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.pass;
  }

  /** Waits for the tracked work to settle. */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private async loop(): Promise<unknown> {
    try {
      do {
        this.again = false;
        // Background work acts for nobody: the system's database context, whoever kicked the pump.
        if (await runAsSystem(() => this.runPass())) this.again = true;
      } while (this.again && !this.stopped);
      return undefined;
    } catch (error) {
      this.onError(error);
      return error ?? new Error('Pass failed');
    }
  }
}
