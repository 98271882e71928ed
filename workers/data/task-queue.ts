// Runs slow jobs (column profiles of a million-row table) one at a time, each in its own task,
// so the data worker answers row requests that arrive meanwhile between two jobs instead of
// after all of them: scrolling stays live while profiles fill in.
export class TaskQueue {
  private readonly jobs: (() => void)[] = [];
  private pumping = false;

  constructor(private readonly nextTask: (run: () => void) => void = (run) => setTimeout(run, 0)) {}

  run<T>(job: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.jobs.push(() => {
        try {
          resolve(job());
        } catch (error) {
          reject(error);
        }
      });
      if (!this.pumping) {
        this.pumping = true;
        this.nextTask(() => this.pump());
      }
    });
  }

  private pump(): void {
    const job = this.jobs.shift();
    if (job) job();
    if (this.jobs.length > 0) this.nextTask(() => this.pump());
    else this.pumping = false;
  }
}
