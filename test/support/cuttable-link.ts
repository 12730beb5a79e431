import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * The network between a desk and the hub, as a TCP relay the test can cut:
 * it listens on another loopback address with the hub's port and passes
 * bytes both ways. `cutAfterNextCall` lets the desk's next message through
 * and cuts the link the moment the hub starts answering, so the hub has done
 * the work and the desk never hears it. `hold` keeps new connections waiting
 * (the network is still down) until `release`.
 */
export class CuttableLink {
  private server: Server | null = null;
  private readonly pairs = new Set<{ desk: Socket; hub: Socket }>();
  private readonly held: Socket[] = [];
  private holding = false;
  private armed: { state: 'armed' | 'sent'; cut: () => void; pair?: { desk: Socket; hub: Socket } } | null = null;

  constructor(
    private readonly listenHost: string,
    private readonly target: { host: string; port: number },
  ) {}

  async start(): Promise<void> {
    this.server = createServer((desk) => {
      desk.on('error', () => {});
      if (this.holding) {
        desk.pause();
        this.held.push(desk);
        return;
      }
      this.join(desk);
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.target.port, this.listenHost, () => resolve());
    });
  }

  get address(): string {
    return `${this.listenHost}:${this.target.port}`;
  }

  /** Resolves once the link was cut: after the desk's next message reached the hub and the hub began to answer. */
  cutAfterNextCall(): Promise<void> {
    return new Promise((resolve) => {
      this.armed = { state: 'armed', cut: resolve };
    });
  }

  hold(): void {
    this.holding = true;
  }

  release(): void {
    this.holding = false;
    for (const desk of this.held.splice(0)) {
      if (!desk.destroyed) this.join(desk);
    }
  }

  cutAll(): void {
    for (const p of this.pairs) {
      p.desk.destroy();
      p.hub.destroy();
    }
    this.pairs.clear();
  }

  async stop(): Promise<void> {
    this.cutAll();
    for (const d of this.held.splice(0)) d.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private join(desk: Socket): void {
    const hub = connect(this.target.port, this.target.host);
    const pair = { desk, hub };
    this.pairs.add(pair);
    hub.on('error', () => desk.destroy());
    desk.on('close', () => {
      hub.destroy();
      this.pairs.delete(pair);
    });
    hub.on('close', () => desk.destroy());
    desk.on('data', (chunk) => {
      if (this.armed?.state === 'armed') {
        this.armed.state = 'sent';
        this.armed.pair = pair;
      }
      hub.write(chunk);
    });
    hub.on('data', (chunk) => {
      if (this.armed?.state === 'sent' && this.armed.pair === pair) {
        const { cut } = this.armed;
        this.armed = null;
        // The hub's answer (or the events of what it just did) never reaches the desk.
        this.holding = true;
        desk.destroy();
        hub.destroy();
        cut();
        return;
      }
      desk.write(chunk);
    });
    desk.resume();
  }
}
