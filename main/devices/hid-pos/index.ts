export { createScannerWatcher } from './scanner-watcher';
export type { ScannerWatcher, ScannerWatcherOptions, ScannerEvent, ScannerStatus, ScannerDeviceStatus, ScannerRef, ScannerErrorCode } from './scanner-watcher';
export { selectScanners, BARCODE_SCANNER_USAGE_PAGE, type ConfiguredScanner, type HidDeviceInfo } from './scanner-devices';
export { decodeReport, type DecodedReport, type ReportChunk } from './decode-report';
export { BarcodeAssembler, type AssembledBarcode } from './barcode-assembler';
export { HONEYWELL_LAYOUT, LENGTH_PREFIXED_LAYOUT, detectLayout, type LayoutChoice, type ReportLayout } from './report-layouts';
export { loadNodeHid, type HidModule, type HidHandle, type HidLoad } from './load-node-hid';
