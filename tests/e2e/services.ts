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
  'tip-off',
];

/**
 * Journeys filed by nobody known (`Applicant::Anonymous`): no mobile, no code, nothing kept on
 * the device; their last page sends without verifying anyone.
 */
export const ANONYMOUS_SLUGS: readonly string[] = ['tip-off'];
