import type { CertificateSettings } from '../../../../preload/contract';
import type { Actor, Store } from '../../store';

const KEYS = {
  autoPrintOnRelease: 'certificates.autoPrintOnRelease',
  printer: 'certificates.printer',
  paper: 'certificates.paper',
} as const;

/**
 * Certificate printing settings, stored as rows of the station's settings
 * table. Printing on release is on by default: the certificate is ready when
 * the citizen reaches the door, and a station with no printer chosen yet says
 * so instead of printing.
 */
export class CertificateSettingsService {
  constructor(private readonly store: Store) {}

  get(): CertificateSettings {
    const { settings } = this.store.q;
    const paper = settings.get(KEYS.paper);
    return {
      autoPrintOnRelease: settings.get(KEYS.autoPrintOnRelease) !== 'false',
      printer: settings.get(KEYS.printer) || null,
      paper: paper === 'A6' ? 'A6' : 'A5',
    };
  }

  update(actor: Actor, patch: Partial<CertificateSettings>): CertificateSettings {
    const before = this.get();
    const after = { ...before, ...patch };
    this.store.write(actor, (w) => {
      if (patch.autoPrintOnRelease !== undefined) w.q.settings.put(KEYS.autoPrintOnRelease, String(patch.autoPrintOnRelease));
      if (patch.printer !== undefined) w.q.settings.put(KEYS.printer, patch.printer ?? '');
      if (patch.paper !== undefined) w.q.settings.put(KEYS.paper, patch.paper);
      w.audit('certificates:updateSettings', 'setting', null, before, after);
    });
    return after;
  }
}
