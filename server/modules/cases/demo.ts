import type { PersonInput } from '#contracts/cases.ts';

/**
 * Fictional households for the demo and the benchmark (`lotse demo generate --households N`):
 * families from Syria, Afghanistan, Ukraine, Russia and Eritrea with names as written in their
 * documents (Latin) and in the original script (Arabic, Persian, Cyrillic, Ethiopic), other
 * spellings as they turn up in practice, partial dates of birth and plausible residence statuses.
 * Deterministic for a seed. No real person is meant.
 */

type Name = readonly [latin: string, original: string, ...variants: string[]];
interface Origin {
  nationality: string;
  languages: string[];
  male: readonly Name[];
  female: readonly Name[];
  family: readonly Name[];
  residence: readonly { code: string; paragraph: string }[];
}

const ORIGINS: readonly Origin[] = [
  {
    nationality: 'SY',
    languages: ['ar'],
    male: [['Mohammed', 'محمد', 'Mohammad', 'Muhammad', 'Mohamed'], ['Ahmad', 'أحمد', 'Ahmed'], ['Khaled', 'خالد', 'Khalid', 'Chaled'], ['Omar', 'عمر', 'Umar'], ['Yusuf', 'يوسف', 'Youssef', 'Jusuf'], ['Ali', 'علي'], ['Hassan', 'حسن', 'Hasan'], ['Ibrahim', 'إبراهيم', 'Ebrahim'], ['Mahmoud', 'محمود', 'Mahmud'], ['Samer', 'سامر']],
    female: [['Fatima', 'فاطمة', 'Fatma'], ['Maryam', 'مريم', 'Mariam'], ['Nour', 'نور', 'Nur', 'Noor'], ['Sara', 'سارة', 'Sarah'], ['Layla', 'ليلى', 'Leila'], ['Hiba', 'هبة'], ['Rana', 'رنا'], ['Zainab', 'زينب', 'Zeinab']],
    family: [['Al-Hassan', 'الحسن', 'Alhassan', 'El Hassan'], ['Al-Khatib', 'الخطيب', 'Alkhatib'], ['Haddad', 'حداد', 'Hadad'], ['Al-Ali', 'العلي', 'Alali'], ['Shehadeh', 'شحادة', 'Shehada', 'Schehade'], ['Al-Najjar', 'النجار', 'Najjar'], ['Darwish', 'درويش', 'Derwisch']],
    residence: [{ code: 'aufenthaltserlaubnis-schutz', paragraph: '§ 25 Abs. 2 AufenthG' }, { code: 'aufenthaltsgestattung', paragraph: '' }],
  },
  {
    nationality: 'AF',
    languages: ['prs'],
    male: [['Mohammad', 'محمد', 'Mohammed', 'Mohamad'], ['Reza', 'رضا', 'Resa'], ['Ali', 'علی'], ['Hamid', 'حمید'], ['Jawid', 'جاوید', 'Javid'], ['Farid', 'فرید'], ['Masoud', 'مسعود', 'Masud']],
    female: [['Zahra', 'زهرا', 'Sahra'], ['Maryam', 'مریم'], ['Fatemeh', 'فاطمه', 'Fatima'], ['Narges', 'نرگس'], ['Shakiba', 'شکیبا'], ['Parwana', 'پروانه', 'Parvaneh'], ['Golnar', 'گلنار']],
    family: [['Ahmadi', 'احمدی'], ['Rahimi', 'رحیمی'], ['Hosseini', 'حسینی', 'Husseini'], ['Karimi', 'کریمی'], ['Nouri', 'نوری', 'Nuri'], ['Rezaei', 'رضایی', 'Rezai'], ['Mohammadi', 'محمدی', 'Muhammadi']],
    residence: [{ code: 'aufenthaltsgestattung', paragraph: '' }, { code: 'duldung', paragraph: '' }, { code: 'aufenthaltserlaubnis', paragraph: '§ 25 Abs. 3 AufenthG' }],
  },
  {
    nationality: 'UA',
    languages: ['uk', 'ru'],
    male: [['Oleksandr', 'Олександр', 'Aleksandr', 'Alexander'], ['Dmytro', 'Дмитро', 'Dmitri'], ['Andrii', 'Андрій', 'Andriy', 'Andrej'], ['Serhii', 'Сергій', 'Serhiy', 'Sergej'], ['Ivan', 'Іван'], ['Maksym', 'Максим', 'Maxim']],
    female: [['Olena', 'Олена', 'Elena'], ['Tetiana', 'Тетяна', 'Tatjana', 'Tetyana'], ['Nataliia', 'Наталія', 'Natalia'], ['Yuliia', 'Юлія', 'Yulia', 'Julija'], ['Iryna', 'Ірина', 'Irina'], ['Oksana', 'Оксана']],
    family: [['Shevchenko', 'Шевченко', 'Schewtschenko'], ['Kovalenko', 'Коваленко', 'Kowalenko'], ['Bondarenko', 'Бондаренко'], ['Tkachenko', 'Ткаченко', 'Tkatschenko'], ['Melnyk', 'Мельник', 'Melnik'], ['Kravchenko', 'Кравченко', 'Krawtschenko'], ['Boiko', 'Бойко', 'Boyko']],
    residence: [{ code: 'aufenthaltserlaubnis-24', paragraph: '' }],
  },
  {
    nationality: 'RU',
    languages: ['ru'],
    male: [['Aleksandr', 'Александр', 'Alexander'], ['Dmitrii', 'Дмитрий', 'Dmitri'], ['Sergei', 'Сергей', 'Sergej']],
    female: [['Elena', 'Елена', 'Jelena'], ['Anastasiia', 'Анастасия', 'Anastasia']],
    family: [['Ivanov', 'Иванов', 'Iwanow'], ['Smirnov', 'Смирнов', 'Smirnow'], ['Kuznetsov', 'Кузнецов', 'Kusnezow']],
    residence: [{ code: 'aufenthaltsgestattung', paragraph: '' }],
  },
  {
    nationality: 'ER',
    languages: ['ti'],
    male: [['Tesfaye', 'ተስፋዬ', 'Tesfay'], ['Dawit', 'ዳዊት', 'Dawid'], ['Solomon', 'ሰለሞን', 'Selomon'], ['Yonas', 'ዮናስ', 'Jonas'], ['Berhane', 'ብርሃነ', 'Birhane']],
    female: [['Saba', 'ሳባ'], ['Lemlem', 'ለምለም'], ['Ruta', 'ሩታ'], ['Helen', 'ሄለን']],
    family: [['Gebrehiwet', 'ገብረሂወት', 'Gebrehiwot'], ['Tewelde', 'ተወልደ', 'Tewolde'], ['Haile', 'ሃይለ', 'Hayle'], ['Kibrom', 'ክብሮም'], ['Gebremedhin', 'ገብረመድህን', 'Gebremedhn']],
    residence: [{ code: 'aufenthaltserlaubnis-schutz', paragraph: '§ 25 Abs. 2 AufenthG' }, { code: 'aufenthaltsgestattung', paragraph: '' }],
  },
];

