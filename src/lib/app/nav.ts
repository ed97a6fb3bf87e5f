import type { Lang } from '../i18n';
import type { MessageKey } from '../i18n';

// Pages are directories (trends/index.html) so that every URL works on a plain static server:
// links name them with their trailing slash, as the server would redirect to.
export const NAV: { path: string; key: MessageKey }[] = [
	{ path: '/', key: 'nav.overview' },
	{ path: '/trends/', key: 'nav.trends' },
	{ path: '/rankings/', key: 'nav.rankings' },
	{ path: '/cards/', key: 'nav.cards' },
	{ path: '/explore/', key: 'nav.explore' },
	{ path: '/explore/sql/', key: 'nav.sql' },
	{ path: '/quality/', key: 'nav.quality' },
	{ path: '/bulletin/', key: 'nav.bulletin' },
	{ path: '/about/', key: 'nav.about' }
];

/** Query string carrying the language to another page (other selections stay with their page). */
export const langQuery = (lang: Lang) => (lang === 'en' ? '?lang=en' : '');

/** The current URL's query with the language switched. */
export function withLang(search: URLSearchParams, lang: Lang): string {
	const p = new URLSearchParams(search);
	if (lang === 'en') p.set('lang', 'en');
	else p.delete('lang');
	const s = p.toString();
	return s ? `?${s}` : '?';
}
