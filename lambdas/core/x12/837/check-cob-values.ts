/**
 * Element-level checks of the values the 2320/2330A/2330B/2430 loops write,
 * shared by the 837P and 837I value checks: names and addresses are written
 * upper case and may lose punctuation (`name`), identifiers must reach the
 * payer unchanged (`id`).
 */
import type { Claim } from '../../claim/model.js';
import { address, personName, type StateReport, type TextCheck } from './check-names.js';

export function checkCoordinationValues(claim: Claim, name: TextCheck, id: TextCheck, report: StateReport): void {
  (claim.otherCoverages ?? []).forEach((coverage, i) => {
    const at = `otherCoverages[${i}]`;
    id(coverage.groupNumber, { field: `${at}.groupNumber`, loop: '2320', element: 'SBR03', min: 1, max: 50 });
    if (coverage.groupNumber === undefined) name(coverage.groupName, { field: `${at}.groupName`, loop: '2320', element: 'SBR04', min: 1, max: 60 });
    personName(coverage.subscriber.name, `${at}.subscriber.name`, '2330A', name);
    id(coverage.subscriber.memberId, { field: `${at}.subscriber.memberId`, loop: '2330A', element: 'NM109', min: 2, max: 80 });
    if (coverage.subscriber.address) address(coverage.subscriber.address, `${at}.subscriber.address`, '2330A', name, report);
    const payer = coverage.payer;
    name(payer.name, { field: `${at}.payer.name`, loop: '2330B', element: 'NM103', min: 1, max: 60 });
    id(payer.payerId, { field: `${at}.payer.payerId`, loop: '2330B', element: 'NM109', min: 2, max: 80 });
    if (payer.address) address(payer.address, `${at}.payer.address`, '2330B', name, report);
    payer.secondaryIds?.forEach((secondary, k) =>
      id(secondary.value, { field: `${at}.payer.secondaryIds[${k}].value`, loop: '2330B REF', element: 'REF02', min: 1, max: 50 }),
    );
    id(payer.priorAuthorization, { field: `${at}.payer.priorAuthorization`, loop: '2330B REF*G1', element: 'REF02', min: 1, max: 50 });
    id(payer.referralNumber, { field: `${at}.payer.referralNumber`, loop: '2330B REF*9F', element: 'REF02', min: 1, max: 50 });
    id(payer.claimControlNumber, { field: `${at}.payer.claimControlNumber`, loop: '2330B REF*F8', element: 'REF02', min: 1, max: 50 });
  });
  claim.serviceLines.forEach((line, l) => {
    line.adjudications?.forEach((adjudication, k) => {
      name(adjudication.procedure?.description, { field: `serviceLines[${l}].adjudications[${k}].procedure.description`, loop: '2430', element: 'SVD03-7', min: 0, max: 80 });
    });
  });
}