/** Quarters (Stadtteile) per region of the Dresden seed where the demo households live. */
export const DEMO_QUARTERS: Record<string, readonly string[]> = {
  nord: ['11', '12', '14', '21', '22', '25', '31'],
  west: ['91', '92', '93', '95', '96', '97'],
  mitte: ['01', '02', '05', '06', '52', '56', '81'],
  sued: ['61', '62', '71', '72', '73', '77'],
};

const SHARED_ACCOMMODATIONS = ['GU Hansastraße', 'GU Florian-Geyer-Straße', 'GU Bremer Straße', 'GU Podemusstraße', 'GU Heidenauer Straße'];
const STREETS = ['Bautzner Straße', 'Großenhainer Straße', 'Kesselsdorfer Straße', 'Prager Straße', 'Pirnaer Landstraße', 'Leipziger Straße', 'Tharandter Straße', 'Dohnaer Straße'];

/** A small deterministic random source (mulberry32). */
export function randomSource(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => {
    const item = list[Math.floor(next() * list.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  return { next, int, pick, chance: (p: number): boolean => next() < p };
}
export type Random = ReturnType<typeof randomSource>;

export interface DemoHousehold {
  accommodation: 'own_flat' | 'shared_accommodation';
  accommodationName: string;
  street: string;
  houseNumber: string;
  postcode: string;
  quarterCode: string;
  members: PersonInput[];
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A date of birth as far as it is known: often the full date, sometimes only year and month or the year. */
function birthDate(r: Random, year: number): string {
  const known = r.next();
  if (known < 0.12) return String(year);
  if (known < 0.22) return `${year}-${pad(r.int(1, 12))}`;
  return `${year}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
}

function isoDay(r: Random, fromYear: number, toYear: number): string {
  return `${r.int(fromYear, toYear)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
}

/** The same day some months later (day kept below 29, as isoDay makes them). */
function addMonthsTo(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-${pad(d)}`;
}

function person(r: Random, origin: Origin, relationship: PersonInput['relationship'], sex: 'female' | 'male', family: Name, year: number, residence: PersonInput['residence'], assignedOn: string): PersonInput {
  const given = r.pick(sex === 'male' ? origin.male : origin.female);
  const [givenLatin, givenOriginal, ...givenVariants] = given;
  const [familyLatin, familyOriginal, ...familyVariants] = family;
  const otherSpellings: string[] = [];
  if (givenVariants.length && r.chance(0.5)) otherSpellings.push(`${r.pick(givenVariants)} ${familyLatin}`);
  if (familyVariants.length && r.chance(0.4)) otherSpellings.push(`${givenLatin} ${r.pick(familyVariants)}`);
  const adult = year < 2008;
  return {
    relationship,
    familyName: familyLatin,
    givenNames: givenLatin,
    familyNameOriginal: familyOriginal,
    givenNamesOriginal: givenOriginal,
    otherSpellings,
    birthDate: birthDate(r, year),
    sex: r.chance(0.95) ? sex : null,
    nationalities: [origin.nationality],
    languages: adult ? [...origin.languages, ...(r.chance(0.3) ? ['de'] : []), ...(r.chance(0.2) ? ['en'] : [])] : [...origin.languages.slice(0, 1), 'de'],
    interpreterNeeded: adult && r.chance(0.6),
    residence,
    arrivedOn: assignedOn,
    assignedOn,
    // The integration course some months after the assignment; school or Kita for children from 3.
    integrationCourseOn: adult ? addMonthsTo(assignedOn, 4) : null,
    schoolStartOn: !adult && Number(assignedOn.slice(0, 4)) - year >= 3 ? addMonthsTo(assignedOn, 2) : null,
  };
}

/** One fictional household in a region: a head, often a partner, up to four children. */
export function demoHousehold(r: Random, regionCode: string, today: string): DemoHousehold {
  const origin = r.pick(ORIGINS);
  const family = r.pick(origin.family);
  const thisYear = Number(today.slice(0, 4));
  const headSex = r.chance(0.7) ? 'male' : 'female';
  const headYear = thisYear - r.int(24, 58);
  const status = r.pick(origin.residence);
  const residence = { code: status.code, paragraph: status.paragraph, expiresOn: isoDay(r, thisYear, thisYear + 2) };
  const assignedOn = isoDay(r, thisYear - 3, thisYear - 1);
  const members = [person(r, origin, 'head', headSex, family, headYear, residence, assignedOn)];
  if (r.chance(0.7)) members.push(person(r, origin, 'spouse', headSex === 'male' ? 'female' : 'male', family, headYear + r.int(-4, 6), residence, assignedOn));
  const children = r.int(0, 4);
  for (let i = 0; i < children; i++) members.push(person(r, origin, 'child', r.chance(0.5) ? 'female' : 'male', family, Math.min(thisYear - 1, headYear + r.int(20, 38)), residence, assignedOn));
  const shared = r.chance(0.35);
  return {
    accommodation: shared ? 'shared_accommodation' : 'own_flat',
    accommodationName: shared ? r.pick(SHARED_ACCOMMODATIONS) : '',
    street: shared ? '' : r.pick(STREETS),
    houseNumber: shared ? '' : String(r.int(1, 120)),
    postcode: shared ? '' : `01${String(r.int(67, 328)).padStart(3, '0')}`,
    quarterCode: r.pick(DEMO_QUARTERS[regionCode] ?? ['01']),
    members,
  };
}
