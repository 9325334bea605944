/** The timeline of a deploy or rollback: each step with when it ended and how long it took. */
export interface TimelineEntry {
  step: string;
  detail: string;
  /** Since the command started. */
  atMs: number;
  durationMs: number;
}

export class Timeline {
  readonly entries: TimelineEntry[] = [];
  private readonly start: number;
  private last: number;

  constructor(private readonly now: () => number = () => performance.now()) {
    this.start = now();
    this.last = this.start;
  }

  mark(step: string, detail = ""): void {
    const t = this.now();
    this.entries.push({
      step,
      detail,
      atMs: Math.round(t - this.start),
      durationMs: Math.round(t - this.last),
    });
    this.last = t;
  }
}
