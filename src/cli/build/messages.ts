import type { Manifest } from '../../lib/extract/schema';
import type { Recovery } from './publish';
import type { Lang } from './issues';

/**
 * What the build says at its end, in the user's language. `dropped`: report files that could not
 * be read at all (issues.ts FILE_DROPPED), which --allow-rejects does not publish without.
 */
export function failureMessage(lang: Lang, n: { errors: number; rejected: number; dropped: number }, out: string, wroteRejects: boolean): string {
	// --allow-rejects would not help while a whole file is unread: the hint says so instead
	const hint = n.rejected && !wroteRejects && !n.dropped;
	const files = n.dropped > 1 ? { noun: 'files', them: 'them' } : { noun: 'file', them: 'it' };
	return lang === 'zh'
		? `校验未通过：${n.errors} 条错误，${n.rejected} 行被拒收。未发布任何数据，${out} 保持原样。` +
				(n.dropped ? `\n有 ${n.dropped} 个月报文件整个无法读取（见上）：请更正，或移出 reports/ 后重新生成；--allow-rejects 只跳过有误的行，不跳过整个文件。` : '') +
				(hint ? '\n可用 --rejects 文件 导出被拒收的行以便更正；或用 --allow-rejects 只发布通过校验的行。' : '') +
				'\n'
		: `Validation failed: ${n.errors} errors, ${n.rejected} rows rejected. Nothing was published; ${out} is unchanged.` +
				(n.dropped ? `\n${n.dropped} report ${files.noun} could not be read at all (see above): fix ${files.them}, or move ${files.them} out of reports/ and build again; --allow-rejects skips bad rows, never whole files.` : '') +
				(hint ? '\nUse --rejects FILE to write the rejected rows out for correction, or --allow-rejects to publish the valid rows only.' : '') +
				'\n';
}

export function summaryMessage(lang: Lang, m: Manifest, out: string, seconds: number): string {
	const n = (x: number) => x.toLocaleString('en');
	return lang === 'zh'
		? `已发布 ${out}：${m.counties.length} 个县、${n(m.counts.townships)} 个乡镇、${n(m.counts.villages)} 个村（居），${n(m.counts.reports)} 行月报（${m.periods.from} 至 ${m.periods.to}），拒收 ${n(m.rejects.rows)} 行，警告 ${n(m.warnings)} 条，用时 ${seconds.toFixed(1)} 秒\n`
		: `Published ${out}: ${m.counties.length} counties, ${n(m.counts.townships)} townships, ${n(m.counts.villages)} villages, ${n(m.counts.reports)} report rows (${m.periods.from} to ${m.periods.to}), ${n(m.rejects.rows)} rejected, ${n(m.warnings)} warnings, ${seconds.toFixed(1)} s\n`;
}

/** What the build found left over from an interrupted one, and what it did about it. */
export function recoveryMessage(lang: Lang, out: string, r: Recovery): string {
	const lines: string[] = [];
	if (r.restored === 'new')
		lines.push(
			lang === 'zh'
				? `上次生成在替换数据时中断：已完成替换，${out} 为上次生成的完整数据。`
				: `The last build was interrupted while swapping the data in: the swap is finished, ${out} holds its complete set.`
		);
	if (r.restored === 'old')
		lines.push(
			lang === 'zh'
				? `上次生成在替换数据时中断：已恢复原有数据到 ${out}。`
				: `The last build was interrupted while swapping the data in: the previous set is back in ${out}.`
		);
	if (r.removed.length)
		lines.push(
			lang === 'zh'
				? `已清理中断的生成留下的 ${r.removed.length} 个临时文件夹。`
				: `Removed ${r.removed.length} temporary folder(s) left by interrupted builds.`
		);
	return lines.join('\n') + '\n';
}
