import { certificateQueries } from '../../../../db/queries/certificates';
import { certificateSourceQueries } from '../../../../db/queries/certificate-sources';
import type { Store } from '../../store';
import { AutoPrintOnRelease } from './auto-print';
import { CertificateBatch } from './batch';
import { CertificateSettingsService } from './certificate-settings';
import { CertificateIssuing } from './issuing';
import { CertificatePrinting } from './printing';
import { SigningKeys } from './signing-keys';
import { TrustStore } from './trust-store';
import { CertificateVerification } from './verification';

/** The certificate area of the core: keys, trust list, issuing, printing, verifying, batch and printing on release. */
export function createCertificateServices(store: Store) {
  const q = certificateQueries(store.db);
  const src = certificateSourceQueries(store.db);
  const settings = new CertificateSettingsService(store);
  const trust = new TrustStore(store, q);
  const keys = new SigningKeys(store, q, trust);
  const issuing = new CertificateIssuing(store, q, src, keys, settings);
  const printing = new CertificatePrinting(store, q, issuing, settings);
  const verification = new CertificateVerification(store, q, src, trust, issuing, settings);
  const batch = new CertificateBatch(store, keys, issuing, printing);
  const autoPrint = new AutoPrintOnRelease(store, src, settings, issuing, printing);
  return { settings, trust, keys, issuing, printing, verification, batch, autoPrint };
}
export type CertificateServices = ReturnType<typeof createCertificateServices>;
