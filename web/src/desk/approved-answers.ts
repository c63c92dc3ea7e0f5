/** Approved answers (templates) at the desk: which variant a reply would use. */

export interface Variant {
  language: string;
  text: string;
}

/**
 * The variant a reply to a passenger in `language` sends, as the service chooses it (surge-desk.md):
 * the passenger's language, else English, else the first variant.
 */
export function variantFor<V extends Variant>(variants: readonly V[], language: string): V | null {
  return variants.find((v) => v.language === language) ?? variants.find((v) => v.language === 'en') ?? variants[0] ?? null;
}

/** Approved answers with a variant in the passenger's language first, each group by name. */
export function answersForLanguage<T extends { name: string; variants: readonly Variant[] }>(templates: readonly T[], language: string): T[] {
  const speaks = (template: T) => template.variants.some((v) => v.language === language);
  return [...templates].sort((a, b) => Number(speaks(b)) - Number(speaks(a)) || a.name.localeCompare(b.name));
}
