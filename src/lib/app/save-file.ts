/**
 * Hands a file to the browser's download: an object URL for bytes, or a data URL as ECharts
 * gives a chart's PNG. Same origin, so it needs nothing from outside (and the CSP allows it).
 */
export function saveFile(data: Blob | string, name: string): void {
	const a = document.createElement('a');
	a.href = typeof data === 'string' ? data : URL.createObjectURL(data);
	a.download = name;
	a.click();
	if (typeof data !== 'string') setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
