// The app's real translations, read from REPO_ROOT/locales/{en,hi}/<namespace>.json, so specs
// assert what users see rather than a copy of it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Lang = 'hi' | 'en';
export const LANGS: Lang[] = ['hi', 'en'];

const repoRoot = process.env.REPO_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '../..');

type Tree = { [key: string]: string | Tree };

function load(lang: Lang): Record<string, Tree> {
  const dir = join(repoRoot, 'locales', lang);
  const namespaces: Record<string, Tree> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    namespaces[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  }
  return namespaces;
}

const strings: Record<Lang, Record<string, Tree>> = { hi: load('hi'), en: load('en') };

/** `t('hi', 'home.title')`: the text for a `namespace.key` (nested keys with more dots). */
export function t(lang: Lang, path: string): string {
  const [namespace, ...keys] = path.split('.');
  let node: string | Tree | undefined = strings[lang][namespace];
  for (const key of keys) node = typeof node === 'object' ? node[key] : undefined;
  if (typeof node !== 'string') throw new Error(`no string ${lang}:${path} in ${repoRoot}/locales`);
  return node;
}

/** The title key of a service slug: `tenant-verification` → `services.tenant_verification_title`. */
export const serviceTitleKey = (slug: string) => `services.${slug.replace(/-/g, '_')}_title`;

/** Namespaces of the blocks every journey shares, in the order the app looks a field up. */
const SHARED = ['person', 'address', 'id_proof', 'journey'];

/**
 * A journey's text by key as the app resolves it (`src/forms/text.rs`): the service's own
 * namespace first, then the shared blocks' (`name` → `person.name`, `own_mobile` for the
 * applicant's mobile, `start_button` → `journey.start_button`).
 */
export function journeyText(lang: Lang, ns: string, key: string): string {
  const aliases: Record<string, string> = { mobile: 'own_mobile', mobile_hint: 'own_mobile_hint' };
  for (const candidate of [`${ns}.${key}`, ...SHARED.map((s) => `${s}.${aliases[key] ?? key}`), ...SHARED.map((s) => `${s}.${key}`)]) {
    const [namespace, k] = candidate.split('.');
    const node = strings[lang][namespace]?.[k];
    if (typeof node === 'string') return node;
  }
  throw new Error(`no journey text ${lang}:${ns}.${key}`);
}
