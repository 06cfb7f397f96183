import { Counter, type Registry } from 'prom-client';

/** Prometheus counters for the file routes, on the service's registry (served at /metrics). */
export interface FileMetrics {
  uploads: Counter<'outcome'>;
  downloads: Counter<'status'>;
  bytesServed: Counter;
}

export function createFileMetrics(registry: Registry): FileMetrics {
  return {
    uploads: new Counter({
      name: 'library_uploads_total',
      help: 'Uploads by outcome (stored, deduplicated, or the refusal code)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    downloads: new Counter({
      name: 'library_file_responses_total',
      help: 'GET/HEAD /files/:id responses by HTTP status',
      labelNames: ['status'],
      registers: [registry],
    }),
    bytesServed: new Counter({
      name: 'library_file_bytes_served_total',
      help: 'File bytes sent (full and partial responses)',
      registers: [registry],
    }),
  };
}
