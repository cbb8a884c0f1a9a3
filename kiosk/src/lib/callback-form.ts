import { IndonesianPhone } from '@loket/shared';

/** What is wrong with a call-back form, field by field; empty when it can be sent. */
export interface CallbackProblems {
  phone?: 'missing' | 'invalid';
  consent?: 'missing';
}

/** Checks the form with the server's own schema: an Indonesian number, and consent. */
export function checkCallback(phone: string, consent: boolean): CallbackProblems {
  const problems: CallbackProblems = {};
  if (phone.trim() === '') problems.phone = 'missing';
  else if (!IndonesianPhone.safeParse(phone).success) problems.phone = 'invalid';
  if (!consent) problems.consent = 'missing';
  return problems;
}

/** The number as the server stores it (`+62…`), or null when it is not an Indonesian number. */
export function normalisePhone(phone: string): string | null {
  const parsed = IndonesianPhone.safeParse(phone);
  return parsed.success ? parsed.data : null;
}
