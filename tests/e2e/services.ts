// The home page's service cards, in the order the app shows them.
export const SERVICE_SLUGS = [
  'complaint',
  'status',
  'tenant-verification',
  'domestic-help-verification',
  'driver-verification',
  'employee-verification',
  'character-certificate',
  'event-permission',
  'lost-article',
  'missing-person',
  'tip-off',
  'fir-copy',
  'helplines',
] as const;

export const SERVICE_PATHS = SERVICE_SLUGS.map((slug) => `/${slug}`);

export const HELPLINES = ['112', '1930', '1091', '1098'];

/** Services filed through the one journey (declared in `contract/src/services.rs`). */
export const JOURNEY_SLUGS: readonly string[] = [
  'complaint',
  'tenant-verification',
  'domestic-help-verification',
  'driver-verification',
  'employee-verification',
  'character-certificate',
  'event-permission',
  'lost-article',
  'missing-person',
];

/** Home-page services whose pages say plainly that they are not online yet. */
export const NOT_BUILT_SLUGS: readonly string[] = [
  'tip-off',
];
