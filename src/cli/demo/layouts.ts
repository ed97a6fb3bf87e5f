import type { Catalog } from '../../lib/config/catalog-schema';
import { dayText, monthOf, monthStartDay, monthText, yearOf } from '../../lib/periods';
import { hasRole, type FileFormat, type Township } from './model';
import { MEASURES, type MeasureId, type ReportRow } from './reports';

export type Cell = string | number | null;

export interface Column {
	header: string;
	cell: (row: ReportRow) => Cell;
}

export interface Layout {
	format: FileFormat;
	ext: 'csv' | 'xlsx';
	columns: Column[];
}

/**
 * The order of a paper 月报表 that one county office copied into its spreadsheet: births first,
 * the stocks after, the submission date last. It differs from the catalog order on purpose.
 */
const FORM_ORDER: MeasureId[] = [
	'births_total',
	'births_male',
	'births_female',
	'births_parity1',
	'births_parity2',
	'births_parity3p',
	'births_in_policy',
	'births_out_policy_3p',
	'births_unreported_found',
	'deaths',
	'pop_total',
	'women_married_15_49',
	'contraception_users',
	'checkups_due',
	'checkups_done',
	'iud_insertions',
	'sterilizations',
	'abortions',
	'prepreg_checks_done',
	'fee_assessed',
	'fee_collected',
	'floating_checks_due',
	'floating_checks_done',
	'floating_info_sent',
	'floating_info_feedback'
];

/** Aliases an alias-writing office uses; the rest take the catalog's third alias (一胎, 二胎…). */
const ALIAS_CHOICE: Record<string, string> = {
	fee_assessed: '应征金额',
	fee_collected: '实征金额'
};

const measureCell = (id: MeasureId) => (r: ReportRow) => r[id];

/** How a township's files look; the builder must read every variant back to the same rows. */
export function layoutFor(t: Township, catalog: Catalog): Layout {
	const layout = baseLayout(t, catalog);
	if (!hasRole(t, 'village_name_column')) return layout;
	// One office adds the village name after the code, and a remarks column the catalog does not
	// know (the builder should warn about it and read on).
	const english = t.format === 'utf8-ids';
	const hasUnitName = catalog.attributes.some((a) => a.id === 'unit_name');
	const name: Column = {
		header: english ? (hasUnitName ? 'unit_name' : 'name') : '村名',
		cell: (r) => r.name
	};
	const remarks: Column = {
		header: english ? 'remarks' : '备注',
		cell: (r) => (isLate(r) ? (english ? 'late' : '逾期补报') : null)
	};
	const [code, ...rest] = layout.columns;
	return { ...layout, columns: [code, name, ...rest, remarks] };
}

const isLate = (r: ReportRow) => r.submittedOn > monthStartDay(r.month + 1) + 1;

function baseLayout(t: Township, catalog: Catalog): Layout {
	const attr = (id: string) => catalog.attributes.find((a) => a.id === id)!;
	const measure = (id: string) => catalog.measures.find((m) => m.id === id)!;
	const isoMonth = (r: ReportRow) => monthText(r.month);
	const isoDay = (r: ReportRow) => dayText(r.submittedOn);
	const head = (header: (id: string) => string, month: Column['cell']): Column[] => [
		{ header: header('code'), cell: (r) => r.code },
		{ header: header('period'), cell: month }
	];

	switch (t.format) {
		case 'xlsx':
			return {
				format: t.format,
				ext: 'xlsx',
				columns: [
					...head(
						(id) => attr(id).name.zh,
						(r) => `${yearOf(r.month)}年${monthOf(r.month)}月`
					),
					{ header: attr('submitted_on').name.zh, cell: isoDay },
					...MEASURES.map((id) => ({ header: measure(id).name.zh, cell: measureCell(id) }))
				]
			};
		case 'gbk-names':
			return {
				format: t.format,
				ext: 'csv',
				columns: [
					...head((id) => attr(id).name.zh, isoMonth),
					...FORM_ORDER.map((id) => {
						const m = measure(id);
						return {
							header: m.type === 'money' ? `${m.name.zh}（元）` : m.name.zh,
							cell: measureCell(id)
						};
					}),
					{ header: attr('submitted_on').name.zh, cell: isoDay }
				]
			};
		case 'gbk-aliases': {
			const alias = (col: { id: string; aliases: string[] }) =>
				ALIAS_CHOICE[col.id] ?? col.aliases[Math.min(2, col.aliases.length - 1)];
			// Excel re-saves dates as it displays them: 2024/4/2.
			const excelDay = (r: ReportRow) => dayText(r.submittedOn).replace(/-0?/g, '/');
			return {
				format: t.format,
				ext: 'csv',
				columns: [
					...head((id) => alias(attr(id)), isoMonth),
					{ header: alias(attr('submitted_on')), cell: excelDay },
					...FORM_ORDER.map((id) => ({ header: alias(measure(id)), cell: measureCell(id) }))
				]
			};
		}
		case 'utf8-ids':
			return {
				format: t.format,
				ext: 'csv',
				columns: [
					...head((id) => id, isoMonth),
					{ header: 'submitted_on', cell: isoDay },
					...MEASURES.map((id) => ({ header: id, cell: measureCell(id) }))
				]
			};
	}
}
