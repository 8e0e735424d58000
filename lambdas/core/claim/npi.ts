/**
 * NPI check digit: Luhn over the card-issuer prefix 80840 followed by the
 * first nine digits; the tenth digit is the check digit.
 */
export function npiCheckDigit(firstNine: string): number {
  const digits = `80840${firstNine}`.split('').map(Number);
  let sum = 0;
  // Double every second digit from the right of the payload (the check digit is appended after it).
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits[i] ?? 0;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidNpi(npi: string): boolean {
  return /^\d{10}$/.test(npi) && npiCheckDigit(npi.slice(0, 9)) === Number(npi[9]);
}
