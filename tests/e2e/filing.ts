// Files a complaint straight through the API (OTP with the server's demo code), the way the
// app does, so status tests start from a real filing without clicking through the form.
import { execFileSync } from 'node:child_process';
import { request, type APIRequestContext } from '@playwright/test';
import { BASE_URL } from './browser';

export function randomMobile(): string {
  return `9${Math.floor(100000000 + Math.random() * 899999999)}`;
}

/**
 * Files with its own cookie jar, or with `using` (e.g. `page.request`, which shares the
 * browser's cookies, so the page may then open the acknowledgement).
 */
export async function fileComplaint(
  mobile = randomMobile(),
  using?: APIRequestContext,
): Promise<{ reference: string; mobile: string }> {
  const api = using ?? (await request.newContext({ baseURL: BASE_URL }));
  await api.post('/api/v1/otp/request', { data: { mobile } });
  const verified = await api.post('/api/v1/otp/verify', { data: { mobile, code: '123456' } });
  if (!verified.ok()) throw new Error(`OTP verify failed: ${verified.status()}`);
  const ist = new Date(Date.now() + 5.5 * 3600e3 - 24 * 3600e3);
  const answers = {
    name: 'Sita Devi', relative_name: 'Ram Kumar', gender: 'female', dob: '5/3/1990', mobile,
    house: 'House 12', locality: 'Kankarbagh', district: 'PAT', station: 'PAT-KOTWALI',
    pin: '800020', id_type: 'aadhaar', id_number: '234567890124', category: 'theft',
    date_known: 'approximate',
    incident_date: `${ist.getUTCDate()}/${ist.getUTCMonth() + 1}/${ist.getUTCFullYear()}`,
    place: 'Near Gandhi Maidan', incident_district: 'PAT', incident_station: 'PAT-GANDHI-MAIDAN',
    description: 'My bag was snatched by two men on a motorbike near the bus stand.',
  };
  const filed = await api.post('/api/v1/services/complaint/submissions', {
    data: { answers, attachments: [] },
    headers: { 'Idempotency-Key': `e2e-${Date.now()}-${mobile}` },
  });
  if (filed.status() !== 201) throw new Error(`filing failed: ${filed.status()} ${await filed.text()}`);
  const { reference } = await filed.json();
  if (!using) await api.dispose();
  return { reference, mobile };
}

/** The police side: `nagrik-server officer advance` on the same database, as an officer would. */
export function advance(reference: string, status: string, ...extra: string[]) {
  const bin = process.env.NAGRIK_SERVER_BIN;
  const db = process.env.NAGRIK_DB;
  if (!bin || !db) throw new Error('NAGRIK_SERVER_BIN / NAGRIK_DB not set: run through cargo xtask test');
  execFileSync(bin, ['officer', 'advance', '--db', db, reference, status, ...extra], { stdio: 'pipe' });
}
