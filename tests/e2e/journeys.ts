// One set of valid answers for every service filed through the one journey, step by step, as
// `JourneyForm.fill` gives them. Specs that need a journey done end to end without caring
// about its errors (the fault matrix) drive these; a service added to JOURNEY_SLUGS needs its
// answers here, and `journeyAnswers` says so when they are missing. The specs of each service's
// own rules build their answers from the same blocks (applicant, addresses, a person, dates).
import type { Answer } from './pages/JourneyForm';

/** A step and its answers; `optional`: nothing on it is required (no error state to show). */
export type JourneyStep = { id: string; answers: Answer[]; optional?: true };

/** A date `days` from today in India, as the three boxes take it. */
export function istDay(days: number) {
  const d = new Date(Date.now() + 5.5 * 3600e3 + days * 24 * 3600e3);
  return { d: String(d.getUTCDate()), m: String(d.getUTCMonth() + 1), y: String(d.getUTCFullYear()) };
}

/** A time's hour and minute boxes (`#f-<id>` is the hour). */
export const time = (id: string, h: string, m: string): Answer[] => [
  { text: id, value: h },
  { text: `${id}-minute`, value: m },
];

export const applicant = (mobile: string, dob = { d: '12', m: '4', y: '1990' }): Answer[] => [
  { text: 'name', value: 'Priya Kumari' },
  { text: 'relative_name', value: 'Arun Kumar' },
  { radio: 'gender', option: 'female' },
  { date: 'dob', ...dob },
  { text: 'mobile', value: mobile },
];

export const homeAddress: Answer[] = [
  { text: 'house', value: 'House 21, Lane 3' },
  { text: 'locality', value: 'Rajendra Nagar' },
  { select: 'district', value: 'PAT' },
  { select: 'station', value: 'PAT-KOTWALI' },
  { text: 'pin', value: '800016' },
];

export const person = (p: string, name: string, mobile?: string): Answer[] => [
  { text: `${p}name`, value: name },
  { text: `${p}relative_name`, value: 'Mohan Lal' },
  { radio: `${p}gender`, option: 'female' },
  { date: `${p}dob`, d: '15', m: '8', y: '1995' },
  ...(mobile ? [{ text: `${p}mobile`, value: mobile }] : []),
  { select: `${p}id_type`, value: 'pan' },
  { text: `${p}id_number`, value: 'ABCPK1234D' },
];

export const anyAddress = (p: string, house: string): Answer[] => [
  { text: `${p}house`, value: house },
  { text: `${p}locality`, value: 'Post Bihta' },
  { text: `${p}town`, value: 'Bihta' },
  { text: `${p}state`, value: 'Bihar' },
  { text: `${p}pin`, value: '801103' },
];

export const earlierAddress = (i: number, house: string): Answer[] => [
  { text: `addresses-${i}-house`, value: house },
  { text: `addresses-${i}-locality`, value: 'Station Road' },
  { text: `addresses-${i}-town`, value: 'Gaya' },
  { text: `addresses-${i}-state`, value: 'Bihar' },
  { text: `addresses-${i}-pin`, value: '823001' },
];

