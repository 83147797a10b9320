// Character certificate, event permission and missing person, from the home page to the
// acknowledgement on the one journey: on each a validation error and a cross-field error
// fixed on the way, the notices their answers call for, and axe on every step and error state.
import { axeTest as test, expect } from '../fixtures';
import { journeyText, t, type Lang } from '../locales';
import { randomMobile } from '../filing';
import { JourneyForm } from '../pages/JourneyForm';
import { applicant, earlierAddress, homeAddress, istDay, time } from '../journeys';

/** Continue on a step whose answers break a rule: the summary says so, axe finds nothing. */
async function problem(form: JourneyForm, message: string, label: string, field?: string) {
  await form.expectProblem(message);
  if (field) await expect(form.page.locator(`#f-${field}-error`)).toContainText(message);
  await form.scan(`${label} errors`);
}

async function onStep(form: JourneyForm, id: string) {
  await expect(form.h1).toHaveText(form.stepTitle(id));
  await expect(form.page).toHaveURL(new RegExp(`/${form.slug}/${id}$`));
  await form.scan(id);
}

async function acknowledged(form: JourneyForm, mobile: string, code: string, usualDays?: number) {
  await expect(form.h1).toHaveText(t(form.lang, 'forms.check_title'));
  const reference = await form.checkAndSend(`${mobile.slice(0, 5)} ${mobile.slice(5)}`);
  expect(reference).toMatch(new RegExp(`^BR-${code}-\\d{4}-\\d{6}$`));
  await expect(form.h1).toHaveText(form.text('done_title'));
  await expect(form.page.locator('[data-testid="next-steps"]')).toHaveText(form.text('done_next'));
  const usual = form.page.locator('[data-testid="usual-time"]');
  if (usualDays === undefined) await expect(usual).toHaveCount(0);
  else {
    await expect(usual).toHaveText(
      journeyText(form.lang, form.ns, 'done_usual_other').replace('{count}', String(usualDays)),
    );
  }
  return reference;
}

test('character certificate: addresses over 5 years, three documents, two neighbours (hi)', async ({ page }) => {
  test.setTimeout(150_000);
  const lang: Lang = 'hi';
  const mobile = randomMobile();
  const form = new JourneyForm(page, lang, 'character-certificate', true);
  await form.fromHome();

  await onStep(form, 'about-you');
  // Under 18: the hint says so before it is an error.
  await expect(page.locator('#f-dob-hint')).toHaveText(t(lang, 'person.adult_dob_hint'));
  const young = istDay(-(17 * 365));
  await form.fill(applicant(mobile, young));
  await problem(form, t(lang, 'person.adult_dob_too_young').replace('{min}', '18'), 'about-you', 'dob');
  await form.fill([{ date: 'dob', d: '12', m: '4', y: '1998' }]);
  await form.next(form.stepTitle('purpose'));

  await onStep(form, 'purpose');
  await form.fill([{ radio: 'purpose', option: 'other' }]);
  await expect(page.locator('#f-purpose_detail')).toBeVisible();
  await form.fill([{ radio: 'purpose', option: 'job' }]);
  await expect(page.locator('#f-purpose_detail')).toHaveCount(0);
  await form.next(form.stepTitle('address'));

  await onStep(form, 'address');
  await form.fill(homeAddress);
  await form.next(form.stepTitle('address-history'));

  await onStep(form, 'address-history');
  // Two earlier addresses with five months between them: the gap is shown on the later one.
  await form.fill([
    { date: 'lived_since', d: '1', m: '3', y: '2024' },
    { add: 'addresses' },
    ...earlierAddress(0, 'Quarter 7, Railway Colony'),
    { date: 'addresses-0-from', d: '1', m: '9', y: '2020' },
    { date: 'addresses-0-to', d: '29', m: '2', y: '2024' },
    { add: 'addresses' },
    ...earlierAddress(1, 'Room 4, Sinha Lodge'),
    { date: 'addresses-1-from', d: '1', m: '1', y: '2016' },
    { date: 'addresses-1-to', d: '31', m: '3', y: '2020' },
  ]);
  await problem(form, form.text('addresses_from_gap'), 'address-history', 'addresses-0-from');
  await form.fill([{ date: 'addresses-0-from', d: '1', m: '4', y: '2020' }]);
  await expect(page.locator('#f-addresses-0-from-error')).toHaveCount(0);
  await form.next(form.stepTitle('documents'));

  await onStep(form, 'documents');
  // The passport given as the ID and again as the date-of-birth proof.
  await form.fill([
    { select: 'id_type', value: 'passport' },
    { text: 'id_number', value: 'K1234567' },
    { select: 'address_proof', value: 'electricity_bill' },
    { select: 'dob_proof', value: 'passport' },
  ]);
  await problem(form, form.text('dob_proof_same_as_other'), 'documents', 'dob_proof');
  await form.fill([{ select: 'dob_proof', value: 'school_certificate' }]);
  await form.next(form.stepTitle('neighbours'));

  await onStep(form, 'neighbours');
  await form.fill([
    { text: 'ref1_name', value: 'Sunil Verma' },
    { text: 'ref1_mobile', value: mobile },
    { text: 'ref1_address', value: 'House 23, Lane 3, Rajendra Nagar' },
    { text: 'ref2_name', value: 'Meena Devi' },
    { text: 'ref2_mobile', value: '9000000001' },
    { text: 'ref2_address', value: 'House 19, Lane 3, Rajendra Nagar' },
  ]);
  await problem(form, form.text('ref1_mobile_same_as_other'), 'neighbours', 'ref1_mobile');
  await form.fill([{ text: 'ref1_mobile', value: '9123456780' }]);
  await form.next(form.stepTitle('photo'));

  await onStep(form, 'photo');
  await problem(form, t(lang, 'forms.photo_required'), 'photo');
  await form.fill([{ photo: true }]);
  await form.next(t(lang, 'forms.check_title'));

  await acknowledged(form, mobile, 'CHC', 6);
  await expect(page.locator('[data-testid^="notice-"]')).toHaveCount(0);
});

