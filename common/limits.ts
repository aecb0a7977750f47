/**
 * Field limits shared by the server's schemas and the client's forms (which
 * warn while typing). A limit is written here once.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export const ACCOUNT_LIMITS = {
  userName: 120,
  email: 254,
  passwordMin: PASSWORD_MIN_LENGTH,
  passwordMax: PASSWORD_MAX_LENGTH,
  establishmentName: 160,
  address: 300,
  phoneMin: 4,
  phone: 30,
  websiteMin: 8,
  website: 300,
  description: 4000,
  labels: 20,
  yearMin: 1990,
  yearMax: 2100,
} as const;

export const TRAINING_LIMITS = {
  title: 200,
  summary: 500,
  descriptionHtml: 50_000,
  targetCategories: 20,
  durationMin: 15,
  durationMax: 10_080,
  trainer: 200,
  priceMaxCents: 10_000_000,
  slots: 20,
  capacityMax: 1000,
  offerHoursMin: 1,
  offerHoursMax: 168,
  address: 300,
  onlineUrl: 500,
  notes: 2000,
  cancelReason: 500,
  surveyComment: 2000,
  pageSize: 20,
} as const;
