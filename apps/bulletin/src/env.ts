import { audioDirOf } from './audio/audio-dir';
import type { BulletinWorkersConfig } from './jobs/start-workers';
import type { BulletinServerConfig } from './server';
import { DEFAULT_PORTS, loadEnv, serviceEnv, positiveInt, serviceUrl, z } from '@portal/config';
import { subgraphListen, workersQueue } from '@portal/service-runtime';

/** Configuration of every bulletin process: the subgraph (main), the worker and the seed. */
export const env = loadEnv('bulletin', () => ({
  ...serviceEnv('bulletin', { workerConcurrency: 2 }),
  CONTENT_URL: serviceUrl(DEFAULT_PORTS.content),
  /** Signs the confirmation and unsubscribe links in mail (HS256). */
  SUBSCRIPTION_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters'),
  /** How long a confirmation link stays valid. */
  SUBSCRIPTION_CONFIRM_TTL_HOURS: positiveInt()
    .max(24 * 30)
    .default(72),
  /** Subscriptions per client (address, or person) per hour: a form filled in by a script. */
  BULLETIN_SUBSCRIBES_PER_CLIENT_PER_HOUR: positiveInt().default(10),
  /** Subscriptions (confirmation mails) per e-mail address per hour: mail bombing someone. */
  BULLETIN_SUBSCRIBES_PER_ADDRESS_PER_HOUR: positiveInt().default(3),
  /** Rendered audio lives in `<DATA_DIR>/bulletin-audio`. */
  DATA_DIR: z.string().default('.data'),
  /** Recipients per `notifications` e-mail job (the notifier takes at most 1000). */
  BULLETIN_FANOUT_BATCH_SIZE: positiveInt().max(1000).default(500),
  /** The text-to-speech engine and the voice it speaks with (Southern Vietnamese). */
  TTS_ENGINE: z.string().min(1).default('espeak-ng'),
  TTS_VOICE: z.string().min(1).default('vi-vn-x-south'),
  /** Speaking rate in words per minute. */
  TTS_SPEED: positiveInt().min(80).max(400).default(150),
  /** The MP3 encoder and its constant bit rate in kbit/s. */
  TTS_ENCODER: z.string().min(1).default('lame'),
  TTS_BITRATE_KBPS: positiveInt().min(8).max(320).default(48),
}));

export type BulletinEnv = typeof env;

/** The subgraph's settings from the checked environment. */
export function serverConfig(e: BulletinEnv): BulletinServerConfig {
  return {
    ...subgraphListen(e),
    publicBaseUrl: e.PUBLIC_BASE_URL,
    webBaseUrl: e.WEB_BASE_URL,
    contentUrl: e.CONTENT_URL,
    subscriptionTokenSecret: e.SUBSCRIPTION_TOKEN_SECRET,
    confirmTtlSeconds: e.SUBSCRIPTION_CONFIRM_TTL_HOURS * 3600,
    audioDir: audioDirOf(e.DATA_DIR),
    prefix: e.QUEUE_PREFIX,
    subscribeLimits: {
      perClientPerHour: e.BULLETIN_SUBSCRIBES_PER_CLIENT_PER_HOUR,
      perAddressPerHour: e.BULLETIN_SUBSCRIBES_PER_ADDRESS_PER_HOUR,
    },
  };
}

/** How read-aloud audio is rendered. */
export function ttsConfig(e: BulletinEnv) {
  return {
    engine: e.TTS_ENGINE,
    voice: e.TTS_VOICE,
    wordsPerMinute: e.TTS_SPEED,
    encoder: e.TTS_ENCODER,
    bitrateKbps: e.TTS_BITRATE_KBPS,
    dir: audioDirOf(e.DATA_DIR),
  };
}

/** How the bulletin reaches the content subgraph (as a trusted service). */
export function contentClientConfig(e: BulletinEnv) {
  return { contentUrl: e.CONTENT_URL, internalTokenSecret: e.INTERNAL_TOKEN_SECRET };
}

/** The worker's settings from the checked environment. */
export function workersConfig(e: BulletinEnv): BulletinWorkersConfig {
  return {
    ...workersQueue(e),
    publicBaseUrl: e.PUBLIC_BASE_URL,
    webBaseUrl: e.WEB_BASE_URL,
    content: contentClientConfig(e),
    tts: ttsConfig(e),
    subscriptionTokenSecret: e.SUBSCRIPTION_TOKEN_SECRET,
    fanoutBatchSize: e.BULLETIN_FANOUT_BATCH_SIZE,
  };
}
