import { en } from './en';

/** The console's strings; one file per language under i18n/. Only English exists so far. */
export const t = en;
export const LOCALE = 'en';
