/**
 * A progress line on stderr: redrawn in place on a terminal; otherwise (a log file, CI) printed at
 * most once a second, so a long import neither floods a log nor looks stuck.
 */
export class ProgressDisplay {
  private lastPrint = 0;
  private readonly started = Date.now();

  constructor(private readonly stream: NodeJS.WritableStream, private readonly label: string, private readonly total: number) {}

  private get isTerminal(): boolean {
    return (this.stream as { isTTY?: boolean }).isTTY === true;
  }

  update(done: number, force = false): void {
    const now = Date.now();
    if (!force && now - this.lastPrint < (this.isTerminal ? 100 : 1000)) return;
    this.lastPrint = now;
    const line = this.format(done, now);
    this.stream.write(this.isTerminal ? `\r${line}\u001b[K` : `${line}\n`);
  }

  finish(done: number): void {
    this.update(done, true);
    if (this.isTerminal) this.stream.write('\n');
  }

  private format(done: number, now: number): string {
    const width = 24;
    const share = this.total > 0 ? Math.min(1, done / this.total) : 1;
    const filled = Math.round(share * width);
    const seconds = Math.max(0.001, (now - this.started) / 1000);
    const rate = Math.round(done / seconds);
    return `${this.label.padEnd(12)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en')}`
      + `/${this.total.toLocaleString('en')} (${Math.floor(share * 100)}%) ${rate.toLocaleString('en')}/s`;
  }
}
