import { z } from './zod';

/**
 * The sentences of the 通报 (bulletin), as a county words them: data in scheme-YYYY.yaml, not
 * code, so a county rewords them without a new release. Each template names its placeholders
 * in braces — `全县{indicator} {value}，{change}，{target}。` — and may use only the ones listed
 * here for it (a misspelt `{vaule}` would otherwise print as is on the leaders' paper).
 */
export const BULLETIN_PLACEHOLDERS = {
	title: ['period', 'county'],
	opening: ['scheme', 'period', 'county', 'count'],
	lead_heading: [],
	lead: ['indicator', 'value', 'change', 'target'],
	'change.rising': ['change'],
	'change.falling': ['change'],
	'change.unchanged': [],
	'change.no_last_year': [],
	'change.not_comparable': [],
	'target.above': ['gap', 'target'],
	'target.below': ['gap', 'target'],
	'target.equal': ['target'],
	'target.in_band': ['low', 'high'],
	ranking_heading: [],
	ranking_intro: ['count', 'period'],
	cards_heading: [],
	cards_intro: ['count', 'period'],
	cards_none: ['period'],
	carded: ['unit', 'card', 'status', 'reasons'],
	last_heading: [],
	last_places: ['n', 'units'],
	consequences_heading: [],
	consequence: ['who', 'text'],
	closing: []
} as const satisfies Record<string, readonly string[]>;

export type BulletinTemplateKey = keyof typeof BULLETIN_PLACEHOLDERS;

const text = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });

export const bulletinSchema = z.strictObject({
	title: text,
	opening: text,
	lead_heading: text,
	lead: text,
	change: z.strictObject({
		rising: text,
		falling: text,
		unchanged: text,
		no_last_year: text,
		not_comparable: text
	}),
	target: z.strictObject({ above: text, below: text, equal: text, in_band: text }),
	ranking_heading: text,
	ranking_intro: text,
	cards_heading: text,
	cards_intro: text,
	cards_none: text,
	carded: text,
	last_heading: text,
	last_places: text,
	consequences_heading: text,
	consequence: text,
	closing: text
});

export type BulletinTemplates = z.infer<typeof bulletinSchema>;
export type TemplateText = z.infer<typeof text>;

/** The template at a dotted key (`change.rising`). */
export function templateAt(t: BulletinTemplates, key: BulletinTemplateKey): TemplateText {
	const [head, tail] = key.split('.') as [string, string | undefined];
	const node = (t as unknown as Record<string, unknown>)[head];
	return (tail ? (node as Record<string, TemplateText>)[tail] : node) as TemplateText;
}

/**
 * Problems of the templates, each naming its key as config errors do:
 * `bulletin.lead.zh: unknown placeholder {vaule} (allowed: {indicator}, {value}, …)`.
 */
export function templateProblems(t: BulletinTemplates): string[] {
	const problems: string[] = [];
	for (const [key, allowed] of Object.entries(BULLETIN_PLACEHOLDERS) as [
		BulletinTemplateKey,
		readonly string[]
	][]) {
		const tpl = templateAt(t, key);
		for (const lang of ['zh', 'en'] as const) {
			const at = `bulletin.${key}.${lang}`;
			const s = tpl[lang];
			// braces only around a placeholder name: a stray one means a typo
			if (s.replace(/\{[a-z_]+\}/g, '').match(/[{}]/)) {
				problems.push(`${at}: a brace that does not enclose a placeholder name`);
				continue;
			}
			for (const [, name] of s.matchAll(/\{([a-z_]+)\}/g))
				if (!allowed.includes(name))
					problems.push(
						`${at}: unknown placeholder {${name}} (${
							allowed.length
								? `allowed: ${allowed.map((a) => `{${a}}`).join(', ')}`
								: 'this text takes none'
						})`
					);
		}
	}
	return problems;
}

/** Fills a validated template; every placeholder it names is given by the caller. */
export function fillTemplate(template: string, params: Record<string, string | number>): string {
	return template.replace(/\{([a-z_]+)\}/g, (whole, name: string) =>
		Object.hasOwn(params, name) ? String(params[name]) : whole
	);
}