const JOURNEYS: Record<string, (mobile: string) => JourneyStep[]> = {
  complaint: (mobile) => [
    {
      id: 'about-you',
      answers: [
        { text: 'name', value: 'सीता देवी' },
        { text: 'relative_name', value: 'Ram Kumar' },
        { radio: 'gender', option: 'female' },
        { date: 'dob', d: '5', m: '3', y: '1990' },
        { text: 'mobile', value: mobile },
        { text: 'house', value: 'House 12, Ward 4' },
        { text: 'locality', value: 'Kankarbagh' },
        { select: 'district', value: 'PAT' },
        { select: 'station', value: 'PAT-KOTWALI' },
        { text: 'pin', value: '800020' },
        { select: 'id_type', value: 'aadhaar' },
        { text: 'id_number', value: '2345 6789 0124' },
      ],
    },
    {
      id: 'what-happened',
      answers: [
        { select: 'category', value: 'theft' },
        { radio: 'date_known', option: 'exact' },
        { date: 'incident_date', ...istDay(-1) },
        ...time('incident_time', '21', '30'),
        { text: 'place', value: 'Near Gandhi Maidan bus stand' },
        { select: 'incident_district', value: 'PAT' },
        { select: 'incident_station', value: 'PAT-GANDHI-MAIDAN' },
        { text: 'description', value: 'My bag with a phone and Rs 2000 was snatched by two men on a motorbike.' },
      ],
    },
    {
      id: 'people',
      answers: [
        { add: 'witnesses' },
        { text: 'witnesses-0-name', value: 'Mohan Yadav' },
        { text: 'witnesses-0-mobile', value: '9123456780' },
      ],
    },
    { id: 'attachments', answers: [] },
  ],
  'tenant-verification': (mobile) => [
    { id: 'about-you', answers: applicant(mobile) },
    {
      id: 'property',
      answers: [
        { text: 'property_house', value: 'Flat 3, Shanti Niwas' },
        { text: 'property_locality', value: 'Boring Road' },
        { select: 'property_district', value: 'PAT' },
        { select: 'property_station', value: 'PAT-KOTWALI' },
        { text: 'property_pin', value: '800001' },
      ],
    },
    { id: 'tenant', answers: person('tenant_', 'अनिल कुमार', '9123456780') },
    { id: 'permanent-address', answers: anyAddress('perm_', 'Village Rampur') },
    { id: 'previous-address', answers: anyAddress('prev_', 'Room 12, Gupta Lodge') },
    {
      id: 'family',
      answers: [
        { add: 'family' },
        { text: 'family-0-name', value: 'Sunita Devi' },
        { select: 'family-0-relation', value: 'spouse' },
        { text: 'family-0-age', value: '27' },
      ],
    },
    { id: 'tenancy', answers: [{ date: 'tenancy_start', ...istDay(30) }] },
    { id: 'photo', answers: [{ photo: true }] },
  ],
  'domestic-help-verification': (mobile) => [
    { id: 'about-you', answers: [...applicant(mobile), ...homeAddress] },
    { id: 'worker', answers: person('worker_', 'Geeta Devi') },
    { id: 'permanent-address', answers: anyAddress('perm_', 'Tola Bazar') },
    {
      id: 'work',
      answers: [
        { date: 'work_start', ...istDay(-1) },
        { text: 'prev_employer_name', value: 'Meena Gupta' },
        { text: 'prev_employer_mobile', value: '9000000001' },
      ],
    },
    { id: 'photo', answers: [{ photo: true }] },
  ],
  'driver-verification': (mobile) => [
    { id: 'about-you', answers: [...applicant(mobile), ...homeAddress] },
    { id: 'driver', answers: person('driver_', 'Raju Kumar', '9123456780') },
    { id: 'permanent-address', answers: anyAddress('perm_', 'Village Belaganj') },
    {
      id: 'licence',
      answers: [
        { text: 'licence_number', value: 'BR02 20150012345' },
        { text: 'vehicle', value: 'BR 02 AB 1234' },
      ],
    },
    { id: 'photo', answers: [{ photo: true }] },
  ],
  'employee-verification': (mobile) => [
    {
      id: 'organisation',
      answers: [
        { text: 'org_name', value: 'Sinha Medical Store' },
        { text: 'org_house', value: 'Shop 4, Market Complex' },
        { text: 'org_locality', value: 'Bailey Road' },
        { select: 'org_district', value: 'PAT' },
        { select: 'org_station', value: 'PAT-KOTWALI' },
        { text: 'org_pin', value: '800014' },
      ],
    },
    {
      id: 'contact',
      answers: [
        { text: 'contact_name', value: 'Rakesh Sinha' },
        { text: 'mobile', value: mobile },
      ],
    },
    {
      id: 'employee',
      answers: [
        ...person('employee_', 'Md. Irfan', '9123456780'),
        { text: 'designation', value: 'Pharmacist' },
        { date: 'joined_on', ...istDay(-7) },
      ],
    },
    { id: 'permanent-address', answers: anyAddress('perm_', 'Mohalla Alamganj') },
    { id: 'photo', answers: [{ photo: true }] },
  ],
  'character-certificate': (mobile) => [
    { id: 'about-you', answers: applicant(mobile, { d: '12', m: '4', y: '1998' }) },
    { id: 'purpose', answers: [{ radio: 'purpose', option: 'job' }] },
    { id: 'address', answers: homeAddress },
    {
      id: 'address-history',
      answers: [
        { date: 'lived_since', d: '1', m: '3', y: '2024' },
        { add: 'addresses' },
        ...earlierAddress(0, 'Quarter 7, Railway Colony'),
        { date: 'addresses-0-from', d: '1', m: '4', y: '2020' },
        { date: 'addresses-0-to', d: '29', m: '2', y: '2024' },
        { add: 'addresses' },
        ...earlierAddress(1, 'Room 4, Sinha Lodge'),
        { date: 'addresses-1-from', d: '1', m: '1', y: '2016' },
        { date: 'addresses-1-to', d: '31', m: '3', y: '2020' },
      ],
    },
    {
      id: 'documents',
      answers: [
        { select: 'id_type', value: 'passport' },
        { text: 'id_number', value: 'K1234567' },
        { select: 'address_proof', value: 'electricity_bill' },
        { select: 'dob_proof', value: 'school_certificate' },
      ],
    },
    {
      id: 'neighbours',
      answers: [
        { text: 'ref1_name', value: 'Sunil Verma' },
        { text: 'ref1_mobile', value: '9123456780' },
        { text: 'ref1_address', value: 'House 23, Lane 3, Rajendra Nagar' },
        { text: 'ref2_name', value: 'Meena Devi' },
        { text: 'ref2_mobile', value: '9000000001' },
        { text: 'ref2_address', value: 'House 19, Lane 3, Rajendra Nagar' },
      ],
    },
    { id: 'photo', answers: [{ photo: true }] },
  ],
  'event-permission': (mobile) => [
    { id: 'about-you', answers: [...applicant(mobile), ...homeAddress] },
    {
      id: 'organiser',
      answers: [
        { radio: 'organiser_type', option: 'organisation' },
        { text: 'org_name', value: 'Anisabad Durga Puja Samiti' },
      ],
    },
    {
      id: 'event',
      answers: [
        { radio: 'event_type', option: 'procession' },
        { text: 'description', value: 'Durga Puja immersion procession with a band.' },
        { text: 'attendance', value: '4000' },
      ],
    },
    {
      id: 'when',
      answers: [
        { date: 'start_date', ...istDay(10) },
        ...time('start_time', '17', '00'),
        { date: 'end_date', ...istDay(10) },
        ...time('end_time', '21', '00'),
      ],
    },
    {
      id: 'place',
      answers: [
        { select: 'event_district', value: 'PAT' },
        { select: 'event_station', value: 'PAT-GANDHI-MAIDAN' },
        { text: 'route_start', value: 'Anisabad Chowk' },
        { text: 'route_end', value: 'Gandhi Maidan' },
        { add: 'stops' },
        { text: 'stops-0-place', value: 'Gardanibagh' },
      ],
    },
    {
      id: 'loudspeaker',
      answers: [{ radio: 'loudspeaker', option: 'yes' }, ...time('loudspeaker_from', '20', '00'), ...time('loudspeaker_to', '21', '30')],
    },
    { id: 'consent', answers: [{ photo: true }] },
  ],
  'missing-person': (mobile) => [
    { id: 'about-you', answers: [...applicant(mobile), { select: 'relation', value: 'parent' }] },
    {
      id: 'person',
      answers: [
        { text: 'missing_name', value: 'रोहित कुमार' },
        { text: 'missing_relative_name', value: 'Ramesh Paswan' },
        { radio: 'missing_gender', option: 'male' },
        { radio: 'age_known', option: 'age' },
        { text: 'missing_age', value: '12' },
        { text: 'languages', value: 'हिन्दी, मगही' },
      ],
    },
    {
      id: 'description',
      answers: [
        { text: 'height_cm', value: '142' },
        { radio: 'build', option: 'thin' },
        { radio: 'complexion', option: 'wheatish' },
        { text: 'clothes', value: 'नीली स्कूल की कमीज़, स्लेटी पैंट' },
      ],
    },
    {
      id: 'last-seen',
      answers: [
        { date: 'last_seen_date', ...istDay(-1) },
        ...time('last_seen_time', '16', '30'),
        { text: 'last_seen_place', value: 'स्कूल के गेट के बाहर, कंकड़बाग' },
        { select: 'last_seen_district', value: 'PAT' },
        { select: 'last_seen_station', value: 'PAT-KOTWALI' },
      ],
    },
    { id: 'photo', answers: [{ photo: true }] },
  ],
  'lost-article': (mobile) => [
    { id: 'about-you', answers: [...applicant(mobile), ...homeAddress] },
    {
      id: 'items',
      answers: [
        { select: 'kind', value: 'mobile_phone' },
        { text: 'imei', value: '490154203237518' },
        { add: 'more_items' },
        { select: 'more_items-0-kind', value: 'pan' },
        { text: 'more_items-0-doc_number', value: 'ABCPE1234F' },
      ],
    },
    {
      id: 'where-when',
      answers: [
        { radio: 'date_known', option: 'exact' },
        { date: 'lost_date', ...istDay(-1) },
        { text: 'lost_place', value: 'Patna Junction, platform 1' },
        { select: 'lost_district', value: 'PAT' },
        { select: 'lost_station', value: 'PAT-KOTWALI' },
        { text: 'description', value: 'It fell from my pocket while boarding a train.' },
      ],
    },
  ],
  // Nobody's mobile: the number only marks this test's tip in the description, so the
  // database can be asked for it.
  'tip-off': (mobile) => [
    {
      id: 'tip',
      answers: [
        { radio: 'category', option: 'other' },
        { text: 'other_category', value: 'बालू का अवैध खनन' },
        { text: 'place', value: 'पुराने बस स्टैंड के पीछे, बिहटा' },
        { select: 'district', value: 'PAT' },
        { select: 'station', value: 'PAT-KOTWALI' },
        { text: 'description', value: `हर शाम 8 बजे के बाद चाय की दुकान से शराब बेची जाती है। (${mobile})` },
      ],
    },
    { id: 'attachment', answers: [{ photo: true }], optional: true },
  ],
};

