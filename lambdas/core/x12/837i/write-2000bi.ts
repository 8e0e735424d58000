/**
 * 2000B subscriber level (SBR, 2010BA subscriber, 2010BB payer) and, when the
 * patient is not the subscriber, the 2000C patient level (PAT, 2010CA) of the
 * 837I.
 *
 * 2010BA N3/N4/DMG are written only when the patient is the subscriber (the
 * guide makes them situational on exactly that). The 837I SBR has no SBR05
 * (insurance type): check837I refuses payer.insuranceTypeCode.
 */
import type { Claim, Patient } from '../../claim/model.js';
import { type LoopContext, required, writeAddress, writeDemographics, writeNm1 } from '../837/write-segments.js';

export function writeSubscriberLevel837I(ctx: LoopContext, hlId: number, parentId: number, claim: Claim): void {
  const { subscriber, payer, patient } = claim;
  const patientIsSubscriber = patient === undefined;
  ctx.w.segment('HL', String(hlId), String(parentId), '22', patientIsSubscriber ? '0' : '1');
  ctx.w.segment(
    'SBR',
    payer.responsibility,
    // SBR02 carries only 18 (self); any other relationship goes in PAT01.
    patientIsSubscriber ? '18' : undefined,
    subscriber.groupNumber,
    // SBR04 only when there is no group number (check837I refuses both).
    subscriber.groupNumber === undefined ? subscriber.groupName?.toUpperCase() : undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    payer.claimFilingIndicator,
  );

  writeNm1(
    ctx,
    '2010BA',
    'IL',
    { entity: 'person', last: subscriber.name.last, first: subscriber.name.first, middle: subscriber.name.middle, suffix: subscriber.name.suffix },
    { qualifier: 'MI', id: subscriber.memberId },
  );
  if (patientIsSubscriber) {
    if (subscriber.address) writeAddress(ctx, '2010BA', subscriber.address);
    if (subscriber.birthDate && subscriber.sex) writeDemographics(ctx, subscriber.birthDate, subscriber.sex);
  }
  // Guide order: REF*SY before REF*Y4.
  for (const qualifier of ['SY', 'Y4'] as const) {
    const secondary = subscriber.secondaryIds?.find((id) => id.qualifier === qualifier);
    if (secondary) ctx.w.segment('REF', qualifier, required(ctx, secondary.value, { loop: '2010BA', segmentId: 'REF', element: 'REF02', min: 1, max: 50 }));
  }

  writeNm1(ctx, '2010BB', 'PR', { entity: 'organization', last: payer.name }, { qualifier: 'PI', id: payer.payerId });
  if (payer.address) writeAddress(ctx, '2010BB', payer.address);
}

export function writePatientLevel837I(ctx: LoopContext, hlId: number, parentId: number, patient: Patient): void {
  ctx.w.segment('HL', String(hlId), String(parentId), '23', '0');
  ctx.w.segment('PAT', patient.relationship);
  // 2010CA NM108/NM109 are not used in 5010: the patient is identified through the subscriber.
  writeNm1(ctx, '2010CA', 'QC', { entity: 'person', last: patient.name.last, first: patient.name.first, middle: patient.name.middle, suffix: patient.name.suffix });
  writeAddress(ctx, '2010CA', patient.address);
  writeDemographics(ctx, patient.birthDate, patient.sex);
}
