import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { mp3DurationSeconds } from './mp3-duration';

export interface SpeechRendererConfig {
  /** The text-to-speech engine (espeak-ng), by name on PATH or by path. */
  engine: string;
  voice: string;
  wordsPerMinute: number;
  /** The MP3 encoder (lame). */
  encoder: string;
  bitrateKbps: number;
  /** Where finished files are written. */
  dir: string;
  /** A render that takes longer is stopped. */
  timeoutMs?: number;
}

export type RenderResult =
  { ok: true; file: string; durationSeconds: number } | { ok: false; reason: string };

function exitOf(child: ReturnType<typeof spawn>, label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 2000) stderr += chunk.toString();
    });
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(new Error(err.code === 'ENOENT' ? `${label} not found` : `${label}: ${err.message}`)),
    );
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `${label} exited with ${signal ?? code}${stderr ? `: ${stderr.trim().split('\n').pop()}` : ''}`,
          ),
        );
    });
  });
}

/**
 * Speaks `text` with the engine, pipes the audio into the MP3 encoder and writes
 * `<dir>/<fileName>` atomically (a temporary file renamed into place), so readers never
 * see half a file and a re-render simply replaces it. Never throws: a missing engine or
 * a failed render is a result with the reason, because audio is optional.
 */
export async function renderSpeech(
  text: string,
  fileName: string,
  config: SpeechRendererConfig,
): Promise<RenderResult> {
  await mkdir(config.dir, { recursive: true });
  const finalPath = join(config.dir, fileName);
  const tmpPath = join(config.dir, `.${fileName}.${randomBytes(6).toString('hex')}.tmp`);
  // -b 1: the input is UTF-8; --stdout: a WAV stream the encoder reads from its stdin.
  const speak = spawn(
    config.engine,
    ['-b', '1', '-v', config.voice, '-s', String(config.wordsPerMinute), '--stdout'],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const encode = spawn(
    config.encoder,
    ['--quiet', '-m', 'm', '-b', String(config.bitrateKbps), '--cbr', '-', tmpPath],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  const timer = setTimeout(
    () => {
      speak.kill('SIGKILL');
      encode.kill('SIGKILL');
    },
    config.timeoutMs ?? 10 * 60_000,
  );
  speak.stdout.pipe(encode.stdin);
  // A dead encoder closes its stdin; that is reported through its exit status instead.
  encode.stdin.on('error', () => {});
  speak.stdin.on('error', () => {});
  speak.stdin.end(text);
  try {
    const [spoken, encoded] = await Promise.allSettled([
      exitOf(speak, `text-to-speech engine "${config.engine}"`),
      exitOf(encode, `audio encoder "${config.encoder}"`),
    ]);
    // The engine's failure explains the encoder's (it got no input), so it is reported first.
    if (spoken.status === 'rejected') throw spoken.reason;
    if (encoded.status === 'rejected') throw encoded.reason;
    const duration = mp3DurationSeconds(await readFile(tmpPath));
    if (!duration) throw new Error('the encoder produced no audio frames');
    await rename(tmpPath, finalPath);
    return { ok: true, file: fileName, durationSeconds: duration };
  } catch (err) {
    await unlink(tmpPath).catch(() => {});
    return { ok: false, reason: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
