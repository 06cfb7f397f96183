/**
 * Measures an MP3's duration from the file itself: the frame count in a Xing/Info header
 * when the encoder wrote one (lame does), otherwise by walking every MPEG audio frame.
 * Layer III only (what the renderer produces), MPEG-1, 2 and 2.5.
 */

const BITRATES_KBPS = {
  mpeg1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  mpeg2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const SAMPLE_RATES: Record<number, number[]> = {
  3: [44100, 48000, 32000], // MPEG-1
  2: [22050, 24000, 16000], // MPEG-2
  0: [11025, 12000, 8000], // MPEG-2.5
};

export interface FrameHeader {
  mpeg1: boolean;
  sampleRate: number;
  samplesPerFrame: number;
  frameLength: number;
  mono: boolean;
}

/** Parses the 4-byte frame header at `offset`, or null when none starts there. */
export function parseFrameHeader(buf: Uint8Array, offset: number): FrameHeader | null {
  if (offset + 4 > buf.length) return null;
  const b1 = buf[offset]!;
  const b2 = buf[offset + 1]!;
  const b3 = buf[offset + 2]!;
  const b4 = buf[offset + 3]!;
  if (b1 !== 0xff || (b2 & 0xe0) !== 0xe0) return null;
  const versionBits = (b2 >> 3) & 0b11;
  const layerBits = (b2 >> 1) & 0b11;
  if (versionBits === 1 || layerBits !== 0b01) return null; // reserved version, or not Layer III
  const mpeg1 = versionBits === 3;
  const bitrateIndex = b3 >> 4;
  const sampleRateIndex = (b3 >> 2) & 0b11;
  if (bitrateIndex === 0 || bitrateIndex === 15 || sampleRateIndex === 3) return null;
  const bitrate = (mpeg1 ? BITRATES_KBPS.mpeg1 : BITRATES_KBPS.mpeg2)[bitrateIndex]! * 1000;
  const sampleRate = SAMPLE_RATES[versionBits]![sampleRateIndex]!;
  const padding = (b3 >> 1) & 1;
  const samplesPerFrame = mpeg1 ? 1152 : 576;
  const frameLength = Math.floor(((samplesPerFrame / 8) * bitrate) / sampleRate) + padding;
  return { mpeg1, sampleRate, samplesPerFrame, frameLength, mono: b4 >> 6 === 0b11 };
}

function skipId3v2(buf: Uint8Array): number {
  if (buf.length < 10 || buf[0] !== 0x49 || buf[1] !== 0x44 || buf[2] !== 0x33) return 0;
  const size =
    ((buf[6]! & 0x7f) << 21) |
    ((buf[7]! & 0x7f) << 14) |
    ((buf[8]! & 0x7f) << 7) |
    (buf[9]! & 0x7f);
  const footer = buf[5]! & 0x10 ? 10 : 0;
  return 10 + size + footer;
}

/** The frame count from a Xing/Info header in the first frame, if any. */
function xingFrameCount(buf: Uint8Array, offset: number, header: FrameHeader): number | null {
  const sideInfo = header.mpeg1 ? (header.mono ? 17 : 32) : header.mono ? 9 : 17;
  const at = offset + 4 + sideInfo;
  if (at + 12 > buf.length) return null;
  const tag = String.fromCharCode(buf[at]!, buf[at + 1]!, buf[at + 2]!, buf[at + 3]!);
  if (tag !== 'Xing' && tag !== 'Info') return null;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const flags = view.getUint32(at + 4);
  return flags & 1 ? view.getUint32(at + 8) : null;
}

/** Duration in seconds, or null when the data holds no MP3 frames. */
export function mp3DurationSeconds(buf: Uint8Array): number | null {
  let offset = skipId3v2(buf);
  // Find the first frame: a valid header followed by another (guards against false syncs).
  let first: FrameHeader | null = null;
  for (; offset + 4 <= buf.length; offset++) {
    const h = parseFrameHeader(buf, offset);
    if (
      h &&
      (offset + h.frameLength >= buf.length || parseFrameHeader(buf, offset + h.frameLength))
    ) {
      first = h;
      break;
    }
  }
  if (!first) return null;
  const counted = xingFrameCount(buf, offset, first);
  if (counted !== null) return (counted * first.samplesPerFrame) / first.sampleRate;
  let samples = 0;
  while (offset + 4 <= buf.length) {
    const h = parseFrameHeader(buf, offset);
    if (!h) break;
    samples += h.samplesPerFrame;
    offset += h.frameLength;
  }
  return samples / first.sampleRate;
}
