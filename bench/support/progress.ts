import { SingleBar, Presets } from 'cli-progress';

/**
 * A progress bar on a terminal; on a pipe (CI logs) a line every 10%, so logs stay short.
 */
export class Progress {
  private readonly bar: SingleBar | null;
  private lastDecile = -1;
  private value = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {
    this.bar = process.stdout.isTTY
      ? new SingleBar(
          {
            format: `${label.padEnd(14)} [{bar}] {percentage}% | {value}/{total} | {duration}s`,
            hideCursor: true,
          },
          Presets.shades_classic,
        )
      : null;
    this.bar?.start(total, 0);
  }

  increment(by: number): void {
    this.value += by;
    if (this.bar) {
      this.bar.update(this.value);
      return;
    }
    const decile = Math.floor((this.value / this.total) * 10);
    if (decile > this.lastDecile && decile > 0 && decile < 10) {
      this.lastDecile = decile;
      console.log(
        `${this.label}: ${decile * 10}% (${this.value.toLocaleString('en-CA')}/${this.total.toLocaleString('en-CA')})`,
      );
    }
  }

  stop(): void {
    this.bar?.stop();
    if (!this.bar) {
      console.log(`${this.label}: 100% (${this.total.toLocaleString('en-CA')})`);
    }
  }
}
