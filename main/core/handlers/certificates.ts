import type { certificatesOps } from '../../../preload/contract';
import { siteToday } from '../clock';
import { SUPERVISOR, type Handlers } from '../handler-types';
import type { Services } from '../services';

type CertificatesOps = keyof typeof certificatesOps;

/**
 * Nurses issue, preview and print for citizens released today, and verify any
 * certificate; supervisors also manage the signing key and the trust list,
 * reissue, run the day's batch and link national certificates.
 */
export function certificatesHandlers(s: Services): Handlers<CertificatesOps> {
  const c = s.certificates;
  return {
    'certificates:status': { access: 'signed-in', run: () => c.keys.status() },
    'certificates:createSigningKey': { access: SUPERVISOR, run: (req, scope) => c.keys.create(scope.actor, req) },
    'certificates:unlockSigning': { access: SUPERVISOR, run: (req) => c.keys.unlock(req.passphrase) },
    'certificates:exportCsr': { access: SUPERVISOR, run: () => c.keys.exportCsr() },
    'certificates:importSignerCertificate': { access: SUPERVISOR, run: (req, scope) => c.keys.importNational(scope.actor, req.certificate) },
    'certificates:trustList': { access: SUPERVISOR, run: () => c.trust.list() },
    'certificates:addTrusted': { access: SUPERVISOR, run: (req, scope) => c.trust.add(scope.actor, req.certificate, req.label) },
    'certificates:removeTrusted': {
      access: SUPERVISOR,
      run: (req, scope) => {
        c.trust.remove(scope.actor, req.id);
        return { done: true as const };
      },
    },

    'certificates:forCitizen': { access: 'signed-in', run: (req) => c.issuing.forCitizen(req.citizenId) },
    'certificates:issueForCitizen': {
      access: 'signed-in',
      run: (req, scope) => c.issuing.issue(scope.actor, req.citizenId, { requireRelease: scope.actor.role === 'nurse' }),
    },
    'certificates:reissue': { access: SUPERVISOR, run: (req, scope) => c.issuing.reissue(scope.actor, req.certificateId) },
    'certificates:list': { access: 'signed-in', run: (req) => c.issuing.list(req.date ?? siteToday(s.store.clock)) },
    'certificates:pending': { access: 'signed-in', run: () => c.issuing.pending() },
    'certificates:preview': { access: 'signed-in', run: (req) => c.printing.preview(req.certificateId) },
    'certificates:printers': { access: 'signed-in', run: () => c.printing.printers() },
    'certificates:print': {
      access: 'signed-in',
      run: (req, scope) => c.printing.print(scope.actor, req.certificateId, { printer: req.printer, trigger: 'manual' }),
    },
    'certificates:batch': { access: SUPERVISOR, run: (req, scope) => c.batch.run(scope.actor, req) },
    'certificates:settings': { access: 'signed-in', run: () => c.settings.get() },
    'certificates:updateSettings': { access: SUPERVISOR, run: (req, scope) => c.settings.update(scope.actor, req) },

    'certificates:verify': { access: 'signed-in', run: (req) => c.verification.verify(req.hc1) },
    'certificates:importDoses': { access: 'signed-in', run: (req, scope) => c.verification.importDoses(scope.actor, req.hc1, req.citizenId) },
    'certificates:importNational': { access: SUPERVISOR, run: (req, scope) => c.verification.importNational(scope.actor, req.hc1, req.citizenId) },
  };
}
