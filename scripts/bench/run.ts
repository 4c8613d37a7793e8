/** One benchmark run: what to clean up however it ends, and whose output to show when it fails. */

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

export class BenchRun {
  readonly startedAt = Date.now();
  private readonly cleanUps: Array<() => unknown> = [];
  private readonly outputs: Array<[string, () => string]> = [];

  /** Run at the end, last registered first (the app stops before its database). */
  onCleanUp(cleanUp: () => unknown): void {
    this.cleanUps.push(cleanUp);
  }

  /** The last output of this process is printed if the run fails. */
  showOnFailure(name: string, output: () => string): void {
    this.outputs.push([name, output]);
  }

  elapsedSeconds(): number {
    return Math.round((Date.now() - this.startedAt) / 1000);
  }

  async execute(body: () => Promise<void>): Promise<void> {
    const onInterrupt = (): void => {
      void this.cleanUp().then(() => process.exit(130));
    };
    process.once('SIGINT', onInterrupt);
    try {
      await body();
    } catch (error) {
      for (const [name, output] of this.outputs) log(`--- last output of ${name}:\n${output().slice(-3000)}`);
      throw error;
    } finally {
      process.off('SIGINT', onInterrupt);
      await this.cleanUp();
    }
  }

  private async cleanUp(): Promise<void> {
    while (this.cleanUps.length > 0) {
      const cleanUp = this.cleanUps.pop();
      try {
        await cleanUp?.();
      } catch (error) {
        log(`clean-up: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
