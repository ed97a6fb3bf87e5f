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

/**
 * A staging directory beside the published one (same file system, so the final renames are
 * atomic). Everything is written there; the old set is replaced only once all of it exists.
 */
export function makeStagingDir(outDir: string): string {
	const parent = dirname(outDir);
	fs.mkdirSync(parent, { recursive: true });
	const dir = join(parent, `.${basename(outDir)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
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

/**
 * Swaps the staging directory in: old set aside, new set in, old set removed. If the second
 * rename fails the old set is put back, so a failure never leaves the site without data.
 */
export function swapIn(staging: string, outDir: string, ops: PublishFs = realFs): void {
	const old = fs.existsSync(outDir) ? `${staging}.old` : null;
	if (old) ops.rename(outDir, old);
	try {
		ops.rename(staging, outDir);
	} catch (e) {
		if (old) fs.renameSync(old, outDir);
		throw e;
	}
	if (old) fs.rmSync(old, { recursive: true, force: true });
}

export function removeDir(dir: string): void {
	fs.rmSync(dir, { recursive: true, force: true });
}
