/**
 * The core's line to whoever started it. Under Electron the core runs in a
 * utilityProcess and talks over `process.parentPort`; under plain Node (the
 * integration test, a developer poking at the core) it is a `child_process.fork`
 * child and talks over `process.send`. Both carry the same protocol messages.
 */
export interface ParentChannel {
  /** Resolves once the message has left this process, so a fatal report is not lost to an immediate exit. */
  send(message: unknown): Promise<void>;
  onMessage(listener: (message: unknown) => void): void;
  /** The host went away without saying shutdown (fork only; Electron ends a utility process with its parent). */
  onDisconnect(listener: () => void): void;
}

interface ParentPortLike {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

export function connectToHost(proc: NodeJS.Process = process): ParentChannel | null {
  const parentPort = (proc as unknown as { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    return {
      send: (message) => {
        parentPort.postMessage(message);
        return new Promise((resolve) => setImmediate(resolve));
      },
      onMessage: (listener) => parentPort.on('message', (e) => listener(e.data)),
      onDisconnect: () => {},
    };
  }
  const send = proc.send?.bind(proc);
  if (!send) return null;
  return {
    send: (message) =>
      new Promise((resolve) => {
        if (!proc.connected) return resolve();
        send(message as never, undefined, undefined, () => resolve());
      }),
    onMessage: (listener) => proc.on('message', listener),
    onDisconnect: (listener) => proc.on('disconnect', listener),
  };
}
