/**
 * The log levels of Grafana's databases (dskit's `-log.level`, `server.log_level`), the same for Mimir, Loki
 * and Tempo.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Every {@link LogLevel}, for the semantic check of configurations that bypass the type (plain JS, casts). */
export const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
