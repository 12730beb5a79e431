import type { HidDeviceInfo, HidHandle, HidModule } from '../../../main/devices/hid-pos';

/**
 * A stand-in for node-hid: devices are plugged and unplugged by the test, and
 * open handles deliver whatever reports the test pushes.
 */
export class FakeHandle implements HidHandle {
  closed = false;
  private dataListeners: ((data: Buffer) => void)[] = [];
  private errorListeners: ((error: unknown) => void)[] = [];
  constructor(readonly path: string) {}
  on(event: 'data' | 'error', listener: ((data: Buffer) => void) | ((error: unknown) => void)): this {
    if (event === 'data') this.dataListeners.push(listener as (data: Buffer) => void);
    else this.errorListeners.push(listener as (error: unknown) => void);
    return this;
  }
  close(): void {
    this.closed = true;
  }
  push(bytes: Uint8Array): void {
    for (const l of this.dataListeners) l(Buffer.from(bytes));
  }
  fail(error: unknown): void {
    for (const l of this.errorListeners) l(error);
  }
}

export class FakeHid {
  plugged: HidDeviceInfo[] = [];
  handles: FakeHandle[] = [];
  /** Paths whose open() throws, with the error message. */
  refuse = new Map<string, string>();
  listError: string | null = null;

  readonly module: HidModule = {
    devices: () => {
      if (this.listError) throw new Error(this.listError);
      return this.plugged.map((d) => ({ ...d }));
    },
    HID: ((fake: FakeHid) =>
      class {
        constructor(path: string) {
          const refusal = fake.refuse.get(path);
          if (refusal) throw new Error(refusal);
          if (!fake.plugged.some((d) => d.path === path)) throw new Error('cannot open device with path ' + path);
          const handle = new FakeHandle(path);
          fake.handles.push(handle);
          return handle;
        }
      })(this) as unknown as HidModule['HID'],
  };

  plug(device: HidDeviceInfo): void {
    this.plugged.push(device);
  }

  /** Pulls the cable: open handles report a read error and the device leaves the list. */
  unplug(path: string): void {
    this.plugged = this.plugged.filter((d) => d.path !== path);
    for (const h of this.openHandles(path)) h.fail(new Error('could not read from HID device'));
  }

  openHandles(path: string): FakeHandle[] {
    return this.handles.filter((h) => h.path === path && !h.closed);
  }
}

export const HONEYWELL_1950: HidDeviceInfo = {
  vendorId: 0x0c2e,
  productId: 0x0db3,
  path: '/dev/hidraw3',
  manufacturer: 'Honeywell',
  product: 'Xenon 1950g',
  interface: 0,
  usagePage: 0x8c,
  usage: 0x02,
};
