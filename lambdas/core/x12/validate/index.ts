/**
 * The implementation-guide validator: `validateX12(text)` -> findings, and
 * `claimsWithErrors(report)` -> the claims (CLM01 within ST02/GS06) the
 * findings condemn. See docs/x12-validate.md.
 */
export { validateX12 } from './validate.js';
export { claimsWithErrors, fileLevelErrors, type ClaimErrors } from './claims.js';
export { FINDING, type FindingCode, type ValidationFinding, type ValidationReport, type TransactionSummary, type ClaimRef, type Severity } from './findings.js';
