/** The provider and party rules. */
import type { Rule } from '../../rule.js';
import { partyState, partyZip } from './address.js';
import { partyEin } from './ein.js';
import { npiCheckDigit } from './npi.js';
import { partyPayerId } from './payer.js';
import { partyRelationship } from './relationship.js';
import { partyMemberId } from './subscriber.js';
import { partyTaxonomy } from './taxonomy.js';

export const PARTY_RULES: Rule[] = [npiCheckDigit, partyEin, partyTaxonomy, partyState, partyZip, partyMemberId, partyPayerId, partyRelationship];
