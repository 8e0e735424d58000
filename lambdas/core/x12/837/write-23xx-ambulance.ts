/**
 * Ambulance transport: CR1 and CRC*07 inside 2300 (between NTE and HI), and
 * the 2310E pick-up and 2310F drop-off location loops after 2310D.
 */
import type { Ambulance } from '../../claim/model.js';
import { type LoopContext, required, toX12Decimal, writeAddress } from './write-segments.js';

export function writeAmbulanceTransport(ctx: LoopContext, ambulance: Ambulance): void {
  const text = (value: string | undefined, element: string) =>
    value === undefined ? undefined : required(ctx, value, { loop: '2300', segmentId: 'CR1', element, max: 80 }, { upper: true });
  const weighed = ambulance.weightPounds !== undefined;
  ctx.w.segment(
    'CR1',
    weighed ? 'LB' : undefined, // CR101/CR102 go together (syntax P0102).
    weighed ? String(ambulance.weightPounds) : undefined,
    undefined,
    ambulance.transportReason,
    'DH', // CR105: miles.
    toX12Decimal(ambulance.distanceMiles),
    undefined,
    undefined,
    text(ambulance.roundTripPurpose, 'CR109'),
    text(ambulance.stretcherPurpose, 'CR110'),
  );
  for (const certification of ambulance.certifications ?? []) {
    ctx.w.segment('CRC', '07', certification.conditionIndicator, ...certification.conditionCodes);
  }
}

/** 2310E pick-up (NM1*PW, no name) and 2310F drop-off (NM1*45, name when known). */
export function writeAmbulanceLocations(ctx: LoopContext, ambulance: Ambulance): void {
  ctx.w.segment('NM1', 'PW', '2');
  writeAddress(ctx, '2310E', ambulance.pickup);
  const name = ambulance.dropoff.name;
  ctx.w.segment(
    'NM1',
    '45',
    '2',
    name === undefined ? undefined : required(ctx, name, { loop: '2310F', segmentId: 'NM1', element: 'NM103', max: 60 }, { upper: true }),
  );
  writeAddress(ctx, '2310F', ambulance.dropoff.address);
}