test('event permission: a procession with its route, a large crowd, a loudspeaker by day (en)', async ({ page }) => {
  test.setTimeout(150_000);
  const lang: Lang = 'en';
  const mobile = randomMobile();
  const form = new JourneyForm(page, lang, 'event-permission', true);
  await form.fromHome();

  await onStep(form, 'about-you');
  await form.fill([...applicant(mobile), ...homeAddress]);
  await form.next(form.stepTitle('organiser'));

  await onStep(form, 'organiser');
  await form.fill([
    { radio: 'organiser_type', option: 'organisation' },
    { text: 'org_name', value: 'Anisabad Durga Puja Samiti' },
  ]);
  await form.next(form.stepTitle('event'));

  await onStep(form, 'event');
  const notice = page.locator('[data-testid="notice-large_event"]');
  await form.fill([
    { radio: 'event_type', option: 'procession' },
    { text: 'description', value: 'Durga Puja immersion procession with a band.' },
    { text: 'attendance', value: '4000' },
  ]);
  await expect(notice).toHaveCount(0);
  // Above 5,000 people the step says what a larger event needs.
  await form.fill([{ text: 'attendance', value: '6000' }]);
  await expect(notice).toHaveText(form.text('notice_large_event'));
  await form.scan('event with the larger-event notice');
  await form.next(form.stepTitle('when'));

  await onStep(form, 'when');
  // The 7 days' notice is stated before it is ever an error.
  await expect(page.locator('#f-start_date-hint')).toHaveText(form.text('start_date_hint'));
  const soon = istDay(3);
  const later = istDay(10);
  await form.fill([
    { date: 'start_date', ...soon },
    ...time('start_time', '17', '00'),
    { date: 'end_date', ...soon },
    ...time('end_time', '21', '00'),
  ]);
  await problem(form, form.text('start_date_too_soon').replace('{min}', '7'), 'when', 'start_date');
  // Now far enough ahead, but ending before it starts.
  await form.fill([
    { date: 'start_date', ...later },
    { date: 'end_date', ...later },
    ...time('end_time', '16', '00'),
  ]);
  await problem(form, form.text('end_time_end_before_start'), 'when', 'end_time');
  await form.fill(time('end_time', '21', '00'));
  await form.next(form.stepTitle('place'));

  await onStep(form, 'place');
  // A procession gives its route, not a venue.
  await expect(page.locator('#f-venue')).toHaveCount(0);
  await form.fill([
    { select: 'event_district', value: 'PAT' },
    { select: 'event_station', value: 'PAT-GANDHI-MAIDAN' },
    { text: 'route_start', value: 'Anisabad Chowk' },
    { text: 'route_end', value: 'Gandhi Maidan' },
    { add: 'stops' },
    { text: 'stops-0-place', value: 'Gardanibagh' },
  ]);
  await form.next(form.stepTitle('loudspeaker'));

  await onStep(form, 'loudspeaker');
  await form.fill([{ radio: 'loudspeaker', option: 'yes' }, ...time('loudspeaker_from', '20', '00'), ...time('loudspeaker_to', '23', '00')]);
  await problem(form, form.text('loudspeaker_to_outside_hours'), 'loudspeaker', 'loudspeaker_to');
  await form.fill(time('loudspeaker_to', '21', '30'));
  await form.next(form.stepTitle('consent'));

  await onStep(form, 'consent');
  await problem(form, t(lang, 'forms.files_required'), 'consent');
  await form.fill([{ photo: true }]);
  await form.next(t(lang, 'forms.check_title'));

  await expect(page.locator('main')).toContainText('Gardanibagh');
  await acknowledged(form, mobile, 'EVP', 7);
});

