import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureCopy } from '../../../tests/unit/extract-dump';
import { recordingEffects } from '../effects';
import { writeXlsx } from '../io/xlsx-write';
import { sha256 } from './publish';
import { build, type BuildOptions } from './run';
import { findSoffice, type XlsConverter } from './xls-convert';

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(56).fill(0)]);
const MARCH = writeXlsx([
	{
		name: '月报',
		rows: [
			['单位代码', '月份', '报送日期', '总人口', '出生人数', '出生人数（男）', '出生人数（女）'],
			['990999002201', '2024-03', '2024-04-01', 496, 2, 1, 1]
		]
	}
]);

async function withXls(opts: Partial<BuildOptions>, check: (r: Awaited<ReturnType<typeof build>>, stderr: string, xls: string) => void) {
	const s = fixtureCopy('tests/fixtures/tiny/input');
	const xls = join(s.dir, 'input', 'reports', '乙乡', '2024年3月.xls');
	mkdirSync(join(s.dir, 'input', 'reports', '乙乡'));
	writeFileSync(xls, OLE);
	const { fx, stderr } = recordingEffects();
	try {
		const r = await build({ input: join(s.dir, 'input'), out: join(s.dir, 'out'), allowRejects: false, maxErrors: 50, lang: 'en', ...opts }, fx);
		check(r, stderr(), xls);
	} finally {
		s.cleanup();
	}
}

describe('.xls reports (item 12)', () => {
	it('are refused with a message naming the file and both ways out', async () => {
		await withXls({}, (r, stderr) => {
			expect(r.published).toBe(false);
			expect(stderr).toContain('reports/乙乡/2024年3月.xls: error: unsupported file format — Excel 97–2003 workbook (.xls): save it as .xlsx in Excel, or install LibreOffice and add --convert-xls');
		});
	});

	it('with --convert-xls but no LibreOffice, say to install it or save as .xlsx', async () => {
		await withXls({ convertXls: true, xlsConverter: null }, (r, stderr) => {
			expect(r.published).toBe(false);
			expect(stderr).toContain('--convert-xls needs LibreOffice (soffice), which is not on PATH; install LibreOffice, or save the file as .xlsx');
		});
	});

	it('with --convert-xls are converted into a scratch folder and read; the input stays as it was', async () => {
		const seen: string[] = [];
		const convert: XlsConverter = (source, outDir) => {
			seen.push(source);
			expect(readFileSync(source)).toEqual(OLE);
			const out = join(outDir, '2024年3月.xlsx');
			writeFileSync(out, MARCH);
			return out;
		};
		await withXls({ convertXls: true, xlsConverter: convert }, (r, stderr, xls) => {
			expect(r.published, stderr).toBe(true);
			expect(seen).toEqual([xls]);
			expect(readFileSync(xls)).toEqual(OLE);
			const input = r.inputs.find((i) => i.path === 'reports/乙乡/2024年3月.xls');
			expect(input).toMatchObject({ rows: 1, sha256: sha256(OLE), bytes: OLE.length, encoding: 'xlsx' });
			expect(r.manifest!.periods.to).toBe('2024-03');
		});
	});

	it('a conversion that fails is an error naming the file', async () => {
		const convert: XlsConverter = () => {
			throw new Error('source file could not be loaded');
		};
		await withXls({ convertXls: true, xlsConverter: convert }, (r, stderr) => {
			expect(r.published).toBe(false);
			expect(stderr).toContain('reports/乙乡/2024年3月.xls: error: file cannot be read — converting the .xls with LibreOffice failed (source file could not be loaded)');
		});
	});

	it.skipIf(!findSoffice())('LibreOffice converts a real .xls when installed', async () => {
		// Made from our own workbook by LibreOffice itself, so the test needs no binary fixture.
		const s = fixtureCopy('tests/fixtures/tiny/input');
		try {
			const x = join(s.dir, 'm.xlsx');
			writeFileSync(x, MARCH);
			const { sofficeConverter } = await import('./xls-convert');
			const convert = sofficeConverter()!;
			const { execFileSync } = await import('node:child_process');
			execFileSync(findSoffice()!, ['--headless', '--convert-to', 'xls', '--outdir', s.dir, x], { stdio: 'pipe' });
			const xls = join(s.dir, 'input', 'reports', 'm.xls');
			copyFileSync(join(s.dir, 'm.xls'), xls);
			const { fx } = recordingEffects();
			const r = await build({ input: join(s.dir, 'input'), out: join(s.dir, 'out'), allowRejects: false, maxErrors: 50, lang: 'en', convertXls: true, xlsConverter: convert }, fx);
			expect(r.published).toBe(true);
			expect(r.inputs.find((i) => i.path === 'reports/m.xls')?.rows).toBe(1);
		} finally {
			s.cleanup();
		}
	});
});

describe('a report file that cannot be read at all blocks publishing', () => {
	it.each([
		['unsupported formats', 'format_unsupported', 4],
		['a corrupt workbook', 'file_unreadable_xlsx', 1],
		['GBK behind a UTF-8 BOM', 'encoding_bom_before_gbk', 1]
	] as const)('%s, even with --allow-rejects: their rows are not counted anywhere, so publishing would lose them silently', async (_what, fixture, files) => {
		const s = fixtureCopy('tests/fixtures/tiny/input', `tests/fixtures/invalid/${fixture}/overlay`);
		try {
			for (const lang of ['en', 'zh'] as const) {
				const { fx, stderr } = recordingEffects();
				const r = await build({ input: join(s.dir, 'input'), out: join(s.dir, 'out'), allowRejects: true, maxErrors: 50, lang }, fx);
				expect(r.published).toBe(false);
				expect(existsSync(join(s.dir, 'out'))).toBe(false);
				// what to do, and that the flag the user gave is not the way out
				expect(stderr()).toContain(
					lang === 'zh'
						? `有 ${files} 个月报文件整个无法读取（见上）：请更正，或移出 reports/ 后重新生成；--allow-rejects 只跳过有误的行，不跳过整个文件。`
						: files === 1
							? '1 report file could not be read at all (see above): fix it, or move it out of reports/ and build again; --allow-rejects skips bad rows, never whole files.'
							: `${files} report files could not be read at all (see above): fix them, or move them out of reports/ and build again; --allow-rejects skips bad rows, never whole files.`
				);
				expect(stderr()).not.toContain('or --allow-rejects to publish the valid rows only');
			}
		} finally {
			s.cleanup();
		}
	});
});
