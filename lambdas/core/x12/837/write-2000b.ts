/**
 * 2000B subscriber level (SBR, 2010BA subscriber, 2010BB payer) and, when the
 * patient is not the subscriber, the 2000C patient level (PAT, 2010CA).
 *
 * 2010BA N3/N4/DMG are written only when the patient is the subscriber: the
 * guide makes them situational on exactly that (X12 RFI 1496), and a receiver
 * may reject them otherwise.
 */
import type { Claim, Patient } from '../../claim/model.js';
import { upper } from '../writer.js';
import { type LoopContext, writeAddress, writeDemographics, writeNm1, writeRef } from './write-segments.js';

export function writeSubscriberLevel(ctx: LoopContext, hlId: number, parentId: number, claim: Claim): void {
  const { subscriber, payer, patient } = claim;
  const patientIsSubscriber = patient === undefined;
  ctx.w.segment('HL', String(hlId), String(parentId), '22', patientIsSubscriber ? '0' : '1');
  // SBR02 carries only 18 (self); the relationship of any other patient goes in PAT01.
  // SBR04 (group name) only when there is no SBR03 group number: the guide says not to send both.
  ctx.w.segment(
    'SBR',
    payer.responsibility,
    patientIsSubscriber ? '18' : undefined,
    subscriber.groupNumber,
    subscriber.groupNumber === undefined ? upper(subscriber.groupName) : undefined,
    payer.insuranceTypeCode,
    undefined,
    undefined,
    undefined,
    payer.claimFilingIndicator,
  );

  writeNm1(
    ctx,
    '2010BA',
    'IL',
    {
      entity: 'person',
      last: subscriber.name.last,
      first: subscriber.name.first,
      middle: subscriber.name.middle,
      suffix: subscriber.name.suffix,
    },
    { qualifier: 'MI', id: subscriber.memberId },
  );
  if (patientIsSubscriber) {
    // The claim model requires these when there is no separate patient; check837P reports their absence.
    if (subscriber.address) writeAddress(ctx, '2010BA', subscriber.address);
    if (subscriber.birthDate && subscriber.sex) writeDemographics(ctx, subscriber.birthDate, subscriber.sex);
  }
  // Guide order: REF*SY (social security number) before REF*Y4 (property and casualty claim number).
  for (const qualifier of ['SY', 'Y4'] as const) {
    const id = subscriber.secondaryIds?.find((candidate) => candidate.qualifier === qualifier);
    if (id) writeRef(ctx, '2010BA', qualifier, id.value);
  }

  writeNm1(ctx, '2010BB', 'PR', { entity: 'organization', last: payer.name }, { qualifier: 'PI', id: payer.payerId });
  if (payer.address) writeAddress(ctx, '2010BB', payer.address);
}

export function writePatientLevel(ctx: LoopContext, hlId: number, parentId: number, patient: Patient): void {
  ctx.w.segment('HL', String(hlId), String(parentId), '23', '0');
  ctx.w.segment('PAT', patient.relationship);
  // 2010CA NM108/NM109 are not used in 5010: the patient is identified through the subscriber.
  writeNm1(ctx, '2010CA', 'QC', {
    entity: 'person',
    last: patient.name.last,
    first: patient.name.first,
    middle: patient.name.middle,
    suffix: patient.name.suffix,
  });
  writeAddress(ctx, '2010CA', patient.address);
  writeDemographics(ctx, patient.birthDate, patient.sex);
}
