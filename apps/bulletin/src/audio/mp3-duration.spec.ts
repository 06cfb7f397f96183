import { describe, expect, it } from 'vitest';
import { mp3DurationSeconds, parseFrameHeader } from './mp3-duration';

// MPEG-2 Layer III, 48 kbit/s, 22050 Hz, mono, no padding: 72 * 48000 / 22050 = 156 bytes, 576 samples.
const HEADER = [0xff, 0xf3, 0x60, 0xc4];
const FRAME_BYTES = 156;

function frames(count: number, xingFrames?: number): Uint8Array {
  const total = (count + (xingFrames === undefined ? 0 : 1)) * FRAME_BYTES;
  const buf = new Uint8Array(total + 10);
  let offset = 0;
  if (xingFrames !== undefined) {
    buf.set(HEADER, 0);
    const at = 4 + 9; // header + MPEG-2 mono side info
    buf.set(
      [...'Info'].map((c) => c.charCodeAt(0)),
      at,
    );
    new DataView(buf.buffer).setUint32(at + 4, 1);
    new DataView(buf.buffer).setUint32(at + 8, xingFrames);
    offset = FRAME_BYTES;
  }
  for (let i = 0; i < count; i++) buf.set(HEADER, offset + i * FRAME_BYTES);
  return buf;
}

describe('mp3 duration', () => {
  it('parses a Layer III frame header', () => {
    expect(parseFrameHeader(Uint8Array.from(HEADER), 0)).toEqual({
      mpeg1: false,
      sampleRate: 22050,
      samplesPerFrame: 576,
      frameLength: FRAME_BYTES,
      mono: true,
    });
    expect(parseFrameHeader(Uint8Array.from([0x49, 0x44, 0x33, 0x04]), 0)).toBeNull();
  });

  it('counts frames when there is no Info header', () => {
    expect(mp3DurationSeconds(frames(383))).toBeCloseTo((383 * 576) / 22050, 6);
  });

  it('trusts the frame count of an Info header', () => {
    expect(mp3DurationSeconds(frames(3, 1000))).toBeCloseTo((1000 * 576) / 22050, 6);
  });

  it('skips an ID3v2 tag and refuses data without frames', () => {
    const tagged = new Uint8Array(20 + FRAME_BYTES * 2);
    tagged.set([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 10]);
    tagged.set(frames(2).subarray(0, FRAME_BYTES * 2), 20);
    expect(mp3DurationSeconds(tagged)).toBeCloseTo((2 * 576) / 22050, 6);
    expect(mp3DurationSeconds(new Uint8Array(500))).toBeNull();
  });
});
