// The four verification services, from the home page to the acknowledgement, each on the one
// journey: a validation error and a cross-field error fixed on the way, a reload on a middle
// step, axe on every step and error state, and the status page after the police act.
import { axeTest as test, expect } from '../fixtures';
import { journeyText, t, type Lang } from '../locales';
import { advance, randomMobile } from '../filing';
import { JourneyForm, type Answer } from '../pages/JourneyForm';
import { anyAddress, applicant, homeAddress, person } from '../journeys';

type Step = {
  id: string;
  answers: Answer[];
  /** Answers given first that break a rule; the summary must say `message` (a key). */
  wrong?: { answers: Answer[]; message: (f: JourneyForm) => string; fix: Answer[] };
};

type Case = {
  slug: string;
  code: string;
  lang: Lang;
  usualDays: number;
  steps: (mobile: string) => Step[];
  /** A step id to reload on. */
  reloadAt: string;
};

const invalidMobile = (mobile: string): Step['wrong'] => ({
  answers: [{ text: 'mobile', value: '12345' }],
  message: (f) => t(f.lang, 'errors.rule_mobile_invalid'),
  fix: [{ text: 'mobile', value: mobile }],
});

const CASES: Case[] = [
  {
    slug: 'tenant-verification',
    code: 'TNV',
    lang: 'hi',
    usualDays: 8,
    reloadAt: 'permanent-address',
    steps: (mobile) => [
      { id: 'about-you', answers: applicant(mobile), wrong: invalidMobile(mobile) },
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
      {
        id: 'previous-address',
        answers: anyAddress('prev_', 'Room 12, Gupta Lodge'),
        wrong: {
          // The rented property given again as the previous address.
          answers: [
            { text: 'prev_house', value: 'Flat 3, Shanti Niwas' },
            { text: 'prev_locality', value: 'Boring Road' },
            { text: 'prev_town', value: 'Patna' },
            { text: 'prev_state', value: 'Bihar' },
            { text: 'prev_pin', value: '800001' },
          ],
          message: (f) => f.text('prev_house_same_as_other'),
          fix: anyAddress('prev_', 'Room 12, Gupta Lodge'),
        },
      },
      {
        id: 'family',
        answers: [
          { add: 'family' },
          { text: 'family-0-name', value: 'Sunita Devi' },
          { select: 'family-0-relation', value: 'spouse' },
          { text: 'family-0-age', value: '27' },
        ],
      },
      { id: 'tenancy', answers: [{ date: 'tenancy_start', d: '1', m: '1', y: '2027' }] },
      { id: 'photo', answers: [{ photo: true }] },
    ],
  },
  {
    slug: 'domestic-help-verification',
    code: 'DHV',
    lang: 'en',
    usualDays: 8,
    reloadAt: 'permanent-address',
    steps: (mobile) => [
      { id: 'about-you', answers: [...applicant(mobile), ...homeAddress], wrong: invalidMobile(mobile) },
      { id: 'worker', answers: person('worker_', 'Geeta Devi') },
      { id: 'permanent-address', answers: anyAddress('perm_', 'Tola Bazar') },
      {
        id: 'work',
        answers: [
          { date: 'work_start', d: '1', m: '12', y: '2026' },
          { text: 'prev_employer_name', value: 'Meena Gupta' },
          { text: 'prev_employer_mobile', value: '9000000001' },
        ],
        wrong: {
          // The employer's own number given as the previous employer's.
          answers: [
            { date: 'work_start', d: '1', m: '12', y: '2026' },
            { text: 'prev_employer_mobile', value: mobile },
          ],
          message: (f) => f.text('prev_employer_mobile_same_as_other'),
          fix: [{ text: 'prev_employer_mobile', value: '9000000001' }],
        },
      },
      { id: 'photo', answers: [{ photo: true }] },
    ],
  },
  {
    slug: 'driver-verification',
    code: 'DRV',
    lang: 'hi',
    usualDays: 8,
    reloadAt: 'licence',
    steps: (mobile) => [
      { id: 'about-you', answers: [...applicant(mobile), ...homeAddress], wrong: invalidMobile(mobile) },
      { id: 'driver', answers: person('driver_', 'Raju Kumar', '9123456780') },
      { id: 'permanent-address', answers: anyAddress('perm_', 'Village Belaganj') },
      {
        id: 'licence',
        answers: [
          { text: 'licence_number', value: 'BR02 20150012345' },
          { text: 'vehicle', value: 'BR 02 AB 1234' },
        ],
        wrong: {
          // Issued in 2005: the driver (born 1995) was 10.
          answers: [{ text: 'licence_number', value: 'BR02 20050012345' }],
          message: (f) => f.text('licence_number_too_young').replace('{min}', '18'),
          fix: [{ text: 'licence_number', value: 'BR02 20150012345' }],
        },
      },
      { id: 'photo', answers: [{ photo: true }] },
    ],
  },
  {
    slug: 'employee-verification',
    code: 'EMV',
    lang: 'en',
    usualDays: 8,
    reloadAt: 'employee',
    steps: (mobile) => [
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
        wrong: invalidMobile(mobile),
      },
      {
        id: 'employee',
        answers: [
          ...person('employee_', 'Md. Irfan', '9123456780'),
          { text: 'designation', value: 'Pharmacist' },
          { date: 'joined_on', d: '20', m: '11', y: '2026' },
        ],
        wrong: {
          // The contact person's mobile given as the employee's.
          answers: [
            ...person('employee_', 'Md. Irfan', mobile),
            { text: 'designation', value: 'Pharmacist' },
            { date: 'joined_on', d: '20', m: '11', y: '2026' },
          ],
          message: (f) => f.text('employee_mobile_same_as_other'),
          fix: [{ text: 'employee_mobile', value: '9123456780' }],
        },
      },
      { id: 'permanent-address', answers: anyAddress('perm_', 'Mohalla Alamganj') },
      { id: 'photo', answers: [{ photo: true }] },
    ],
  },
];