test('missing person: 112 and 1098 first, a missing child says it again on the acknowledgement (hi)', async ({ page }) => {
  test.setTimeout(150_000);
  const lang: Lang = 'hi';
  const mobile = randomMobile();
  const form = new JourneyForm(page, lang, 'missing-person', true);
  // From the home page, as JourneyForm.fromHome does, looking at the start page on the way.
  await form.preferLanguage(lang);
  await form.goto('/');
  await form.main.locator('a[data-testid="service-card"][href="/missing-person"]').click();
  await expect(form.h1).toHaveText(t(lang, 'services.missing_person_title'));
  // Before anything else: a missing child is reported to 112 or 1098 at once, no waiting.
  const emergency = page.locator('.ns-notice--emergency a[href="tel:112"]');
  await expect(emergency).toHaveText(form.text('start_emergency'));
  await expect(form.main.locator('p').first()).toHaveText(form.text('start_emergency'));
  await expect(form.main.locator('.ns-lead')).toHaveText(form.text('start_intro'));
  await form.scan('start');
  await page.getByRole('button', { name: t(lang, 'journey.start_button') }).click();

  await onStep(form, 'about-you');
  await form.fill([...applicant(mobile), { select: 'relation', value: 'parent' }]);
  await form.next(form.stepTitle('person'));

  await onStep(form, 'person');
  await form.fill([
    { text: 'missing_name', value: 'रोहित कुमार' },
    { text: 'missing_relative_name', value: 'Ramesh Paswan' },
    { radio: 'missing_gender', option: 'male' },
    { radio: 'age_known', option: 'age' },
    { text: 'missing_age', value: '12' },
    { text: 'missing_mobile', value: mobile },
    { text: 'languages', value: 'हिन्दी, मगही' },
  ]);
  // The reporter's own number given as the child's.
  await problem(form, form.text('missing_mobile_same_as_other'), 'person', 'missing_mobile');
  await form.fill([{ text: 'missing_mobile', value: '' }]);
  await form.next(form.stepTitle('description'));

  await onStep(form, 'description');
  await form.fill([
    { text: 'height_cm', value: '4 फ़ुट 8' },
    { radio: 'build', option: 'thin' },
    { radio: 'complexion', option: 'wheatish' },
    { text: 'clothes', value: 'नीली स्कूल की कमीज़, स्लेटी पैंट' },
  ]);
  await problem(form, form.text('height_cm_invalid'), 'description', 'height_cm');
  await form.fill([{ text: 'height_cm', value: '142' }]);
  await form.next(form.stepTitle('last-seen'));

  await onStep(form, 'last-seen');
  await form.fill([
    { date: 'last_seen_date', ...istDay(-1) },
    ...time('last_seen_time', '16', '30'),
    { text: 'last_seen_place', value: 'स्कूल के गेट के बाहर, कंकड़बाग' },
    { select: 'last_seen_district', value: 'PAT' },
    { select: 'last_seen_station', value: 'PAT-KOTWALI' },
  ]);
  await form.next(form.stepTitle('photo'));

  await onStep(form, 'photo');
  await problem(form, t(lang, 'forms.photo_required'), 'photo');
  await form.fill([{ photo: true }]);
  await form.next(t(lang, 'forms.check_title'));

  await acknowledged(form, mobile, 'MSP');
  await expect(page.locator('[data-testid="notice-child"]')).toHaveText(form.text('notice_child'));
});

