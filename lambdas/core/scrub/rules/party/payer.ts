/**
 * Payer ids (2010BB NM109, 2010AC NM109): the clearinghouse routes by them,
 * so they must be there and be letters and digits only (2-80, the X12 NM109
 * length). Whether the id is one the receiver knows is a routing question
 * answered at batch time, not here.
 */
import type { Rule, RuleHit } from '../../rule.js';

const PAYER_ID = /^[A-Za-z0-9]{2,80}$/;

export const partyPayerId: Rule = {
  id: 'PARTY-PAYER-ID',
  family: 'party',
  defaultSeverity: 'error',
  description: 'Payer ids are 2-80 letters and digits',
  fix: "Use the payer id from the clearinghouse's payer list.",
  check({ claim }) {
    const ids: Array<[string, string | undefined]> = [['payer.payerId', claim.payer.payerId]];
    if (claim.payToPlan) ids.push(['payToPlan.payerId', claim.payToPlan.payerId]);
    const hits: RuleHit[] = [];
    for (const [path, id] of ids) {
      if (id === undefined || !PAYER_ID.test(id)) hits.push({ message: `${path} is required and must be 2-80 letters and digits`, path });
    }
    return hits;
  },
};
