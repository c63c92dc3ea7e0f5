/**
 * Payment card numbers in passenger text: 13–19 digits, single spaces or dashes allowed between
 * them, passing the Luhn check. Masked before anything is stored or queued.
 */

const CANDIDATE = /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g;

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** `4111 1111 1111 1111` → `**** **** **** 1111`; other digit runs are left as they are. */
export function maskCardNumbers(text: string): string {
  return text.replace(CANDIDATE, (run) => {
    const digits = run.replace(/[ -]/g, '');
    return passesLuhn(digits) ? `**** **** **** ${digits.slice(-4)}` : run;
  });
}