test('lost report: an IMEI, a masked Aadhaar and a card by its last 4 digits on a slip for A4 and 80 mm (en)', async ({ page }) => {
  test.setTimeout(150_000);
  const lang: Lang = 'en';
  const mobile = randomMobile();
  const aadhaar = '234567890124';
  const form = new JourneyForm(page, lang, 'lost-article', true);
  await form.fromHome();

  await onStep(form, 'about-you');
  await form.fill([...applicant(mobile), ...homeAddress]);
  await form.next(form.stepTitle('items'));

  await onStep(form, 'items');
  await form.fill([
    { select: 'kind', value: 'mobile_phone' },
    { text: 'imei', value: '490154203237517' },
  ]);
  // One digit wrong: the Luhn check digit catches it.
  await problem(form, t(lang, 'errors.rule_imei_checksum'), 'items', 'imei');
  await form.fill([
    { text: 'imei', value: '490154203237518' },
    { add: 'more_items' },
    { select: 'more_items-0-kind', value: 'aadhaar' },
    { text: 'more_items-0-doc_number', value: aadhaar },
    { add: 'more_items' },
    { select: 'more_items-1-kind', value: 'bank_card' },
    { text: 'more_items-1-card_last4', value: '4111 1111 1111 1111' },
  ]);
  // A full card number is refused: only its last 4 digits are asked for, and kept.
  await problem(form, form.text('item_card_last4_full_card_number'), 'items', 'more_items-1-card_last4');
  await form.fill([{ text: 'more_items-1-card_last4', value: '4321' }]);
  await form.next(form.stepTitle('where-when'));

  await onStep(form, 'where-when');
  await form.fill([
    { radio: 'date_known', option: 'not_sure' },
    { text: 'lost_period', value: 'Between 28 and 30 November' },
    { text: 'lost_place', value: 'Between Patna Junction and Boring Road' },
    { select: 'lost_district', value: 'PAT' },
    { select: 'lost_station', value: 'PAT-KOTWALI' },
    { text: 'description', value: 'Lost from my bag in an auto-rickshaw.' },
  ]);
  await form.next(t(lang, 'forms.check_title'));

  const reference = await acknowledged(form, mobile, 'LR');
  // The report, at once, with each item's identifier as a bank, an operator or the passport
  // office checks it: the IMEI in full, the Aadhaar by its last 4 digits, the card by its last 4.
  const slip = page.locator('.ns-slip');
  await expect(slip.locator('.ns-slip__reference')).toHaveText(reference);
  await expect(slip.locator('[data-testid="slip-imei"]')).toHaveText('490154203237518');
  await expect(slip.locator('[data-testid="slip-kind"]')).toHaveText(form.text('item_kind_mobile_phone'));
  await expect(slip.locator('[data-testid="slip-more_items.0.kind"]')).toHaveText(form.text('item_kind_aadhaar'));
  await expect(slip.locator('[data-testid="slip-more_items.0.doc_number"]')).toHaveText('XXXX XXXX 0124');
  await expect(slip.locator('[data-testid="slip-more_items.1.card_last4"]')).toHaveText('4321');
  await expect(slip.locator('[data-testid="slip-note"]')).toHaveText(form.text('slip_note'));
  await expect(slip).not.toContainText(aadhaar);
  await form.scan('acknowledgement');

  // It prints on one A4 page, and on an 80 mm receipt without running off the paper.
  await page.emulateMedia({ media: 'print' });
  const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).toHaveLength(1);
  await page.setViewportSize({ width: 265, height: 1400 });
  await expect(slip.locator('[data-testid="slip-imei"]')).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(265);
});
