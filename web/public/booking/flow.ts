/** What the booking flow carries from step to step (in the URL or hidden fields; never personal data in a URL). */
export interface BookingState {
  officeId: string;
  officeName: string;
  type?: string | undefined;
  language?: string | undefined;
  start?: string | undefined;
  hold?: string | undefined;
}

export interface TypeView {
  id: string;
  kind: 'first_consultation' | 'follow_up' | 'specialist';
  name: string;
  durationMinutes: number;
  languages: string[];
}

export interface ContactInput {
  name: string;
  phone: string;
  email: string;
}

export const emptyContact: ContactInput = { name: '', phone: '', email: '' };

/** Free start times of consecutive days (only days that have any). */
export interface SlotDay {
  date: string;
  starts: string[];
}
