/**
 * The NM1 name and N3/N4 address elements as the 837P and 837I write them:
 * each value goes through the caller's text check (what X12 characters make
 * of it, against the element's length), and the state must be a US code.
 */
import type { Address, PersonName, Provider } from '../../claim/model.js';
import { US_STATE_CODES } from '../us-states.js';

export interface Where {
  /** Claim field path, e.g. "subscriber.name.last". */
  field: string;
  loop: string;
  /** e.g. "NM103". */
  element: string;
  min: number;
  max: number;
}

export type TextCheck = (value: string | undefined, where: Where) => void;

export type StateReport = (code: 'INVALID_STATE_CODE', message: string, element: string, segmentId: string) => void;

export function providerName(provider: Provider, field: string, loop: string, text: TextCheck): void {
  text(provider.lastOrOrganizationName, { field: `${field}.lastOrOrganizationName`, loop, element: 'NM103', min: 1, max: 60 });
  // NM104-NM107 are written for a person only.
  if (provider.entity !== 'person') return;
  text(provider.firstName, { field: `${field}.firstName`, loop, element: 'NM104', min: 0, max: 35 });
  text(provider.middleName, { field: `${field}.middleName`, loop, element: 'NM105', min: 0, max: 25 });
  text(provider.suffix, { field: `${field}.suffix`, loop, element: 'NM107', min: 0, max: 10 });
}

export function personName(name: PersonName, field: string, loop: string, text: TextCheck): void {
  text(name.last, { field: `${field}.last`, loop, element: 'NM103', min: 1, max: 60 });
  text(name.first, { field: `${field}.first`, loop, element: 'NM104', min: 0, max: 35 });
  text(name.middle, { field: `${field}.middle`, loop, element: 'NM105', min: 0, max: 25 });
  text(name.suffix, { field: `${field}.suffix`, loop, element: 'NM107', min: 0, max: 10 });
}

export function address(value: Address, field: string, loop: string, text: TextCheck, report: StateReport): void {
  text(value.line1, { field: `${field}.line1`, loop, element: 'N301', min: 1, max: 55 });
  text(value.line2, { field: `${field}.line2`, loop, element: 'N302', min: 0, max: 55 });
  text(value.city, { field: `${field}.city`, loop, element: 'N401', min: 2, max: 30 });
  if (!US_STATE_CODES.has(value.state)) {
    report('INVALID_STATE_CODE', `${field}.state (loop ${loop} N402) is not a US state, territory or military state code`, 'N402', 'N4');
  }
}
