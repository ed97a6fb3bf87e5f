import type { Rng } from './random';

/**
 * Invented place names with the shape of real ones (东坡镇, 李家庄村, 新华社区). Every character
 * is common, so every name also encodes in GBK, which half of the townships send.
 */

export type TownshipKind = '乡' | '镇' | '街道';
export type VillageKind = '村委会' | '居委会' | '社区';

const words = (text: string) => text.split(' ');

const FIRST = [...'东西南北上下前后大小新高双三石柳杨桃杏梨枣青白黄红金龙凤马鹿桑松榆槐沙清安永太'];
const SECOND = [...'坡河沟岭湾营集店庄桥口坪塘堡峪洼屯寨台滩泉林庙关岗埠铺园源川田溪'];
const STREETS = words(
	'城关 城东 城西 城南 城北 新城 东关 西关 南关 北关 滨河 站前 文昌 兴华 和平 府前 鼓楼 东风 向阳 朝阳'
);
const SURNAMES = [
	...'李王张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟万段雷钱汤尹易常武乔贺龚'
];
const HAMLET = [...'庄沟洼湾营坪寨堡店屯岭河峪台集'];
const FEATURE = [...'河山岭沟塘桥坡湖林庙泉'];
const SIDE = [...'东西南北前后上下'];
const PREFIX = [...'新大小前后东西南北中上下高'];
const LUCKY = words(
	'红星 光明 新华 胜利 团结 和平 幸福 永丰 兴隆 丰收 太平 长青 双合 三合 五一 建新 红旗 联合 先锋 民主'
);
const NEIGHBOURHOOD = words(
	'新华 幸福 光明 建设 文化 育才 民主 友谊 花园 滨河 东风 向阳 长安 振兴 锦绣 春晖 繁荣 福源 康宁 安居 西苑 东苑 南苑 北苑 桥东 桥西 园丁 书香 丽景 人民 青年 工农'
);
const ORDINAL = [...'一二三四五六七八九十'];

/** Draws until the name is new within its parent; after a while numbers the name (二村). */
function unique(rng: Rng, used: Set<string>, draw: () => [stem: string, suffix: string]): string {
	for (let attempt = 0; ; attempt++) {
		const [stem, suffix] = draw();
		const numbered = attempt < 40 ? '' : ORDINAL[(attempt - 40) % ORDINAL.length];
		const name = stem + numbered + suffix;
		if (!used.has(name)) {
			used.add(name);
			return name;
		}
		if (attempt > 40 + ORDINAL.length * 20) throw new Error(`demo: ran out of names like ${name}`);
	}
}

export function countyName(rng: Rng, used: Set<string>): string {
	return unique(rng, used, () => [rng.pick(FIRST) + rng.pick(SECOND), '县']);
}

export function townshipName(rng: Rng, kind: TownshipKind, used: Set<string>): string {
	if (kind === '街道') {
		const stem = () =>
			used.size < STREETS.length ? rng.pick(STREETS) : rng.pick(FIRST) + rng.pick(SECOND);
		return unique(rng, used, () => [stem(), '街道']);
	}
	return unique(rng, used, () => [rng.pick(FIRST) + rng.pick(SECOND), kind]);
}

export function villageName(rng: Rng, kind: VillageKind, used: Set<string>): string {
	if (kind === '社区') return unique(rng, used, () => [rng.pick(NEIGHBOURHOOD), '社区']);
	if (kind === '居委会') return unique(rng, used, () => [rng.pick(NEIGHBOURHOOD), '居委会']);
	return unique(rng, used, () => {
		const r = rng.float();
		if (r < 0.5) return [`${rng.pick(SURNAMES)}家${rng.pick(HAMLET)}`, '村'];
		if (r < 0.7) return [rng.pick(FEATURE) + rng.pick(SIDE), '村'];
		if (r < 0.88) return [rng.pick(PREFIX) + rng.pick(HAMLET), '村'];
		return [rng.pick(LUCKY), '村'];
	});
}
