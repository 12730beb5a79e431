import { useEffect, useState } from 'react';
import type { CertificateSettings, PrinterList } from '../../../preload/contract';
import { station } from '../station';

/** The OS printers and the station's chosen one, for printer pickers. */
export function usePrinters() {
  const [printers, setPrinters] = useState<PrinterList | null>(null);
  const [settings, setSettings] = useState<CertificateSettings | null>(null);
  useEffect(() => {
    void station.certificates.printers({}).then((r) => r.ok && setPrinters(r.value));
    void station.certificates.settings({}).then((r) => r.ok && setSettings(r.value));
  }, []);
  const names = printers?.printers.map((p) => p.name) ?? [];
  const preferred = settings?.printer && names.includes(settings.printer) ? settings.printer : (printers?.printers.find((p) => p.isDefault)?.name ?? names[0] ?? null);
  return { printers, settings, names, preferred, setSettings };
}
