/**
 * Approved answers' text: the variables a variant may use and how they are filled. Pure: the
 * values come in as arguments.
 */

export const TEMPLATE_VARIABLES = ['passengerName', 'flightNumber', 'estimatedWait', 'agentName'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export type TemplateValues = Partial<Record<TemplateVariable, string | null>>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The `{{…}}` names in `text` that are not template variables, in order of appearance, once each. */
export function unknownVariables(text: string): string[] {
  const unknown = new Set<string>();
  for (const [, name] of text.matchAll(PLACEHOLDER)) {
    if (!(TEMPLATE_VARIABLES as readonly string[]).includes(name)) unknown.add(name);
  }
  return [...unknown];
}

/** Fills the variables; an empty or missing value renders as nothing. */
export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (placeholder, name: string) =>
    (TEMPLATE_VARIABLES as readonly string[]).includes(name) ? (values[name as TemplateVariable] ?? '') : placeholder,
  );
}

/** An agent signs with the first name only. */
export function firstName(fullName: string | null | undefined): string {
  return fullName?.trim().split(/\s+/)[0] ?? '';
}

/**
 * The variant a reply sends: the conversation's language, else English, else the first one.
 */
export function chooseVariant<V extends { language: string }>(variants: V[], language: string): V {
  return variants.find((variant) => variant.language === language) ?? variants.find((variant) => variant.language === 'en') ?? variants[0];
}

interface WaitWords {
  lessThanAMinute: string;
  minutes: (n: number) => string;
  hours: (n: number) => string;
}

const WAIT_WORDS: Record<string, WaitWords> = {
  en: { lessThanAMinute: 'less than a minute', minutes: (n) => `about ${n} ${n === 1 ? 'minute' : 'minutes'}`, hours: (n) => `about ${n} ${n === 1 ? 'hour' : 'hours'}` },
  nl: { lessThanAMinute: 'minder dan een minuut', minutes: (n) => `ongeveer ${n} ${n === 1 ? 'minuut' : 'minuten'}`, hours: (n) => `ongeveer ${n} uur` },
  de: { lessThanAMinute: 'weniger als eine Minute', minutes: (n) => `etwa ${n} ${n === 1 ? 'Minute' : 'Minuten'}`, hours: (n) => `etwa ${n} ${n === 1 ? 'Stunde' : 'Stunden'}` },
  fr: { lessThanAMinute: "moins d'une minute", minutes: (n) => `environ ${n} ${n === 1 ? 'minute' : 'minutes'}`, hours: (n) => `environ ${n} ${n === 1 ? 'heure' : 'heures'}` },
  es: { lessThanAMinute: 'menos de un minuto', minutes: (n) => `unos ${n} ${n === 1 ? 'minuto' : 'minutos'}`, hours: (n) => `unas ${n} ${n === 1 ? 'hora' : 'horas'}` },
  it: { lessThanAMinute: 'meno di un minuto', minutes: (n) => `circa ${n} ${n === 1 ? 'minuto' : 'minuti'}`, hours: (n) => `circa ${n} ${n === 1 ? 'ora' : 'ore'}` },
  pt: { lessThanAMinute: 'menos de um minuto', minutes: (n) => `cerca de ${n} ${n === 1 ? 'minuto' : 'minutos'}`, hours: (n) => `cerca de ${n} ${n === 1 ? 'hora' : 'horas'}` },
};

/**
 * An estimated wait in words of the variant's language (English when it has none): minutes rounded
 * to 5 past 10 minutes, hours past 90 minutes. Null (nothing known) renders as nothing.
 */
export function waitInWords(seconds: number | null, language: string): string {
  if (seconds === null) return '';
  const words = WAIT_WORDS[language] ?? WAIT_WORDS.en;
  if (seconds < 60) return words.lessThanAMinute;
  const minutes = Math.round(seconds / 60);
  if (minutes <= 10) return words.minutes(minutes);
  if (minutes <= 90) return words.minutes(Math.round(minutes / 5) * 5);
  return words.hours(Math.round(minutes / 60));
}