/** The steps and answers of `slug`'s journey, for a citizen with this mobile. */
export function journeyAnswers(slug: string, mobile: string): JourneyStep[] {
  const steps = JOURNEYS[slug];
  if (!steps) throw new Error(`no answers for the journey "${slug}": add them to tests/e2e/journeys.ts`);
  return steps(mobile);
}

/**
 * The draft a journey's answers make (`ns.draft.<slug>`, `src/forms/draft.rs`): answers by key
 * as typed, group entries as `group.i.field`, dates `d/m/y`, times `h:m`, a group's size under
 * its id. Files are never in a draft.
 */
export function draftAnswers(steps: JourneyStep[]): Record<string, string> {
  const out: Record<string, string> = {};
  const key = (id: string) => id.replace(/-/g, '.');
  for (const a of steps.flatMap((s) => s.answers)) {
    if ('text' in a) {
      if (a.text.endsWith('-minute')) {
        const hour = key(a.text.slice(0, -'-minute'.length));
        out[hour] = `${out[hour]}:${a.value}`;
      } else out[key(a.text)] = a.value;
    } else if ('select' in a) out[key(a.select)] = a.value;
    else if ('radio' in a) out[key(a.radio)] = a.option;
    else if ('date' in a) out[key(a.date)] = `${a.d}/${a.m}/${a.y}`;
    else if ('add' in a) out[a.add] = String(Number(out[a.add] ?? '0') + 1);
  }
  return out;
}
