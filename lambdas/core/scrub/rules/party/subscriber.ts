/**
 * The subscriber's member id (2010BA NM109) is what the payer finds the
 * coverage by: required and not blank. Payers print ids of letters and
 * digits (some with a hyphen); anything else (spaces, punctuation) is most
 * often a keying error, so it is a warning rather than an error.
 */
import type { Rule, RuleHit } from '../../rule.js';

export const partyMemberId: Rule = {
  id: 'PARTY-MEMBER-ID',
  family: 'party',
  defaultSeverity: 'error',
  description: 'The subscriber member id is present and made of letters and digits',
  fix: "Copy the member id from the subscriber's insurance card.",
  check({ claim }) {
    const id = claim.subscriber.memberId ?? '';
    const path = 'subscriber.memberId';
    const hits: RuleHit[] = [];
    if (id.trim().length < 2) hits.push({ message: `${path} is required`, path });
    else if (!/^[A-Za-z0-9-]+$/.test(id)) {
      hits.push({ message: `${path} holds characters other than letters, digits and hyphens`, path, severity: 'warning' });
    }
    return hits;
  },
};
