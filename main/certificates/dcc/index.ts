// The EU DCC codec, signer and verifier as the rest of the core uses them.
export { DCC_STAGES, type DccDecodeReport, type DccStage, type DecodedDcc, type StageOutcome, decodeHc1 } from './decode';
export { type DccVerifyReport, type VerifyOptions, verifyHc1 } from './verify';
export { type DccSigner, type SignedDcc, createDccSigner, signDcc } from './sign';
export { type IssuedVaccinationCertificate, issueVaccinationCertificate, newVietnamUvci } from './issue';
export { type TrustList, type TrustedSigner, createTrustList, kidOf, trustedSignerFromDer } from './trust-list';
export { type ProvisionalIdentity, createProvisionalIdentity } from './provisional';
export { type QrMatrix, toQrMatrix, toQrPng } from './qr';
export { checkDccSchema } from './schema';
