/**
 * Where the parties sit in the canonical claim, as JSON paths, so each party
 * rule walks every provider, identifier and address the same way.
 */
import type { Address, Claim, Provider } from '../../../claim/model.js';

/** Every provider on the claim (claim level, institutional and line level). */
export function providersOf(claim: Claim): Array<[path: string, provider: Provider]> {
  const list: Array<[string, Provider | undefined]> = [
    ['billingProvider', claim.billingProvider],
    ['renderingProvider', claim.renderingProvider],
    ['referringProvider', claim.referringProvider],
    ['supervisingProvider', claim.supervisingProvider],
    ['institutional.attendingProvider', claim.institutional?.attendingProvider],
    ['institutional.operatingProvider', claim.institutional?.operatingProvider],
    ['institutional.otherOperatingProvider', claim.institutional?.otherOperatingProvider],
    ...claim.serviceLines.map((line, i): [string, Provider | undefined] => [`serviceLines[${i}].renderingProvider`, line.renderingProvider]),
  ];
  return list.filter((entry): entry is [string, Provider] => entry[1] !== undefined);
}

/** Every NPI on the claim: the providers' and the service facility's. */
export function npisOf(claim: Claim): Array<[path: string, npi: string]> {
  const list: Array<[string, string | undefined]> = providersOf(claim).map(([path, p]) => [`${path}.npi`, p.npi]);
  list.splice(4, 0, ['serviceFacility.npi', claim.serviceFacility?.npi]);
  return list.filter((entry): entry is [string, string] => entry[1] !== undefined);
}

/** Every postal address on the claim. */
export function addressesOf(claim: Claim): Array<[path: string, address: Address]> {
  const list: Array<[string, Address | undefined]> = [
    ...providersOf(claim).map(([path, p]): [string, Address | undefined] => [`${path}.address`, p.address]),
    ['payToAddress', claim.payToAddress],
    ['payToPlan.address', claim.payToPlan?.address],
    ['serviceFacility.address', claim.serviceFacility?.address],
    ['subscriber.address', claim.subscriber.address],
    ['patient.address', claim.patient?.address],
    ['payer.address', claim.payer.address],
    ['ambulance.pickup', claim.ambulance?.pickup],
    ['ambulance.dropoff.address', claim.ambulance?.dropoff.address],
  ];
  return list.filter((entry): entry is [string, Address] => entry[1] !== undefined);
}
