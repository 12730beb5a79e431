/**
 * Calls per second one desk may start: a token bucket. A desk over its rate
 * is not refused, its calls wait their turn (the link's queue, then its
 * socket, back up as with any slow answer), so a script hammering the hub
 * slows itself down and a nurse's desk never notices. Shared by all windows
 * of one paired desk, so opening more sockets buys no more.
 */
export class CallRate {
  private tokens: number;
  private at: number;

  constructor(
    readonly perSecond: number,
    readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.at = now();
  }

  /** Takes a token and returns 0, or returns how many ms until one is there (taking nothing). */
  take(): number {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) * this.perSecond) / 1000);
    this.at = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) * 1000) / this.perSecond);
  }
}
