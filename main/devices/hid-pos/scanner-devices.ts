import type { LayoutChoice } from './report-layouts';

/**
 * Which HID interfaces are barcode scanners the station should read. Pure.
 *
 * - Any interface on usage page 0x8C (HID POS "Bar Code Scanner") is one.
 * - A configured vendor/product ID pair adds scanners that announce a vendor
 *   page instead, but never their keyboard or mouse interfaces: a scanner in
 *   keyboard mode already types into the page, and reading it here too would
 *   deliver every scan twice.
 */
export const BARCODE_SCANNER_USAGE_PAGE = 0x8c;
const GENERIC_DESKTOP_PAGE = 0x01;
const KEYBOARD_USAGES = new Set([0x02, 0x06, 0x07]); // mouse, keyboard, keypad

/** What node-hid's devices() reports for one interface. */
export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  serialNumber?: string | undefined;
  manufacturer?: string | undefined;
  product?: string | undefined;
  interface?: number | undefined;
  usagePage?: number | undefined;
  usage?: number | undefined;
}

export interface ConfiguredScanner {
  vendorId: number;
  productId: number;
  /** Report layout for this model; 'auto' when not given. */
  layout?: LayoutChoice;
}

export interface ScannerCandidate {
  /** Stable while plugged in: the OS device path. */
  id: string;
  name: string;
  vendorId: number;
  productId: number;
  layout: LayoutChoice;
}

export function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

export function deviceName(info: HidDeviceInfo): string {
  const label = [info.manufacturer, info.product].map((s) => s?.trim()).filter(Boolean).join(' ');
  return label || `USB ${hex4(info.vendorId)}:${hex4(info.productId)}`;
}

export function selectScanners(devices: readonly HidDeviceInfo[], configured: readonly ConfiguredScanner[]): ScannerCandidate[] {
  const seen = new Set<string>();
  const out: ScannerCandidate[] = [];
  for (const info of devices) {
    if (!info.path || seen.has(info.path)) continue;
    const config = configured.find((c) => c.vendorId === info.vendorId && c.productId === info.productId);
    const posPage = info.usagePage === BARCODE_SCANNER_USAGE_PAGE;
    const keyboardLike = info.usagePage === GENERIC_DESKTOP_PAGE && KEYBOARD_USAGES.has(info.usage ?? -1);
    if (!posPage && !(config && !keyboardLike)) continue;
    seen.add(info.path);
    out.push({
      id: info.path,
      name: deviceName(info),
      vendorId: info.vendorId,
      productId: info.productId,
      layout: config?.layout ?? 'auto',
    });
  }
  return out;
}
