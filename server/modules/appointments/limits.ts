import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import type { Config } from '#server/config.ts';

/** Abuse limits of the public booking (no CAPTCHA): per contact, per address (generous), holds, slot trading. */
export interface AppointmentLimits {
  /** Booking attempts per contact (email or phone) in 24 hours. */
  perContactPerDay: number;
  /** Future booked appointments per contact at a time. */
  openPerContact: number;
  /** Requests (holds, bookings, waitlist) per client address per hour: generous, people in shared accommodation share one. */
  perIpPerHour: number;
  /** How long a hold keeps a slot from others while the form is filled. */
  holdMinutes: number;
  /** A contact may not re-book a slot it cancelled within this many hours (slot trading). */
  rebookBlockHours: number;
  /** How long a waitlist offer holds the freed slot. */
  offerHours: number;
  /** Open waitlist entries per contact. */
  waitlistPerContact: number;
  /** How long an idempotency key is remembered. */
  idempotencyHours: number;
}

export const DEFAULT_LIMITS: AppointmentLimits = {
  perContactPerDay: 5,
  openPerContact: 2,
  perIpPerHour: 300,
  holdMinutes: 10,
  rebookBlockHours: 24,
  offerHours: 12,
  waitlistPerContact: 3,
  idempotencyHours: 24,
};

export const limitsOf = (config: Config): AppointmentLimits => ({ ...DEFAULT_LIMITS, ...config.appointmentLimits });

/** Email lower-cased; a phone number as digits with the German trunk prefix made international (0171… = +49171…). */
export function normaliseContact(c: { email?: string | undefined; phone?: string | undefined }): string {
  if (c.email) return `e:${c.email.trim().toLowerCase()}`;
  let digits = (c.phone ?? '').replace(/[^0-9+]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  else if (digits.startsWith('0')) digits = `+49${digits.slice(1)}`;
  return `p:${digits.replace(/^\+/, '')}`;
}

/** A keyed hash of the normalised contact: limits without storing the contact in the clear. */
export function contactKey(config: Config, c: { email?: string | undefined; phone?: string | undefined }): string {
  const key = config.secretKeys[config.secretKeys.length - 1] ?? Buffer.alloc(32);
  return createHmac('sha256', key).update(`contact:${normaliseContact(c)}`).digest('base64url');
}

/** Booking codes: 8 characters without 0/O/1/I (32 symbols, 40 bits). */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** 256-bit random token (manage link, hold); only its hash is stored. */
export const newToken = (): string => randomBytes(32).toString('base64url');
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('base64url');
