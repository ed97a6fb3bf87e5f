import type { Lang } from '../i18n';
import type { Scheme } from './scheme';

/**
 * A tier's name as the page's language writes it: the scheme's own name, or its `name_en`. In
 * its own file so that the pages and the assessment use it without the schemas' validation code.
 */
export function tierName(scheme: Scheme, name: string, lang: Lang): string {
	const tier = scheme.tiers.find((x) => x.name === name);
	return lang === 'zh' || !tier ? name : tier.name_en;
}
