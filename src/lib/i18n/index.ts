import { en } from './en';
import { zh } from './zh';

export type Lang = 'zh' | 'en';
export const langs: readonly Lang[] = ['zh', 'en'];
export const defaultLang: Lang = 'zh';

export const isLang = (x: unknown): x is Lang => x === 'zh' || x === 'en';

/** Value for `<html lang>` and for Intl APIs. */
export const htmlLang: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

export type MessageKey = keyof typeof zh;
export const messages: Record<Lang, Record<MessageKey, string>> = { zh, en };

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
	? P | Placeholders<Rest>
	: never;

/** The parameters a key's message needs, read from the zh text (a test checks en has the same). */
export type MessageParams<K extends MessageKey> = Record<
	Placeholders<(typeof zh)[K]>,
	string | number
>;

type ParamArgs<K extends MessageKey> = [Placeholders<(typeof zh)[K]>] extends [never]
	? []
	: [params: MessageParams<K>];

/**
 * The message in the given language with `{name}` replaced by params.name. A parameter the
 * caller forgot stays visible as `{name}` rather than turning into "undefined".
 */
export function t<K extends MessageKey>(lang: Lang, key: K, ...args: ParamArgs<K>): string {
	const text = messages[lang][key] ?? messages.zh[key] ?? key;
	const params = args[0] as Record<string, string | number> | undefined;
	if (!params) return text;
	return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
		Object.hasOwn(params, name) ? String(params[name]) : whole
	);
}

/** A message chosen at run time (navigation, placeholders) whose text takes no parameters. */
export function label(lang: Lang, key: MessageKey): string {
	return messages[lang][key] ?? messages.zh[key] ?? key;
}
