import type { Effects } from './effects';

/**
 * One progress line on stderr: a redrawn bar on a terminal, and on a log a plain line at each
 * tenth so that CI output stays readable.
 */
export class Progress {
	private lastTenth = -1;
	private lastDraw = 0;
	private drawn = false;

	constructor(
		private readonly fx: Effects,
		private readonly label: string,
		private readonly total: number
	) {}

	update(done: number, detail = ''): void {
		const share = this.total > 0 ? Math.min(1, done / this.total) : 1;
		if (this.fx.isTTY) {
			const now = Date.now();
			if (now - this.lastDraw < 80 && done < this.total) return;
			this.lastDraw = now;
			const width = 28;
			const filled = Math.round(share * width);
			const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
			this.fx.stderr(`\r\x1b[2K${this.label} ${bar} ${pct(share)} ${done}/${this.total} ${detail}`);
			this.drawn = true;
			return;
		}
		const tenth = Math.floor(share * 10);
		if (tenth > this.lastTenth) {
			this.lastTenth = tenth;
			this.fx.stderr(
				`${this.label} ${pct(share)} (${done}/${this.total}) ${detail}\n`.replace(/ \n$/, '\n')
			);
		}
	}

	done(detail = ''): void {
		this.update(this.total, detail);
		if (this.fx.isTTY && this.drawn) this.fx.stderr('\n');
	}
}

const pct = (share: number) => `${Math.round(share * 100)}%`.padStart(4);