for (const c of CASES) {
  test(`${c.slug}: home → acknowledgement with errors fixed, a reload, and status (${c.lang})`, async ({ page }) => {
    test.setTimeout(150_000);
    const mobile = randomMobile();
    const form = new JourneyForm(page, c.lang, c.slug, true);
    await form.fromHome();
    const steps = c.steps(mobile);
    for (const [i, step] of steps.entries()) {
      await expect(form.h1).toHaveText(form.stepTitle(step.id));
      await expect(page).toHaveURL(new RegExp(`/${c.slug}/${step.id}$`));
      await form.scan(step.id);
      if (step.id === 'photo') {
        // The photo is required: Continue without it says so.
        await form.expectProblem(t(c.lang, 'forms.photo_required'));
        await form.scan('photo errors');
      }
      if (step.wrong) {
        await form.fill(step.answers);
        await form.fill(step.wrong.answers);
        await form.expectProblem(step.wrong.message(form));
        await form.scan(`${step.id} errors`);
        await form.fill(step.wrong.fix);
      } else {
        await form.fill(step.answers);
      }
      if (step.id === c.reloadAt) {
        // A reload (Android killed the tab) opens the same step and offers the answers back.
        await page.reload();
        await form.booted();
        await expect(form.h1).toHaveText(form.stepTitle(step.id));
        await page.getByRole('button', { name: t(c.lang, 'forms.draft_continue') }).click();
        const first = step.answers.find((a) => 'text' in a) as { text: string; value: string };
        await expect(page.locator(`#f-${first.text}`)).toHaveValue(first.value);
      }
      const next = i + 1 < steps.length ? form.stepTitle(steps[i + 1].id) : t(c.lang, 'forms.check_title');
      await form.next(next);
    }
    const display = `${mobile.slice(0, 5)} ${mobile.slice(5)}`;
    const reference = await form.checkAndSend(display);
    expect(reference).toMatch(new RegExp(`^BR-${c.code}-\\d{4}-\\d{6}$`));
    await expect(form.h1).toHaveText(form.text('done_title'));
    await expect(page.locator('[data-testid="next-steps"]')).toHaveText(form.text('done_next'));
    await expect(page.locator('[data-testid="usual-time"]')).toHaveText(
      journeyText(c.lang, form.ns, 'done_usual_other').replace('{count}', String(c.usualDays)),
    );
    // No visit to sign anything: that is the complaint's.
    await expect(page.locator('[data-testid="next-visit"]')).toHaveCount(0);

    // The police act; the status page names the service and shows its own lifecycle.
    advance(reference, 'pending_at_station');
    await page.locator('[data-testid="track"]').click();
    await expect(page.locator('[data-testid="current-status"]')).toContainText(form.text('service_name'));
    await expect(page.locator('[data-testid="current-status"]')).toContainText(
      t(c.lang, 'status.code_pending_at_station'),
    );
    await form.scan('status');
  });
}
