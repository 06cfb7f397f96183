import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import type { CounterConnections } from '@portal/db';
import type { Logger } from '@portal/logger';
import type { PayloadOf, QueueName } from './payloads';
import { Producer } from './producer';
import type { QueueHealth } from './queue-health';
import { createRedisConnection } from './redis-connection';
import { createWorker, type CreateWorkerOptions, type Processor } from './worker';

/** Where an app's workers run: the part of every `XWorkersConfig` a WorkerSet reads. */
export interface WorkersQueueConfig {
  redisUrl: string;
  /** The deployment's queue prefix. */
  queuePrefix: string;
  /** Jobs at once per worker, unless a worker says otherwise. */
  concurrency: number;
}

/** What a WorkerSet is given by the process: every `startXWorkers`' deps have these. */
export interface WorkersDeps {
  logger: Logger;
  /** The service's database (the caller's: the set never closes it). */
  conn: Connection;
  /** The clock the workers' services are given (tests pass theirs); the system clock by default. */
  now?: () => Date;
  /** The process's queue health (runWorker's), for its /readyz and /metrics. */
  queueHealth?: QueueHealth;
}

type WorkerOptions = Partial<
  Omit<CreateWorkerOptions, 'connection' | 'prefix' | 'logger' | 'health'>
>;

/**
 * An app's BullMQ workers and what they need, owned together (each app's
 * `jobs/start-workers.ts` makes one): every worker on a blocking connection of its own,
 * producers on one fail-fast connection (`redis`, for other commands too), every connection's
 * errors logged. `close()` stops the workers (jobs in flight finish), then runs the closers
 * given to `onClose` (last given first), closes the producers and lets the connections go.
 * What the process gives every app's workers (database, logger, clock) is the set's too.
 */
export class WorkerSet {
  readonly workers: Worker[] = [];
  /** The fail-fast connection (producers, counters, streams): a request never hangs on Redis. */
  readonly redis: Redis;
  /** The service's database (the caller's). */
  readonly conn: Connection;
  readonly logger: Logger;
  /** The clock every service the workers run is given. */
  readonly now: () => Date;
  private readonly connections: Redis[] = [];
  private readonly producers = new Map<QueueName, Producer<QueueName>>();
  private readonly closers: (() => unknown)[] = [];

  constructor(
    private readonly config: WorkersQueueConfig,
    private readonly deps: WorkersDeps,
  ) {
    this.redis = this.connect('producer');
    this.conn = deps.conn;
    this.logger = deps.logger;
    this.now = deps.now ?? (() => new Date());
  }

  /** Where the service's hot counters live: its database, this set's Redis and prefix. */
  counters(): CounterConnections {
    return {
      conn: this.conn,
      redis: this.redis,
      keyPrefix: this.config.queuePrefix,
      logger: this.logger,
    };
  }

  /** A worker for `queue` on its own blocking connection, joined to the queue health. */
  worker<Q extends QueueName>(
    queue: Q,
    processor: Processor<Q>,
    options: WorkerOptions = {},
  ): Worker {
    const worker = createWorker(queue, processor, {
      concurrency: this.config.concurrency,
      ...options,
      connection: this.connect('worker'),
      prefix: this.config.queuePrefix,
      logger: this.deps.logger,
      health: this.deps.queueHealth,
    });
    this.workers.push(worker);
    return worker;
  }

  /** The producer for `queue` (one per queue). */
  producer<Q extends QueueName>(queue: Q): Producer<Q> {
    let producer = this.producers.get(queue) as Producer<Q> | undefined;
    if (!producer) {
      producer = new Producer(queue, this.redis, this.config.queuePrefix);
      this.producers.set(queue, producer as unknown as Producer<QueueName>);
    }
    return producer;
  }

  /** Enqueues `payload` on `queue` every `everyMs` (BullMQ keeps one scheduler per id). */
  async every<Q extends QueueName>(
    queue: Q,
    schedulerId: string,
    everyMs: number,
    payload: PayloadOf<Q>,
  ): Promise<void> {
    await this.producer(queue).every(schedulerId, everyMs, payload);
  }

  /** Runs `close` after the workers have stopped and before the producers close. */
  onClose(close: () => unknown): void {
    this.closers.push(close);
  }

  /** What `startXWorkers` returns for the set (apps add their own parts beside it). */
  running(): RunningWorkers {
    return { workers: this.workers, ping: () => this.ping(), close: () => this.close() };
  }

  /** Throws when Redis does not answer. */
  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    for (const close of [...this.closers].reverse()) await close();
    await Promise.all([...this.producers.values()].map((p) => p.close()));
    for (const connection of this.connections) connection.disconnect();
  }

  private connect(role: 'worker' | 'producer'): Redis {
    const connection = createRedisConnection(this.config.redisUrl, role);
    connection.on('error', (err: Error) =>
      this.deps.logger.warn({ err: err.message, role }, 'redis connection error'),
    );
    this.connections.push(connection);
    return connection;
  }
}

/** What an app's `startXWorkers` returns (apps add what their tests and CLIs reach). */
export interface RunningWorkers {
  workers: Worker[];
  /** Throws when Redis does not answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
