import { EventEmitter } from 'node:events';

/**
 * Stand-ins for the few Electron objects the shell touches. Electron's binary
 * cannot run here, so the shell is exercised against these through
 * vi.mock('electron').
 */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame: FakeFrame;
  readonly sent: { channel: string; message: unknown }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;

  constructor(url = 'app://station/index.html') {
    super();
    this.mainFrame = { url, parent: null, processId: 7, routingId: this.id };
  }
  subFrame(url: string): FakeFrame {
    return { url, parent: this.mainFrame, processId: 7, routingId: 1000 + this.id };
  }
  send(channel: string, message?: unknown) {
    this.sent.push({ channel, message });
  }
  isDestroyed() {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  destroy() {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

/** An Electron navigation-style event: carries the URL and records whether it was refused. */
export function navigationEvent(url: string) {
  return { url, refused: false, preventDefault() { this.refused = true; } };
}

/** Emits `name` on the fake with a fresh event and says whether a listener refused it. */
export function refusedWhen(contents: EventEmitter, name: string, url: string): boolean {
  const event = navigationEvent(url);
  contents.emit(name, event, url);
  return event.refused;
}

/** A utilityProcess child: records posted messages; the test plays the core's side. */
export class FakeUtilityProcess extends EventEmitter {
  readonly posted: unknown[] = [];
  killed = false;
  constructor(
    readonly modulePath: string,
    readonly args: string[],
  ) {
    super();
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  kill() {
    this.killed = true;
    this.emit('exit', 143);
    return true;
  }
  /** The core answering as the real one would. */
  reply(message: unknown) {
    this.emit('message', message);
  }
  lastCall(): { id: number; op: string; request: unknown; connectionId: string } {
    const calls = this.posted.filter((m) => (m as { type: string }).type === 'call');
    return calls[calls.length - 1] as { id: number; op: string; request: unknown; connectionId: string };
  }
}

/** The `electron` module as the core host sees it: utilityProcess.fork makes fakes, kept in `forked` for the test. */
export function electronWithUtilityProcess(forked: FakeUtilityProcess[]) {
  return {
    utilityProcess: {
      fork: (modulePath: string, args: string[]) => {
        const child = new FakeUtilityProcess(modulePath, args);
        forked.push(child);
        return child;
      },
    },
  };
}
