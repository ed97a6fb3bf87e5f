import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** File operations the publisher needs; tests pass failing ones to prove nothing is lost. */
export interface PublishFs {
	rename(from: string, to: string): void;
}

export const realFs: PublishFs = { rename: (a, b) => fs.renameSync(a, b) };

export function sha256(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

export function sha256File(path: string): string {
	return sha256(fs.readFileSync(path));
}

/** Staging folders of `outDir` are named `.<name>.tmp-<pid>-<random>` beside it. */
const stagingPrefix = (outDir: string) => `.${basename(outDir)}.tmp-`;

/**
 * A staging directory beside the published one (same file system, so the final renames are
 * atomic). Everything is written there; the old set is replaced only once all of it exists.
 */
export function makeStagingDir(outDir: string): string {
	const parent = dirname(outDir);
	fs.mkdirSync(parent, { recursive: true });
	const dir = join(parent, `${stagingPrefix(outDir)}${process.pid}-${randomBytes(4).toString('hex')}`);
	fs.mkdirSync(dir);
	return dir;
}

/**
 * Renames `path` to `name-<hash16>.ext` so that a browser never mixes a new file with a cached
 * old one; returns the new base name and the hash.
 */
export function nameByContent(path: string): { file: string; sha256: string; bytes: number } {
	const bytes = fs.readFileSync(path);
	const hash = sha256(bytes);
	const m = basename(path).match(/^(.*?)(\.[^.]+)$/);
	const hashed = `${m ? m[1] : basename(path)}-${hash.slice(0, 16)}${m ? m[2] : ''}`;
	fs.renameSync(path, join(dirname(path), hashed));
	return { file: hashed, sha256: hash, bytes: bytes.length };
}

/** Refuses to replace a directory that holds something other than an extract set. */
export function assertReplaceable(outDir: string): void {
	if (!fs.existsSync(outDir)) return;
	if (!fs.statSync(outDir).isDirectory()) throw new Error(`${outDir} exists and is not a directory`);
	const entries = fs.readdirSync(outDir);
	if (entries.length && !entries.includes('manifest.json'))
		throw new Error(
			`${outDir} is not empty and holds no manifest.json: refusing to replace it (choose an empty or new --out)`
		);
}

/** The swap's journal beside `outDir`: which staging and old folders a publish was moving. */
const journalPath = (outDir: string) => join(dirname(outDir), `.${basename(outDir)}.publish.json`);

interface Journal {
	staging: string;
	old: string | null;
}

/**
 * Swaps the staging directory in: old set aside, new set in, old set removed. If the second
 * rename fails the old set is put back, so a failure never leaves the site without data. A
 * journal written before the first rename lets the next build finish the swap if the machine
 * stops between the two renames (recoverPublish).
 */
export function swapIn(staging: string, outDir: string, ops: PublishFs = realFs): void {
	const old = fs.existsSync(outDir) ? `${staging}.old` : null;
	const journal = journalPath(outDir);
	fs.writeFileSync(`${journal}.tmp`, JSON.stringify({ staging, old } satisfies Journal));
	fs.renameSync(`${journal}.tmp`, journal);
	if (old) ops.rename(outDir, old);
	try {
		ops.rename(staging, outDir);
	} catch (e) {
		if (old) fs.renameSync(old, outDir);
		fs.rmSync(journal, { force: true });
		throw e;
	}
	fs.rmSync(journal, { force: true });
	if (old) fs.rmSync(old, { recursive: true, force: true });
}

/** What recoverPublish found and did, for the build to say. */
export interface Recovery {
	/** The interrupted swap was finished with the new set, or the old set was put back. */
	restored: 'new' | 'old' | null;
	/** Leftover folders removed: staging of dead builds, old sets, temp work folders. */
	removed: string[];
}

const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		// EPERM: the process exists but is not ours
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
};

/**
 * Run before each build: finishes a swap a power loss or kill interrupted, and removes what
 * dead builds left behind — staging folders beside `outDir` and `kaoping-build-<pid>-*` work
 * folders in `tempDir` — while leaving alone those of a build still running.
 */
export function recoverPublish(outDir: string, tempDir: string): Recovery {
	const recovery: Recovery = { restored: null, removed: [] };
	const remove = (path: string) => {
		fs.rmSync(path, { recursive: true, force: true });
		recovery.removed.push(path);
	};
	const journal = journalPath(outDir);
	if (fs.existsSync(journal)) {
		let j: Journal | null;
		try {
			j = JSON.parse(fs.readFileSync(journal, 'utf8')) as Journal;
		} catch {
			j = null; // cut short while written: the swap had not begun
		}
		if (j && !fs.existsSync(outDir)) {
			// between the two renames: the staging set is complete (the journal is written last)
			if (fs.existsSync(join(j.staging, 'manifest.json'))) {
				fs.renameSync(j.staging, outDir);
				recovery.restored = 'new';
			} else if (j.old && fs.existsSync(j.old)) {
				fs.renameSync(j.old, outDir);
				recovery.restored = 'old';
			}
		}
		fs.rmSync(journal, { force: true });
		fs.rmSync(`${journal}.tmp`, { force: true });
	}
	const parent = dirname(outDir);
	const prefix = stagingPrefix(outDir);
	if (fs.existsSync(parent))
		for (const name of fs.readdirSync(parent)) {
			const pid = Number(name.startsWith(prefix) ? name.slice(prefix.length).split('-')[0] : NaN);
			if (Number.isInteger(pid) && !alive(pid)) remove(join(parent, name));
		}
	if (fs.existsSync(tempDir))
		for (const name of fs.readdirSync(tempDir)) {
			const m = name.match(/^kaoping-build-(\d+)-/);
			if (m && !alive(Number(m[1]))) remove(join(tempDir, name));
		}
	return recovery;
}

export function removeDir(dir: string): void {
	fs.rmSync(dir, { recursive: true, force: true });
}
